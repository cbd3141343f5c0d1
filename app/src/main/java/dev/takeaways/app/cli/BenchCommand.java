package dev.takeaways.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.takeaways.app.Pipeline;
import dev.takeaways.app.PipelineSettings;
import dev.takeaways.app.TopicInstaller;
import dev.takeaways.app.bench.MemoryPeaks;
import dev.takeaways.app.bench.ReferenceRates;
import dev.takeaways.app.bench.SyntheticNotes;
import dev.takeaways.broker.EmbeddedKafkaBroker;
import dev.takeaways.enrich.tag.Taxonomy;
import dev.takeaways.ingest.FolderWatcher;
import dev.takeaways.metrics.MetricNames;
import dev.takeaways.model.JsonSerde;
import dev.takeaways.publish.JdbcNoteStore;
import dev.takeaways.publish.StoreQueries;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The end-to-end benchmark: notes dropped into a watched folder until they are in the store, on the
 * embedded broker and SQLite (or a cluster), against two references measured in the same run on the
 * same notes: commonmark-java parsing alone (one thread) and Kafka producing and consuming the same
 * records on the same broker.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the pipeline end to end (file drop to store) on generated notes: notes/s, MB/s, latency percentiles,",
      "time per stage, heap and RSS peaks; and, on the same notes and broker, commonmark-java's parse-only and Kafka's",
      "produce-plus-consume throughput, with our figures as ratios to them."
    })
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--notes", paramLabel = "N", description = "Notes for the throughput run (default ${DEFAULT-VALUE}).")
  int notes = 10_000;

  @Option(names = "--size", paramLabel = "SIZE", description = "Size of each note: bytes, or with k (default ${DEFAULT-VALUE}).")
  String size = "14k";

  @Option(names = "--rate", paramLabel = "PER_SEC", description = "Offered load of the latency run, notes per second (default ${DEFAULT-VALUE}).")
  double rate = 10;

  @Option(names = "--latency-notes", paramLabel = "N", description = "Notes for the latency run (default ${DEFAULT-VALUE}).")
  int latencyNotes = 300;

  @Option(names = {"--bootstrap-servers", "-b"}, paramLabel = "HOST:PORT", description = "Benchmark on this cluster instead of an embedded broker.")
  String bootstrapServers;

  @Option(names = "--debounce", paramLabel = "MILLIS", description = "The folder watch's debounce, as for up (default ${DEFAULT-VALUE} ms).")
  long debounceMillis = 100;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Notes to cut the generated notes from (default: the project's examples/notes).")
  Path corpus;

  @Option(
      names = "--enrich-instances",
      paramLabel = "N",
      description = "Enrich instances sharing the work, each a Kafka Streams application instance of its own in this process"
          + " (default ${DEFAULT-VALUE}); more than one needs topics of several partitions, as --bootstrap-servers gets.")
  int enrichInstances = 1;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  private static final double MB = ReferenceRates.MB;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progress = spec.commandLine().getErr();
    // One log line per note is right for up; here, thousands of them would drown the figures.
    Level level = LogManager.getLogger("dev.takeaways").getLevel();
    Configurator.setLevel("dev.takeaways", Level.WARN);
    if (enrichInstances < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--enrich-instances must be at least 1, was " + enrichInstances);
    }
    int bytesPerNote = SyntheticNotes.parseSize(size);
    Path work = Files.createTempDirectory("takeaways-bench");
    EmbeddedKafkaBroker broker = null;
    Pipeline pipeline = null;
    List<Pipeline> moreEnrich = new ArrayList<>();
    MemoryPeaks heap = new MemoryPeaks();
    try {
      List<String> sections;
      try {
        sections = SyntheticNotes.sections(corpus != null ? corpus : SyntheticNotes.examples());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      List<String> throughputNotes = SyntheticNotes.generate(sections, notes, bytesPerNote, "t");
      List<String> latencyRunNotes = SyntheticNotes.generate(sections, latencyNotes, bytesPerNote, "l");
      long totalBytes = throughputNotes.stream().mapToLong(n -> n.getBytes(StandardCharsets.UTF_8).length).sum();
      progress.printf("bench: %d notes of %d bytes (%.1f MB), then %d at %.1f notes/s%n", notes, bytesPerNote, totalBytes / MB, latencyNotes, rate);

      heap.start();
      double parseMbPerSec = ReferenceRates.parseOnlyMbPerSec(throughputNotes, totalBytes);
      progress.printf("bench: commonmark-java parse only: %.1f MB/s%n", parseMbPerSec);

      String bootstrap = bootstrapServers;
      if (bootstrap == null) {
        broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), "127.0.0.1", EmbeddedKafkaBroker.freePort(), EmbeddedKafkaBroker.freePort(), Duration.ofSeconds(60));
        bootstrap = broker.bootstrapServers();
      }
      Map<String, Object> client = Map.of("bootstrap.servers", bootstrap);
      double kafkaMbPerSec = ReferenceRates.kafkaMbPerSec(client, throughputNotes, totalBytes);
      progress.printf("bench: Kafka produce + consume: %.1f MB/s%n", kafkaMbPerSec);

      TopicInstaller.install(client, broker != null);
      Path watch = Files.createDirectories(work.resolve("notes"));
      String store = JdbcNoteStore.sqliteUrl(work.resolve("data/takeaways.db"));
      pipeline = Pipeline.start(new PipelineSettings(client, work.resolve("data"), watch, true, store, null, null,
          FolderWatcher.Settings.events(Duration.ofMillis(debounceMillis)), Taxonomy.bundled()));
      for (int i = 2; i <= enrichInstances; i++) {
        moreEnrich.add(Pipeline.start(new PipelineSettings(client, work.resolve("enrich-" + i), null, true, null, null, null,
            FolderWatcher.Settings.events(Duration.ZERO), Taxonomy.bundled())));
      }
      long readyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!pipeline.isReady() || !moreEnrich.stream().allMatch(Pipeline::isReady)) {
        if (System.nanoTime() > readyBy) {
          throw new IllegalStateException("the pipeline is not ready after 120 s: " + pipeline.notReady());
        }
        Thread.sleep(20);
      }

      // Throughput: every note dropped at once, until the last is in the store.
      Map<String, Long> dropped = new HashMap<>();
      long start = System.currentTimeMillis();
      for (int i = 0; i < throughputNotes.size(); i++) {
        drop(watch, "t" + i + ".md", throughputNotes.get(i), dropped);
      }
      Map<String, Long> stored = awaitStored(store, dropped.size(), Duration.ofMinutes(30), progress);
      long end = stored.values().stream().mapToLong(Long::longValue).max().orElse(start);
      double seconds = Math.max(1, end - start) / 1000.0;
      double notesPerSec = throughputNotes.size() / seconds;
      double mbPerSec = totalBytes / MB / seconds;
      double[] saturated = percentiles(latencies(dropped, stored));
      progress.printf("bench: end to end: %.0f notes/s, %.1f MB/s%n", notesPerSec, mbPerSec);

      // Latency: notes dropped at the offered rate, each timed from its drop to its commit.
      Map<String, Long> paced = new HashMap<>();
      long intervalNanos = (long) (1e9 / rate);
      long next = System.nanoTime();
      for (int i = 0; i < latencyRunNotes.size(); i++) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait); // the offered load's pace
        }
        next += intervalNanos;
        drop(watch, "l" + i + ".md", latencyRunNotes.get(i), paced);
      }
      Map<String, Long> pacedStored = awaitStored(store, dropped.size() + paced.size(), Duration.ofMinutes(10), progress);
      double[] latency = percentiles(latencies(paced, pacedStored));
      progress.printf("bench: at %.1f notes/s: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n", rate, latency[0], latency[1], latency[2]);

      ObjectNode result = JsonSerde.mapper().createObjectNode();
      ObjectNode e2e = result.putObject("e2e");
      e2e.put("notes", throughputNotes.size());
      e2e.put("enrichInstances", enrichInstances);
      e2e.put("noteBytes", bytesPerNote);
      e2e.put("notesPerSec", round(notesPerSec));
      e2e.put("mbPerSec", round(mbPerSec));
      ObjectNode lat = e2e.putObject("latencyMs");
      lat.put("offeredNotesPerSec", rate);
      lat.put("p50", round(latency[0]));
      lat.put("p95", round(latency[1]));
      lat.put("p99", round(latency[2]));
      ObjectNode sat = e2e.putObject("saturatedLatencyMs");
      sat.put("p50", round(saturated[0]));
      sat.put("p95", round(saturated[1]));
      sat.put("p99", round(saturated[2]));
      ObjectNode stages = result.putObject("stagesMsPerNote");
      stages.put("ingest", meanMs(pipeline, MetricNames.INGEST_DURATION));
      stages.put("enrich", meanMs(pipeline, MetricNames.ENRICH_DURATION));
      stages.put("publish", meanMs(pipeline, MetricNames.PUBLISH_DURATION));
      ObjectNode reference = result.putObject("reference");
      reference.put("parseOnlyMbPerSec", round(parseMbPerSec));
      reference.put("kafkaMbPerSec", round(kafkaMbPerSec));
      ObjectNode ratios = result.putObject("ratios");
      ratios.put("e2eToParse", round(mbPerSec / parseMbPerSec));
      ratios.put("e2eToKafka", round(mbPerSec / kafkaMbPerSec));
      ObjectNode memory = result.putObject("memory");
      memory.put("heapPeakMb", round(heap.heapPeak() / MB));
      memory.put("rssPeakMb", round(MemoryPeaks.rssPeakKb() / 1024.0));
      memory.put("maxHeapMb", round(Runtime.getRuntime().maxMemory() / MB));
      if (json) {
        out.println(JsonSerde.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
      } else {
        out.printf("end to end        %8.1f notes/s  %8.2f MB/s  (%d notes of %d bytes)%n", notesPerSec, mbPerSec, throughputNotes.size(), bytesPerNote);
        out.printf("latency at %4.1f/s  p50 %6.0f ms  p95 %6.0f ms  p99 %6.0f ms  (drop to store)%n", rate, latency[0], latency[1], latency[2]);
        out.printf("saturated latency p50 %6.0f ms  p95 %6.0f ms  p99 %6.0f ms%n", saturated[0], saturated[1], saturated[2]);
        // Ingest's time runs from reading a note to its acknowledgement, so notes in flight together overlap in it.
        out.printf("per note          ingest %.2f ms (read to acknowledged, up to %d in flight)  enrich %.2f ms  publish %.2f ms%n",
            stages.get("ingest").asDouble(), FolderWatcher.MAX_IN_FLIGHT, stages.get("enrich").asDouble(), stages.get("publish").asDouble());
        out.printf("references        parse only %.2f MB/s  Kafka produce+consume %.2f MB/s%n", parseMbPerSec, kafkaMbPerSec);
        out.printf("ratios            e2e/parse %.3f  e2e/Kafka %.3f%n", mbPerSec / parseMbPerSec, mbPerSec / kafkaMbPerSec);
        out.printf("memory            heap peak %.0f MB (max %.0f MB)  RSS peak %.0f MB%n",
            heap.heapPeak() / MB, Runtime.getRuntime().maxMemory() / MB, MemoryPeaks.rssPeakKb() / 1024.0);
      }
      out.flush();
      return ExitCodes.OK;
    } finally {
      heap.interrupt(); // run from a test, the JVM outlives the command
      for (Pipeline p : moreEnrich) {
        p.close();
      }
      if (pipeline != null) {
        pipeline.close();
      }
      if (broker != null) {
        broker.close();
      }
      deleteTree(work);
      Configurator.setLevel("dev.takeaways", level);
    }
  }

  private static void drop(Path watch, String name, String text, Map<String, Long> dropped) throws IOException {
    Path tmp = watch.resolve("." + name + ".tmp");
    Files.writeString(tmp, text);
    dropped.put(name, System.currentTimeMillis());
    Files.move(tmp, watch.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Waits until the store holds {@code count} notes; returns each note's stored_at. */
  private static Map<String, Long> awaitStored(String store, int count, Duration patience, PrintWriter progress) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    long lastReport = System.nanoTime();
    while (true) {
      Map<String, Long> stored;
      try (Connection c = DriverManager.getConnection(store)) {
        stored = StoreQueries.storedAt(c);
      }
      if (stored.size() >= count) {
        return stored;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + stored.size() + " of " + count + " notes stored after " + patience.toSeconds() + " s");
      }
      if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
        progress.printf("bench: %d of %d notes stored%n", stored.size(), count);
        lastReport = System.nanoTime();
      }
      Thread.sleep(200);
    }
  }

  private static long[] latencies(Map<String, Long> dropped, Map<String, Long> stored) {
    return dropped.entrySet().stream().mapToLong(e -> stored.get(e.getKey()) - e.getValue()).sorted().toArray();
  }

  /** p50, p95, p99 (nearest rank) of sorted values. */
  static double[] percentiles(long[] sorted) {
    double[] out = new double[3];
    double[] ps = {0.50, 0.95, 0.99};
    for (int i = 0; i < ps.length; i++) {
      out[i] = sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(ps[i] * sorted.length) - 1)];
    }
    return out;
  }

  private static double meanMs(Pipeline pipeline, String timer) {
    Timer t = pipeline.registry().find(timer).timer();
    return t == null ? Double.NaN : round(t.mean(TimeUnit.MICROSECONDS) / 1000.0);
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }


  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
