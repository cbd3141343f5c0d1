-- Where in notes.enriched the stored version of each note came from: a publisher applies a record
-- only if it comes later in the note's partition than what is stored, so that two publishers (or
-- one that lost its partitions in a rebalance and still finishes a record) never put a note's
-- older version after a newer one. Kept after a delete, so that an older version cannot bring a
-- deleted note back. A different topic (notes.enriched made again, with a new topic id) or partition
-- (the topic grew) counts as later.
CREATE TABLE note_versions (
  note_id         TEXT PRIMARY KEY,
  kafka_topic_id  TEXT NOT NULL,
  kafka_partition INTEGER NOT NULL,
  kafka_offset    BIGINT NOT NULL
);
