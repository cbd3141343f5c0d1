package dev.takeaways.bench;

import dev.takeaways.app.bench.SyntheticNotes;
import dev.takeaways.enrich.EnrichResult;
import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.enrich.parse.NoteParser;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.RawNote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.commonmark.parser.Parser;

/** The notes the benchmarks run on: the seed ({@code ../shared/seed/}), and a large note of our own. */
final class BenchNotes {
  private BenchNotes() {}

  /** The parse-only reference: commonmark-java configured as {@code NoteParser} configures it. */
  static Parser commonmark() {
    return NoteParser.markdownParser();
  }

  /** The seed as the enrich stream writes it to {@code notes.enriched}, with the bundled taxonomy. */
  static EnrichedNote enrichedSeed() throws IOException {
    RawNote raw = RawNote.of("seed.md", "seed.md", new RawNote.Source(RawNote.Source.CLI, null), load("seed"), 1);
    return ((EnrichResult.Enriched) NoteEnricher.withBundledTaxonomy().enrich(raw)).note();
  }

  /** {@code seed} or {@code large}; prints its size so that times convert to MB/s. */
  static String load(String which) throws IOException {
    Path root = projectRoot();
    String text = which.equals("seed") ? Files.readString(shared(root).resolve("seed/devopsdays-boston-2014.md")) : large(root);
    System.err.printf("%n%s note: %d bytes%n", which, text.getBytes(StandardCharsets.UTF_8).length);
    return text;
  }

  static Path projectRoot() {
    return SyntheticNotes.projectRoot();
  }

  static Path shared(Path root) {
    String env = System.getenv("TAKEAWAYS_SHARED");
    return env != null ? Path.of(env) : root.resolveSibling("shared");
  }

  /** Our own notes, each under a heading of its own, repeated to about 1 MB. */
  static String large(Path root) throws IOException {
    StringBuilder one = new StringBuilder();
    try (Stream<Path> files = Stream.concat(
        Files.list(root.resolve("examples/notes")), Files.list(root.resolve("enrich/src/test/resources/golden")))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        String body = Files.readString(f).replaceFirst("(?s)\\A(?:---|\\+\\+\\+)\\R.*?\\R(?:---|\\+\\+\\+)\\R", "");
        one.append("# ").append(f.getFileName()).append("\n\n").append(body).append("\n\n");
      }
    }
    StringBuilder out = new StringBuilder("# Large note\n\n");
    for (int i = 0; out.length() < 1_000_000; i++) {
      out.append("# Part ").append(i).append("\n\n").append(one);
    }
    return out.toString();
  }
}
