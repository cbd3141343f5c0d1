package dev.takeaways.publish;

import dev.takeaways.model.EnrichedNote;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where enriched notes are kept. Every operation is one transaction and idempotent: applying the
 * same note twice leaves the same rows.
 */
public interface NoteStore extends AutoCloseable {

  /** Replaces all rows of {@code note.id()} with {@code note}, whatever the store holds. */
  default void apply(EnrichedNote note) throws SQLException {
    apply(note, null);
  }

  /**
   * Replaces all rows of {@code note.id()} with {@code note} if it comes from later in the topic than
   * what the store holds of that note (or {@code at} is null).
   *
   * @return false when the store holds a version from as late or later: nothing changed
   */
  boolean apply(EnrichedNote note, Position at) throws SQLException;

  /** Removes the note and everything that belongs to it, whatever the store holds; a no-op when it is not there. */
  default void delete(String noteId) throws SQLException {
    delete(noteId, null);
  }

  /**
   * Removes the note and everything that belongs to it if the deletion comes from later in the topic
   * than what the store holds of that note (or {@code at} is null).
   *
   * @return false when the store holds a version from as late or later: nothing changed
   */
  boolean delete(String noteId, Position at) throws SQLException;

  /**
   * Applies several changes (a note's new version, or its deletion) in one transaction, each as
   * {@link #apply(EnrichedNote, Position)} or {@link #delete(String, Position)} would, in order: a
   * later change of the same note sees the earlier one. All or nothing: when one fails, none is
   * kept, and the caller may apply them one at a time to find which.
   *
   * @return for each change, whether it changed the store (false: the store held a version from as late or later)
   */
  default List<Boolean> applyAll(List<Change> changes) throws SQLException {
    List<Boolean> applied = new ArrayList<>(changes.size());
    for (Change change : changes) {
      applied.add(change.note() == null ? delete(change.noteId(), change.at()) : apply(change.note(), change.at()));
    }
    return applied;
  }

  /** A note's new version ({@code note}), or its deletion ({@code note} null), from {@code at}. */
  record Change(String noteId, EnrichedNote note, Position at) {}

  /**
   * Where a record is in {@code notes.enriched}: a note's records are in one partition, in order.
   *
   * @param topicId the topic's id ({@code notes.enriched} made again is another topic), or "" if unknown
   */
  record Position(String topicId, int partition, long offset) {}

  /**
   * Writes {@code note}'s rows and rolls them back: the statements and the code that writes them are
   * warm before the first real note, and nothing is stored.
   */
  default void rehearse(EnrichedNote note) throws SQLException {}

  /** What the store holds for a note, to check a write after its commit. */
  Optional<StoredNote> find(String noteId) throws SQLException;

  /** What is stored of one note. */
  record StoredNote(String id, String contentHash, int sessions, int takeaways) {}

  @Override
  void close() throws SQLException;
}
