package dev.takeaways.model;

import java.util.Objects;

/**
 * A note that a stage could not process: the value of a {@code notes.dead-letter} record, keyed by
 * the note id.
 *
 * @param stage the stage that gave up ({@code ingest}, {@code enrich}, {@code publish})
 * @param reason a short, bounded reason code (it is also a metric tag), e.g. {@code not-utf8}
 * @param detail the human-readable explanation, naming the file
 * @param at epoch milliseconds
 */
public record DeadLetter(
    String schema, String noteId, String path, String stage, String reason, String detail, long at) {

  public static final String SCHEMA = "notes.dead-letter/v1";

  public DeadLetter {
    Objects.requireNonNull(noteId, "noteId");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(reason, "reason");
  }

  public static DeadLetter of(
      String noteId, String path, String stage, String reason, String detail, long at) {
    return new DeadLetter(SCHEMA, noteId, path, stage, reason, detail, at);
  }
}
