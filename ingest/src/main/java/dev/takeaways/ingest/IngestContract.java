package dev.takeaways.ingest;

import dev.takeaways.metrics.Assertion;
import dev.takeaways.metrics.AssertionKind;
import dev.takeaways.metrics.Severity;
import dev.takeaways.metrics.Stage;
import java.util.List;

/** What the ingest stage promises, declared once. */
public final class IngestContract {
  private IngestContract() {}

  public static final Assertion NOTE_IS_VALID_TEXT =
      Assertion.named("ingest-note-valid-utf8-within-limit")
          .stage(Stage.INGEST)
          .kind(AssertionKind.PRECONDITION)
          .description("A note sent to notes.raw is non-empty UTF-8 text without NUL bytes and within the size limit.")
          .severity(Severity.TICKET)
          .remedy("Rejected notes are logged with their file and reason and dead-lettered; fix or remove the file.")
          .build();

  public static final Assertion SEND_ACKNOWLEDGED =
      Assertion.named("ingest-send-acknowledged")
          .stage(Stage.INGEST)
          .kind(AssertionKind.POSTCONDITION)
          .description("A note is recorded as sent only after Kafka acknowledged it (acks=all); a failed send is retried.")
          .severity(Severity.PAGE)
          .remedy("Check that the Kafka brokers are reachable from the ingest process.")
          .build();

  public static final List<Assertion> ALL = List.of(NOTE_IS_VALID_TEXT, SEND_ACKNOWLEDGED);
}
