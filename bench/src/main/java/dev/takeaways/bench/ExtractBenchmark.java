package dev.takeaways.bench;

import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.enrich.extract.Extraction;
import dev.takeaways.enrich.extract.TakeawayExtractor;
import dev.takeaways.enrich.parse.MarkdownBody;
import dev.takeaways.enrich.parse.NoteParser;
import dev.takeaways.enrich.parse.ParsedNote;
import dev.takeaways.model.RawNote;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
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
  private ParsedNote parsed;

  @Setup(Level.Trial)
  public void load() throws IOException {
    text = BenchNotes.load(note);
    commonmark = BenchNotes.commonmark();
    parser = new NoteParser();
    extractor = new TakeawayExtractor();
    enricher = NoteEnricher.withBundledTaxonomy();
    ParsedNote once = parser.parse(text);
    // A tree parsed once and kept: extraction alone (the collector compacts the tree it keeps).
    parsed = new ParsedNote(once.frontMatter(), false, MarkdownBody.of(once.document()), once.warnings());
    raw = RawNote.of(note, note + ".md", new RawNote.Source(RawNote.Source.CLI, null), text, 0);
  }

  @Benchmark
  public Node parseOnly() {
    return commonmark.parse(text);
  }

  @Benchmark
  public Extraction parseAndExtract() {
    return extractor.extract(note, parser.parse(text));
  }

  /**
   * Extraction alone, on a note parsed once and kept: what extraction adds to parsing, when the
   * tree is compact (a just-parsed large tree is not: see {@code MarkdownBody}).
   */
  @Benchmark
  public Extraction extractOnly() {
    return extractor.extract(note, parsed);
  }

  /**
   * Our parse alone, without extraction: the front matter, and the body parsed part by part as its
   * blocks are read (the body is parsed only when they are).
   */
  @Benchmark
  public int parseNote() {
    int blocks = 0;
    for (Iterator<Node> it = parser.parse(text).body().blocks(); it.hasNext(); it.next()) {
      blocks++;
    }
    return blocks;
  }

  @Benchmark
  public Object parseExtractAndTag() {
    return enricher.enrich(raw);
  }
}
