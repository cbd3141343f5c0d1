package dev.takeaways.publish;

import dev.takeaways.model.EnrichedNote;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where enriched notes are kept. Every operation is one transaction and idempotent: applying the
 * same note twice leaves the same rows.
 */
public interface NoteStore extends AutoCloseable {

  /** Replaces all rows of {@code note.id()} with {@code note}. */
  void apply(EnrichedNote note) throws SQLException;

  /** Removes the note and everything that belongs to it; a no-op when it is not there. */
  void delete(String noteId) throws SQLException;

  /** What the store holds for a note, to check a write after its commit. */
  Optional<StoredNote> find(String noteId) throws SQLException;

  /** What is stored of one note. */
  record StoredNote(String id, String contentHash, int sessions, int takeaways) {}

  @Override
  void close() throws SQLException;
}
