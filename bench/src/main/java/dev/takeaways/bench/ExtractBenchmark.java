package dev.takeaways.bench;

import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.enrich.extract.Extraction;
import dev.takeaways.enrich.extract.TakeawayExtractor;
import dev.takeaways.enrich.parse.NoteParser;
import dev.takeaways.model.RawNote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse-only (commonmark-java, configured as we configure it) against our parse + extract, and
 * parse + extract + tag, on the seed note and on a large note. The figure that matters is the ratio
 * of parseAndExtract to parseOnly (target: at most 1.5).
 *
 * <p>Run from the project root: {@code mvn -q -pl bench -am package -DskipTests && java -jar
 * bench/target/benchmarks.jar}. The seed is read from {@code ../shared/seed/} (or {@code
 * TAKEAWAYS_SHARED}); the large note is our examples and golden notes, repeated to about 1 MB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ExtractBenchmark {
  @Param({"seed", "large"})
  public String note;

  private String text;
  private Parser commonmark;
  private NoteParser parser;
  private TakeawayExtractor extractor;
  private NoteEnricher enricher;
  private RawNote raw;

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path root = projectRoot();
    text = note.equals("seed") ? Files.readString(shared(root).resolve("seed/devopsdays-boston-2014.md")) : large(root);
    commonmark = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    parser = new NoteParser();
    extractor = new TakeawayExtractor();
    enricher = NoteEnricher.withBundledTaxonomy();
    raw = RawNote.of(note, note + ".md", new RawNote.Source(RawNote.Source.CLI, null), text, 0);
    System.err.printf("%n%s note: %d bytes%n", note, text.getBytes(StandardCharsets.UTF_8).length);
  }

  @Benchmark
  public Node parseOnly() {
    return commonmark.parse(text);
  }

  @Benchmark
  public Extraction parseAndExtract() {
    return extractor.extract(note, parser.parse(text));
  }

  @Benchmark
  public Object parseExtractAndTag() {
    return enricher.enrich(raw);
  }

  private static Path projectRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("examples/notes"))) {
        return p;
      }
    }
    throw new IllegalStateException("run from inside the project");
  }

  private static Path shared(Path root) {
    String env = System.getenv("TAKEAWAYS_SHARED");
    return env != null ? Path.of(env) : root.resolveSibling("shared");
  }

  /** Our own notes, each under a heading of its own, repeated to about 1 MB. */
  private static String large(Path root) throws IOException {
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
