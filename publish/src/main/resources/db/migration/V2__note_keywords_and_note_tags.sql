-- A note's own front-matter tags are keywords, as written; note_tags now holds the tools and
-- practices of the note as a whole (found in its title, keywords and headings), with evidence.

ALTER TABLE note_tags RENAME TO note_keywords;
ALTER TABLE note_keywords RENAME COLUMN tag TO keyword;

CREATE TABLE note_tags (
  note_id      TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  tag_id       TEXT NOT NULL REFERENCES tags (id),
  matched_text TEXT NOT NULL,       -- within the title, keyword or heading it was found in
  span_start   INTEGER NOT NULL,
  span_end     INTEGER NOT NULL,
  rule         TEXT NOT NULL,
  PRIMARY KEY (note_id, tag_id)
);
CREATE INDEX note_tags_tag ON note_tags (tag_id);
