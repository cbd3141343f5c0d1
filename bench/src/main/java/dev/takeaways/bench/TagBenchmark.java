package dev.takeaways.bench;

import dev.takeaways.enrich.extract.TakeawayExtractor;
import dev.takeaways.enrich.parse.NoteParser;
import dev.takeaways.enrich.tag.Taxonomy;
import dev.takeaways.enrich.tag.TaxonomyMatcher;
import dev.takeaways.model.Tag;
import dev.takeaways.model.Takeaway;
import java.io.IOException;
import java.io.InputStream;

import java.util.List;
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
 * The tagger against commonmark-java's parse, on the same note, with the full bundled taxonomy;
 * and the time to load the taxonomy and build its automaton. Target: tagging at least 3x as fast
 * as parsing. {@code tagWholeNote} tags the note's whole text in one call (MB/s = note bytes /
 * time); {@code tagTakeaways} tags the takeaways' texts as enrich does.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar TagBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class TagBenchmark {
  @Param({"seed", "large"})
  public String note;

  private String text;
  private byte[] taxonomyJson;
  private Parser commonmark;
  private TaxonomyMatcher matcher;
  private List<String> takeaways;

  @Setup(Level.Trial)
  public void load() throws IOException {
    text = BenchNotes.load(note);
    try (InputStream in = Taxonomy.class.getResourceAsStream("/dev/takeaways/enrich/tag/taxonomy.json")) {
      taxonomyJson = in.readAllBytes();
    }
    commonmark = BenchNotes.commonmark();
    matcher = new TaxonomyMatcher(Taxonomy.bundled());
    takeaways = new TakeawayExtractor().extract(note, new NoteParser().parse(text)).takeaways().stream().map(Takeaway::text).toList();
    System.err.printf(
        "taxonomy: %d entries, %d spellings; %d takeaways, %d chars of takeaway text%n",
        Taxonomy.bundled().entries().size(), matcher.size(), takeaways.size(), takeaways.stream().mapToInt(String::length).sum());
  }

  @Benchmark
  public Node parseOnly() {
    return commonmark.parse(text);
  }

  @Benchmark
  public List<Tag> tagWholeNote() {
    return matcher.tag(text);
  }

  @Benchmark
  public List<List<Tag>> tagTakeaways() {
    return matcher.tagAll(takeaways);
  }

  /** Reading the bundled JSON and building the automaton: what a process pays once at start. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 3, time = 2)
  public TaxonomyMatcher loadTaxonomy() {
    return new TaxonomyMatcher(Taxonomy.fromJson(taxonomyJson));
  }
}
