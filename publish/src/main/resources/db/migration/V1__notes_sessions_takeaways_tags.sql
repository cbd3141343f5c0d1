-- One schema for SQLite and PostgreSQL: portable types only (TEXT, INTEGER, BIGINT).
-- A note's rows are replaced as a whole in one transaction; deleting a note cascades.

CREATE TABLE notes (
  id             TEXT PRIMARY KEY,
  path           TEXT NOT NULL,
  title          TEXT NOT NULL,
  created        TEXT,              -- ISO-8601 date, or NULL
  content_hash   TEXT NOT NULL,
  ingested_at    BIGINT NOT NULL,   -- epoch ms when a source read the note
  stored_at      BIGINT NOT NULL,   -- epoch ms when this version was stored
  session_count  INTEGER NOT NULL,
  takeaway_count INTEGER NOT NULL
);

CREATE TABLE note_tags (
  note_id TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  tag     TEXT NOT NULL,
  PRIMARY KEY (note_id, tag)
);

CREATE TABLE sessions (
  id       TEXT PRIMARY KEY,
  note_id  TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title    TEXT NOT NULL,
  speaker  TEXT,
  url      TEXT,
  section  TEXT NOT NULL
);
CREATE INDEX sessions_note ON sessions (note_id);

CREATE TABLE takeaways (
  id         TEXT PRIMARY KEY,
  note_id    TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  session_id TEXT REFERENCES sessions (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  text       TEXT NOT NULL,
  section    TEXT NOT NULL
);
CREATE INDEX takeaways_note ON takeaways (note_id);
CREATE INDEX takeaways_session ON takeaways (session_id);

CREATE TABLE tags (
  id   TEXT PRIMARY KEY,            -- tool:<slug> or practice:<slug>
  type TEXT NOT NULL,
  slug TEXT NOT NULL
);

CREATE TABLE takeaway_tags (
  takeaway_id  TEXT NOT NULL REFERENCES takeaways (id) ON DELETE CASCADE,
  tag_id       TEXT NOT NULL REFERENCES tags (id),
  matched_text TEXT NOT NULL,
  span_start   INTEGER NOT NULL,
  span_end     INTEGER NOT NULL,
  rule         TEXT NOT NULL,
  PRIMARY KEY (takeaway_id, tag_id)
);
CREATE INDEX takeaway_tags_tag ON takeaway_tags (tag_id);

-- Every takeaway with its note, session and speaker: the view most questions start from.
CREATE VIEW takeaway_details AS
SELECT t.id, t.note_id, n.title AS note_title, n.created AS note_created,
       t.session_id, s.title AS session_title, s.speaker, t.kind, t.text, t.section, t.position
FROM takeaways t
JOIN notes n ON n.id = t.note_id
LEFT JOIN sessions s ON s.id = t.session_id;

-- Tools and practices by how many takeaways, sessions and notes mention them.
CREATE VIEW tag_leaderboard AS
SELECT g.id AS tag_id, g.type, g.slug,
       COUNT(DISTINCT tt.takeaway_id) AS takeaways,
       COUNT(DISTINCT t.session_id)   AS sessions,
       COUNT(DISTINCT t.note_id)      AS notes
FROM tags g
JOIN takeaway_tags tt ON tt.tag_id = g.id
JOIN takeaways t ON t.id = tt.takeaway_id
GROUP BY g.id, g.type, g.slug;
