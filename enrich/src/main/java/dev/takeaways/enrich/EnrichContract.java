package dev.takeaways.enrich;

import dev.takeaways.metrics.Assertion;
import dev.takeaways.metrics.AssertionKind;
import dev.takeaways.metrics.Severity;
import dev.takeaways.metrics.Stage;
import java.util.List;

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
          .remedy("Compare takeaways_enrich_notes_total by outcome with the records read; check the enrich logs for the failing note.")
          .expression(
              "sum(increase(takeaways_ingest_notes_total{outcome=~\"sent|deleted\"}[15m]))"
                  + " - sum(increase(takeaways_enrich_notes_total[15m])) <= 0")
          .build();

  public static final Assertion TAKEAWAYS_WELL_FORMED =
      Assertion.named("enrich-takeaways-well-formed")
          .stage(Stage.ENRICH)
          .kind(AssertionKind.POSTCONDITION)
          .description("Takeaway ids are unique within a note and every tag's evidence span lies inside its takeaway's text.")
          .severity(Severity.TICKET)
          .remedy("Run `takeaways parse FILE --json` on the note named in the log and fix the extractor or tagger.")
          .build();

  public static final List<Assertion> ALL =
      List.of(RECORD_IS_A_NOTE, NOTE_ENRICHED_OR_DEAD_LETTERED, TAKEAWAYS_WELL_FORMED);
}
