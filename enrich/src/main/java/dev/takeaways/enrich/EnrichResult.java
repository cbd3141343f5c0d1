package dev.takeaways.enrich;

import dev.takeaways.model.EnrichedNote;

/** What enriching one note gave: the enriched note, or the reason it was rejected. */
public sealed interface EnrichResult {

  /** The note was enriched. */
  record Enriched(EnrichedNote note) implements EnrichResult {}

  /**
   * The note cannot be processed.
   *
   * @param reason a short bounded code, used as a metric tag ({@code empty}, {@code binary}, ...)
   * @param detail a sentence for people, naming the note
   */
  record Rejected(String reason, String detail) implements EnrichResult {}
}
