package dev.takeaways.publish;

import static dev.takeaways.metrics.MetricNames.ASSERTION;
import static dev.takeaways.metrics.MetricNames.ASSERTION_CHECKS;
import static dev.takeaways.metrics.MetricNames.COMPONENT_ERRORS;
import static dev.takeaways.metrics.MetricNames.ENRICH_NOTES;
import static dev.takeaways.metrics.MetricNames.INGEST_NOTES;
import static dev.takeaways.metrics.MetricNames.OUTCOME;
import static dev.takeaways.metrics.MetricNames.PUBLISH_NOTES;
import static dev.takeaways.metrics.MetricNames.STAGE;
import static dev.takeaways.metrics.MetricNames.counter;
import static dev.takeaways.metrics.MetricNames.is;
import static dev.takeaways.metrics.MetricNames.isOneOf;

import dev.takeaways.metrics.Assertion;
import dev.takeaways.metrics.AssertionKind;
import dev.takeaways.metrics.Conservation;
import dev.takeaways.metrics.Severity;
import dev.takeaways.metrics.Stage;
import java.util.List;
import java.util.Map;

/** What the publish stage promises, declared once. */
public final class PublishContract {
  private PublishContract() {}

  public static final Assertion STORED_AFTER_COMMIT =
      Assertion.named("publish-note-stored-after-commit")
          .stage(Stage.PUBLISH)
          .kind(AssertionKind.POSTCONDITION)
          .description("After its transaction commits, every enriched note applied is in the store with its content hash and exactly its sessions and takeaways.")
          .severity(Severity.PAGE)
          .remedy("Check the store for concurrent writers or a failing migration; compare `takeaways parse` of the note with its rows.")
          .build();

  public static final Assertion DELETED_AFTER_COMMIT =
      Assertion.named("publish-note-deleted-after-commit")
          .stage(Stage.PUBLISH)
          .kind(AssertionKind.POSTCONDITION)
          .description("After a tombstone's transaction commits, the store holds nothing of that note.")
          .severity(Severity.PAGE)
          .remedy("Check the store for concurrent writers re-inserting the note.")
          .build();

  public static final Assertion E2E_LATENCY =
      Assertion.named("e2e-latency-p99-under-2s")
          .stage(Stage.END_TO_END)
          .kind(AssertionKind.SLO)
          .description("99% of notes are in the store within 2 seconds of a source reading them (each stored note is one check).")
          .severity(Severity.TICKET)
          .remedy("Look at the Streams commit interval, publisher errors and store latency on the Pipeline dashboard.")
          .objective(new Assertion.Slo(
              0.99,
              counter(ASSERTION_CHECKS, is(ASSERTION, "e2e-latency-p99-under-2s"), is(OUTCOME, "fail")),
              counter(ASSERTION_CHECKS, is(ASSERTION, "e2e-latency-p99-under-2s"), is(OUTCOME, "pass")),
              0.01))
          .build();

  /** The latency bound of {@link #E2E_LATENCY}, in milliseconds. */
  public static final long E2E_LATENCY_BOUND_MS = 2_000;

  public static final Assertion ALL_ENRICHED_APPLIED =
      Assertion.named("publish-every-enriched-note-applied")
          .stage(Stage.PUBLISH)
          .kind(AssertionKind.INVARIANT)
          .description("Every note enriched (or deleted) five minutes ago has been stored, deleted or dead-lettered by publish.")
          .severity(Severity.PAGE)
          .remedy("Look at the publisher: /health, " + counter(COMPONENT_ERRORS, is(STAGE, "publish")) + ", its log; the store may be down.")
          .violatedWhen(
              Conservation.violated(counter(ENRICH_NOTES, isOneOf(OUTCOME, "enriched", "deleted")), "sum(" + counter(PUBLISH_NOTES) + ")"),
              "10m",
              new Assertion.Example(
                  Map.of(counter(ENRICH_NOTES, is(OUTCOME, "enriched")), "0+10x60",
                      counter(PUBLISH_NOTES, is(OUTCOME, "stored")), "0+5x60",
                      "process_uptime_seconds", "600+60x60"),
                  Map.of(counter(ENRICH_NOTES, is(OUTCOME, "enriched")), "0+10x60",
                      counter(PUBLISH_NOTES, is(OUTCOME, "stored")), "0+10x60",
                      "process_uptime_seconds", "600+60x60"),
                  "40m"))
          .build();

  public static final Assertion LAG_BOUNDED =
      Assertion.named("publish-lag-under-1000")
          .stage(Stage.PUBLISH)
          .kind(AssertionKind.INVARIANT)
          .description("The publisher is never more than 1000 records behind notes.enriched for 10 minutes.")
          .severity(Severity.TICKET)
          .remedy("The store is slow or failing: look at publish errors and store latency; PostgreSQL may need vacuuming or a bigger machine.")
          .violatedWhen(
              "max(kafka_consumer_fetch_manager_records_lag_max{client_id=~\".*takeaways-publish.*\"}) > 1000",
              "10m",
              new Assertion.Example(
                  Map.of("kafka_consumer_fetch_manager_records_lag_max{client_id=\"consumer-takeaways-publish-1\"}", "5000x30"),
                  Map.of("kafka_consumer_fetch_manager_records_lag_max{client_id=\"consumer-takeaways-publish-1\"}", "3x30"),
                  "20m"))
          .build();

  public static final Assertion E2E_CONSERVATION =
      Assertion.named("e2e-every-note-stored-or-dead-lettered")
          .stage(Stage.END_TO_END)
          .kind(AssertionKind.INVARIANT)
          .description("Every note ingest sent five minutes ago is by now stored, deleted or dead-lettered: nothing is lost between the stages.")
          .severity(Severity.PAGE)
          .remedy("Compare the stages' component counters on the Pipeline dashboard to find the stage that holds the notes.")
          .violatedWhen(
              Conservation.violated(counter(INGEST_NOTES, isOneOf(OUTCOME, "sent", "deleted")),
                  "(sum(" + counter(PUBLISH_NOTES) + ") + sum(" + counter(ENRICH_NOTES, is(OUTCOME, "dead-lettered")) + " or vector(0)))"),
              "10m",
              new Assertion.Example(
                  Map.of(counter(INGEST_NOTES, is(OUTCOME, "sent")), "0+10x60",
                      counter(PUBLISH_NOTES, is(OUTCOME, "stored")), "0+4x60",
                      counter(ENRICH_NOTES, is(OUTCOME, "dead-lettered")), "0+1x60",
                      "process_uptime_seconds", "600+60x60"),
                  Map.of(counter(INGEST_NOTES, is(OUTCOME, "sent")), "0+10x60",
                      counter(PUBLISH_NOTES, is(OUTCOME, "stored")), "0+9x60",
                      counter(ENRICH_NOTES, is(OUTCOME, "dead-lettered")), "0+1x60",
                      "process_uptime_seconds", "600+60x60"),
                  "40m"))
          .build();

  public static final List<Assertion> ALL =
      List.of(STORED_AFTER_COMMIT, DELETED_AFTER_COMMIT, ALL_ENRICHED_APPLIED, LAG_BOUNDED, E2E_LATENCY, E2E_CONSERVATION);
}
