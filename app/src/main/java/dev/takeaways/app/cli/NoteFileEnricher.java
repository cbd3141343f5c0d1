package dev.takeaways.app.cli;

import dev.takeaways.enrich.EnrichResult;
import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.enrich.tag.Taxonomy;
import dev.takeaways.ingest.NoteValidator;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Enriches a note file as the pipeline would, validation included, without Kafka: for parse and eval. */
final class NoteFileEnricher {
  private final NoteEnricher enricher;
  private final NoteValidator validator = new NoteValidator(Topics.MAX_NOTE_BYTES);

  NoteFileEnricher(Taxonomy taxonomy, double minConfidence) {
    this.enricher = NoteEnricher.withTaxonomy(taxonomy, minConfidence);
  }

  /** The enriched note, or the rejection (by ingest's validation or by enrich) with its reason. */
  EnrichResult enrich(Path file, String id, String path) throws IOException {
    NoteValidator.Verdict verdict = validator.validate(path, Files.readAllBytes(file));
    if (verdict instanceof NoteValidator.Invalid invalid) {
      return new EnrichResult.Rejected(invalid.reason(), invalid.detail());
    }
    String text = ((NoteValidator.Valid) verdict).text();
    return enricher.enrich(RawNote.of(id, path, new RawNote.Source(RawNote.Source.CLI, null), text, 0));
  }
}
