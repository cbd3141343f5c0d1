package dev.takeaways.publish;

import dev.takeaways.metrics.Assertion;
import dev.takeaways.metrics.AssertionKind;
import dev.takeaways.metrics.Severity;
import dev.takeaways.metrics.Stage;
import java.util.List;

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
          .expression(
              "sum(rate(takeaways_assertion_checks_total{assertion=\"e2e-latency-p99-under-2s\",outcome=\"fail\"}[1h]))"
                  + " / sum(rate(takeaways_assertion_checks_total{assertion=\"e2e-latency-p99-under-2s\"}[1h])) <= 0.01")
          .build();

  /** The latency bound of {@link #E2E_LATENCY}, in milliseconds. */
  public static final long E2E_LATENCY_BOUND_MS = 2_000;

  public static final List<Assertion> ALL = List.of(STORED_AFTER_COMMIT, DELETED_AFTER_COMMIT, E2E_LATENCY);
}
