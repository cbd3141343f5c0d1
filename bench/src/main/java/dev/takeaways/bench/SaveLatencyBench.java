package dev.takeaways.bench;

import dev.takeaways.app.TopicInstaller;
import dev.takeaways.broker.EmbeddedKafkaBroker;
import dev.takeaways.ingest.Checkpoint;
import dev.takeaways.ingest.FolderWatcher;
import dev.takeaways.ingest.IngestContract;
import dev.takeaways.ingest.KafkaNoteSink;
import dev.takeaways.ingest.NoteIngestor;
import dev.takeaways.ingest.NoteValidator;
import dev.takeaways.metrics.AssertionChecker;
import dev.takeaways.model.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The delay from a file save to its record on {@code notes.raw}: the folder watch (with its default
 * debounce, or the one given) on a real file system, the embedded broker, a consumer that notes when
 * each record arrives. Saves one note at a time, {@code N} times.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.takeaways.bench.SaveLatencyBench [N]
 * [DEBOUNCE_MS] [POLL_MS]}.
 */
public final class SaveLatencyBench {
  public static void main(String[] args) throws Exception {
    int saves = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    long debounceMs = args.length > 1 ? Long.parseLong(args[1]) : 100;
    Duration poll = args.length > 2 ? Duration.ofMillis(Long.parseLong(args[2])) : null;
    Path dir = Files.createTempDirectory("save-latency");
    Path notes = Files.createDirectories(dir.resolve("notes"));
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), "127.0.0.1", EmbeddedKafkaBroker.freePort(), EmbeddedKafkaBroker.freePort(), Duration.ofSeconds(60))) {
      Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
      TopicInstaller.install(client, true);
      Map<String, Long> arrived = new ConcurrentHashMap<>();
      Thread consumer = new Thread(() -> consume(client, arrived), "consumer");
      consumer.setDaemon(true);
      consumer.start();

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      NoteValidator validator = new NoteValidator(Topics.MAX_NOTE_BYTES);
      try (KafkaNoteSink sink = new KafkaNoteSink(client, Duration.ofSeconds(10), registry)) {
        NoteIngestor ingestor = new NoteIngestor(validator, sink, registry, new AssertionChecker(registry, IngestContract.ALL), Clock.systemUTC(), true);
        FolderWatcher watcher = new FolderWatcher(
            notes, ingestor, Checkpoint.load(dir.resolve("checkpoint.json")),
            new FolderWatcher.Settings(Duration.ofMillis(debounceMs), poll, FolderWatcher.DEFAULT_GLOBS), Clock.systemUTC());
        Thread watch = new Thread(watcher, "watch");
        watch.start();
        while (!watcher.isReady()) {
          LockSupport.parkNanos(1_000_000);
        }
        // Warm up the producer and the consumer.
        save(notes, "warmup.md", arrived);

        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < saves; i++) {
          millis.add(save(notes, "note-" + i + ".md", arrived));
        }
        watcher.close();
        Collections.sort(millis);
        System.out.printf(
            "%d saves, debounce %d ms, %s: drop-to-notes.raw latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
            saves, debounceMs, poll == null ? "change events" : "polling every " + poll.toMillis() + " ms",
            at(millis, 0.50), at(millis, 0.95), at(millis, 0.99), millis.get(millis.size() - 1));
      }
    }
  }

  private static double save(Path notes, String name, Map<String, Long> arrived) throws Exception {
    long start = System.nanoTime();
    Files.writeString(notes.resolve(name), "# " + name + "\n\n- a point made at " + start + "\n");
    while (!arrived.containsKey(name)) {
      LockSupport.parkNanos(200_000);
    }
    return (arrived.get(name) - start) / 1e6;
  }

  private static void consume(Map<String, Object> client, Map<String, Long> arrived) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(client, new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(Topics.NOTES_RAW.name(), 0);
      consumer.assign(List.of(partition));
      consumer.seekToEnd(List.of(partition));
      while (true) {
        consumer.poll(Duration.ofMillis(100)).forEach(r -> arrived.putIfAbsent(r.key(), System.nanoTime()));
      }
    }
  }

  private static double at(List<Double> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
  }

}
