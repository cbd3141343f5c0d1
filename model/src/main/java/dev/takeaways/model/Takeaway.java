package dev.takeaways.model;

import java.util.List;
import java.util.Objects;

/**
 * One thing worth keeping from a note.
 *
 * @param id stable takeaway id (see {@link NoteIds#takeawayId})
 * @param sessionId the session it belongs to, or null when it stands outside any session
 * @param kind what sort of takeaway it is
 * @param text plain text, no Markdown syntax
 * @param section the heading path it stands under
 * @param position its index among the note's takeaways, from 0
 * @param tags the tools and practices it mentions, with evidence
 */
public record Takeaway(
    String id,
    String sessionId,
    TakeawayKind kind,
    String text,
    String section,
    int position,
    List<Tag> tags) {
  public Takeaway {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(section, "section");
    if (position < 0) {
      throw new IllegalArgumentException("position must be >= 0, was " + position);
    }
    tags = List.copyOf(tags);
  }
}
