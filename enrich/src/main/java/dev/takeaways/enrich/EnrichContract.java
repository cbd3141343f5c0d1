package dev.takeaways.enrich;

import static dev.takeaways.metrics.MetricNames.ENRICH_FAILURES_IN_A_ROW;
import static dev.takeaways.metrics.MetricNames.ENRICH_NOTES;
import static dev.takeaways.metrics.MetricNames.ENRICH_TAGGED_TAKEAWAYS;
import static dev.takeaways.metrics.MetricNames.ENRICH_TAKEAWAYS;
import static dev.takeaways.metrics.MetricNames.INGEST_NOTES;
import static dev.takeaways.metrics.MetricNames.KIND;
import static dev.takeaways.metrics.MetricNames.OUTCOME;
import static dev.takeaways.metrics.MetricNames.STATE;
import static dev.takeaways.metrics.MetricNames.STREAMS_STATE;
import static dev.takeaways.metrics.MetricNames.counter;
import static dev.takeaways.metrics.MetricNames.gauge;
import static dev.takeaways.metrics.MetricNames.is;
import static dev.takeaways.metrics.MetricNames.isOneOf;

import dev.takeaways.metrics.Assertion;
import dev.takeaways.metrics.AssertionKind;
import dev.takeaways.metrics.Conservation;
import dev.takeaways.metrics.Severity;
import dev.takeaways.metrics.Stage;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the enrich stage promises, declared once. */
public final class EnrichContract {
  private EnrichContract() {}

  public static final Assertion RECORD_IS_A_NOTE =
      Assertion.named("enrich-record-is-a-note")
          .stage(Stage.ENRICH)
          .kind(AssertionKind.PRECONDITION)
          .description("Every record read from notes.raw has a note id and is a notes.raw/v1 JSON note or a tombstone.")
          .severity(Severity.TICKET)
          .remedy("Find the producer writing to notes.raw outside takeaways; the records are in notes.dead-letter with reason bad-record.")
          .build();

  public static final Assertion NOTE_ENRICHED_OR_DEAD_LETTERED =
      Assertion.named("enrich-note-enriched-or-dead-lettered")
          .stage(Stage.ENRICH)
          .kind(AssertionKind.INVARIANT)
          .description("Every note read is enriched, deleted or dead-lettered: exactly one outcome per record.")
          .severity(Severity.PAGE)
          .remedy("Compare " + counter(ENRICH_NOTES) + " by outcome with the records read; check the enrich logs for the failing note.")
          .violatedWhen(
              // What ingest sent five minutes ago must all have an outcome by now.
              Conservation.violated(counter(INGEST_NOTES, isOneOf(OUTCOME, "sent", "deleted")), "sum(" + counter(ENRICH_NOTES) + ")"),
              "10m",
              new Assertion.Example(
                  Map.of(counter(INGEST_NOTES, is(OUTCOME, "sent")), "0+10x60",
                      counter(ENRICH_NOTES, is(OUTCOME, "enriched")), "0+5x60",
                      "process_uptime_seconds", "600+60x60"),
                  Map.of(counter(INGEST_NOTES, is(OUTCOME, "sent")), "0+10x60",
                      counter(ENRICH_NOTES, is(OUTCOME, "enriched")), "0+10x60",
                      "process_uptime_seconds", "600+60x60"),
                  "40m"))
          .build();

  public static final Assertion TAKEAWAYS_WELL_FORMED =
      Assertion.named("enrich-takeaways-well-formed")
          .stage(Stage.ENRICH)
          .kind(AssertionKind.POSTCONDITION)
          .description("Takeaway ids are unique within a note and every tag's evidence span lies inside its takeaway's text.")
          .severity(Severity.TICKET)
          .remedy("Run `takeaways parse FILE --json` on the note named in the log and fix the extractor or tagger.")
          .build();

  /** The time bound of {@link #NOTE_WITHIN_TIME_BOUND}. */
  public static final Duration TIME_BOUND = Duration.ofSeconds(1);

