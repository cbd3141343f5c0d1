-- The views people ask for besides the all-time leaderboard: tools and practices by month, and how
-- much was said per session and per speaker. Portable SQL: SQLite and PostgreSQL run it as is.

-- Tools and practices by the month of the note they were mentioned in (its own date, as
-- YYYY-MM; 'undated' for a note without one).
CREATE VIEW tag_leaderboard_by_month AS
SELECT COALESCE(SUBSTR(n.created, 1, 7), 'undated') AS month, g.id AS tag_id, g.type, g.slug,
       COUNT(DISTINCT tt.takeaway_id) AS takeaways,
       COUNT(DISTINCT t.session_id)   AS sessions,
       COUNT(DISTINCT t.note_id)      AS notes
FROM tags g
JOIN takeaway_tags tt ON tt.tag_id = g.id
JOIN takeaways t ON t.id = tt.takeaway_id
JOIN notes n ON n.id = t.note_id
GROUP BY COALESCE(SUBSTR(n.created, 1, 7), 'undated'), g.id, g.type, g.slug;

-- Every session with how many takeaways it gave and how many of them carry a tag.
CREATE VIEW takeaways_per_session AS
SELECT s.note_id, n.title AS note_title, s.id AS session_id, s.position, s.title AS session_title,
       s.speaker, s.section,
       COUNT(t.id) AS takeaways,
       COUNT(DISTINCT tt.takeaway_id) AS tagged_takeaways
FROM sessions s
JOIN notes n ON n.id = s.note_id
LEFT JOIN takeaways t ON t.session_id = s.id
LEFT JOIN (SELECT DISTINCT takeaway_id FROM takeaway_tags) tt ON tt.takeaway_id = t.id
GROUP BY s.note_id, n.title, s.id, s.position, s.title, s.speaker, s.section;

-- Speakers (as written in the sessions' headings) with their sessions, notes and takeaways.
CREATE VIEW takeaways_per_speaker AS
SELECT s.speaker,
       COUNT(DISTINCT s.id)      AS sessions,
       COUNT(DISTINCT s.note_id) AS notes,
       COUNT(t.id)               AS takeaways
FROM sessions s
LEFT JOIN takeaways t ON t.session_id = s.id
WHERE s.speaker IS NOT NULL
GROUP BY s.speaker;
