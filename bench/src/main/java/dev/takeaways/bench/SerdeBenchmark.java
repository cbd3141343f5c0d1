package dev.takeaways.bench;

import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.JsonSerde;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code notes.enriched} record of the seed written to JSON (what the enrich stream does for
 * every note) and read back (what the publisher does), with the project's one serde.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SerdeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(1)
public class SerdeBenchmark {
  private final JsonSerde<EnrichedNote> serde = new JsonSerde<>(EnrichedNote.class);
  private EnrichedNote note;
  private byte[] json;

  @Setup
  public void enrich() throws Exception {
    note = BenchNotes.enrichedSeed();
    json = serde.toBytes(note);
    System.out.printf("%nthe enriched seed: %d bytes of JSON, %d takeaways%n", json.length, note.takeaways().size());
  }

  @Benchmark
  public byte[] write() {
    return serde.toBytes(note);
  }

  @Benchmark
  public EnrichedNote read() {
    return serde.fromBytes(json);
  }
}