  public static final Assertion NOTE_WITHIN_TIME_BOUND =
      Assertion.named("enrich-note-within-1s")
          .stage(Stage.ENRICH)
          .kind(AssertionKind.POSTCONDITION)
          .description("Parsing, extracting and tagging one note takes at most 1 second (a pathological note must not stall the stream).")
          .severity(Severity.TICKET)
          .remedy("Run `takeaways parse FILE` on the note named in the log, find the slow stage, and cap the pathological case.")
          .build();

  public static final Assertion TAGGED_SHARE =
      Assertion.named("enrich-half-of-takeaways-tagged")
          .stage(Stage.ENRICH)
          .kind(AssertionKind.INVARIANT)
          .description("At least half of the takeaways extracted in the last hour carry a tag (when there were at least 50).")
          .severity(Severity.TICKET)
          .remedy("A drop means notes about tools the taxonomy lacks, or a broken taxonomy file: look at `takeaways top` and the untagged takeaways, extend --taxonomy.")
          .violatedWhen(
              "sum(increase(" + counter(ENRICH_TAGGED_TAKEAWAYS) + "[1h])) / sum(increase(" + counter(ENRICH_TAKEAWAYS) + "[1h])) < 0.5"
                  + " and on() sum(increase(" + counter(ENRICH_TAKEAWAYS) + "[1h])) >= 50",
              "15m",
              new Assertion.Example(
                  Map.of(counter(ENRICH_TAKEAWAYS, is(KIND, "point")), "0+10x120", counter(ENRICH_TAGGED_TAKEAWAYS), "0+2x120"),
                  Map.of(counter(ENRICH_TAKEAWAYS, is(KIND, "point")), "0+10x120", counter(ENRICH_TAGGED_TAKEAWAYS), "0+8x120"),
                  "90m"))
          .build();

  public static final Assertion STREAMS_NOT_FAILED =
      Assertion.named("enrich-streams-never-error")
          .stage(Stage.ENRICH)
          .kind(AssertionKind.INVARIANT)
          .description("The enrich Kafka Streams application is never in state ERROR (or on its way there).")
          .severity(Severity.PAGE)
          .remedy("Read the enrich log for the stream thread's exception; restart the process once the cause (broker, state directory) is fixed.")
          .violatedWhen(
              "max(" + gauge(STREAMS_STATE, isOneOf(STATE, "error", "pending_error")) + ") > 0",
              "1m",
              new Assertion.Example(
                  Map.of(gauge(STREAMS_STATE, is(STATE, "error")), "1x30", gauge(STREAMS_STATE, is(STATE, "running")), "0x30"),
                  Map.of(gauge(STREAMS_STATE, is(STATE, "error")), "0x30", gauge(STREAMS_STATE, is(STATE, "running")), "1x30"),
                  "10m"))
          .build();

  public static final Assertion STREAM_MAKES_PROGRESS =
      Assertion.named("enrich-stream-makes-progress")
          .stage(Stage.ENRICH)
          .kind(AssertionKind.INVARIANT)
          .description("The enrich stream thread does not fail three times in a row without finishing a note (a record it can never get past).")
          .severity(Severity.PAGE)
          .remedy("Read the enrich log for the stream thread's exception and the note it names; fix the cause or dead-letter the note by hand.")
          .violatedWhen(
              "max(" + gauge(ENRICH_FAILURES_IN_A_ROW) + ") >= 3",
              "1m",
              new Assertion.Example(
                  Map.of(gauge(ENRICH_FAILURES_IN_A_ROW), "3x30"),
                  Map.of(gauge(ENRICH_FAILURES_IN_A_ROW), "1x30"),
                  "10m"))
          .build();

  public static final List<Assertion> ALL =
      List.of(RECORD_IS_A_NOTE, NOTE_ENRICHED_OR_DEAD_LETTERED, TAKEAWAYS_WELL_FORMED, NOTE_WITHIN_TIME_BOUND, TAGGED_SHARE, STREAMS_NOT_FAILED,
          STREAM_MAKES_PROGRESS);
}
