package dev.takeaways.model;

import java.util.List;
import java.util.Objects;

/**
 * A takeaway with its note and session, standing alone: the value of a {@code takeaways.tagged}
 * record, keyed by {@link #id()}, for subscribers that want takeaways without whole notes.
 */
public record TaggedTakeaway(
    String schema,
    String id,
    String noteId,
    String noteTitle,
    String sessionId,
    String sessionTitle,
    String speaker,
    TakeawayKind kind,
    String text,
    String section,
    List<Tag> tags,
    long ingestedAt) {

  public static final String SCHEMA = "takeaways.tagged/v1";

  public TaggedTakeaway {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(noteId, "noteId");
    tags = List.copyOf(tags);
  }

  /** The standalone form of {@code takeaway} from {@code note}. */
  public static TaggedTakeaway of(EnrichedNote note, Takeaway takeaway) {
    Session session =
        note.sessions().stream()
            .filter(s -> s.id().equals(takeaway.sessionId()))
            .findFirst()
            .orElse(null);
    return new TaggedTakeaway(
        SCHEMA,
        takeaway.id(),
        note.id(),
        note.title(),
        takeaway.sessionId(),
        session == null ? null : session.title(),
        session == null ? null : session.speaker(),
        takeaway.kind(),
        takeaway.text(),
        takeaway.section(),
        takeaway.tags(),
        note.ingestedAt());
  }
}
