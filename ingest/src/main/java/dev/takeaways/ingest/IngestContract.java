package dev.takeaways.ingest;

import static dev.takeaways.metrics.MetricNames.COMPONENT_ERRORS;
import static dev.takeaways.metrics.MetricNames.ERROR_TYPE;
import static dev.takeaways.metrics.MetricNames.STAGE;
import static dev.takeaways.metrics.MetricNames.counter;
import static dev.takeaways.metrics.MetricNames.is;

import dev.takeaways.metrics.Assertion;
import dev.takeaways.metrics.AssertionKind;
import dev.takeaways.metrics.Severity;
import dev.takeaways.metrics.Stage;
import java.util.List;
import java.util.Map;

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

  public static final Assertion SENDS_SUCCEED =
      Assertion.named("ingest-sends-succeed")
          .stage(Stage.INGEST)
          .kind(AssertionKind.INVARIANT)
          .description("Sends to Kafka succeed: no ingest errors in the last 10 minutes (a failed send is retried, but means the broker is unreachable or refusing).")
          .severity(Severity.PAGE)
          .remedy("Check the brokers and the ingest log; notes keep waiting in the folder, checkpoint or outbox and are sent when Kafka is back.")
          .violatedWhen(
              "sum(increase(" + counter(COMPONENT_ERRORS, is(STAGE, "ingest")) + "[10m])) > 0",
              "5m",
              new Assertion.Example(
                  Map.of(counter(COMPONENT_ERRORS, is(STAGE, "ingest"), is(ERROR_TYPE, "send-failed")), "0+1x30"),
                  Map.of(counter(COMPONENT_ERRORS, is(STAGE, "ingest"), is(ERROR_TYPE, "send-failed")), "0x30"),
                  "20m"))
          .build();

  public static final List<Assertion> ALL = List.of(NOTE_IS_VALID_TEXT, SEND_ACKNOWLEDGED, SENDS_SUCCEED);
}
