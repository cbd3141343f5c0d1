-- How sure the tagger was of each tag, in [0, 1]. Rows stored before it existed have none (NULL):
-- they were tagged without a confidence threshold.
ALTER TABLE takeaway_tags ADD COLUMN confidence REAL;
ALTER TABLE note_tags ADD COLUMN confidence REAL;
