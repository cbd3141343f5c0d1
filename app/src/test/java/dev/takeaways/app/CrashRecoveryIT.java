package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takeaways.broker.EmbeddedKafkaBroker;
import dev.takeaways.enrich.EnrichResult;
import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.Hashes;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.Takeaway;
import dev.takeaways.model.Topics;
import dev.takeaways.publish.JdbcNoteStore;
import dev.takeaways.testsupport.Notes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code takeaways up} as a separate OS process while a generator creates, edits and deletes notes
 * in its folder: killed with SIGKILL again and again and restarted each time; or with its broker
 * stopped and restarted under it. At the end the store and the latest state of the compacted topics
 * are exactly what the folder says, with nothing missing, nothing duplicated and no stale takeaway.
 */
class CrashRecoveryIT {
  private static final Duration PATIENCE = Duration.ofSeconds(180);
  private static final int OPERATIONS = 500;
  private static final int FILES = 120;
  private static final int KILLS = 6;
  private static final String[] TOOLS = {"Docker", "Packer", "Chef", "Terraform", "Jenkins", "Nagios", "Kubernetes", "Ansible"};

  /** Kept when the test fails, with every run's log and data folder, for the post-mortem. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;
  private Process up;
  private final List<Path> logs = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    if (up != null && up.isAlive()) {
      up.destroy();
      if (!up.waitFor(30, TimeUnit.SECONDS)) {
        up.destroyForcibly();
      }
    }
  }

  static String content(int file, int version, Random random) {
    StringBuilder b = new StringBuilder("# Note " + file + ", version " + version + "\n\n");
    int talks = 1 + random.nextInt(3);
    for (int t = 0; t < talks; t++) {
      b.append("## Talk ").append(t).append(" (Speaker ").append(file % 7).append(")\n\n");
      int points = 1 + random.nextInt(4);
      for (int p = 0; p < points; p++) {
        b.append("- moved ").append(random.nextInt(1000)).append(" jobs to ").append(TOOLS[random.nextInt(TOOLS.length)]).append('\n');
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** Writes {@code text} beside {@code path}, then moves it in at once: the watch never reads half a note. */
  static void writeAtomically(Path path, String text) throws IOException {
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Creates, edits and deletes notes at random, through atomic moves, on its own thread. */
  private static final class Generator extends Thread {
    private final Path watch;
    private final int operations;
    private final Random random;
    final Map<String, String> folder = new TreeMap<>();
    final AtomicInteger done = new AtomicInteger();
    volatile Exception failure;

    Generator(Path watch, int operations, long seed) {
      super("generator");
      this.watch = watch;
      this.operations = operations;
      this.random = new Random(seed);
    }

    @Override
    public void run() {
      try {
        int[] versions = new int[FILES];
        for (int op = 0; op < operations; op++) {
          int file = random.nextInt(FILES);
          String name = "note-" + file + ".md";
          Path path = watch.resolve(name);
          if (folder.containsKey(name) && random.nextInt(4) == 0) {
            Files.delete(path);
            folder.remove(name);
          } else {
            String text = content(file, ++versions[file], random);
            writeAtomically(path, text);
            folder.put(name, text);
          }
          done.incrementAndGet();
          Thread.sleep(random.nextInt(200)); // the pace of the writers, not a wait for a condition
        }
      } catch (Exception e) {
        failure = e;
      }
    }
  }

  /** The command line of {@code takeaways up} on {@code watch}, with metrics on {@code metricsPort}, no HTTP ingest, no web page, and {@code kafka}'s options. */
  static List<String> up(Path jar, Path watch, Path data, int metricsPort, String... kafka) {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-jar", jar.toString(), "up",
        "--watch", watch.toString(), "--data", data.toString(), "--metrics-port", String.valueOf(metricsPort), "--http-port", "-1",
        "--ui-port", "-1", "--debounce", "20"));
    command.addAll(List.of(kafka));
    return command;
  }

  @Test
  void killedAtRandomAndRestartedItEndsExactlyAsTheFolderSays() throws Exception {
    Path jar = jar();
    Path watch = Files.createDirectories(dir.resolve("notes"));
    Path data = dir.resolve("data");
    int kafkaPort = KafkaFixture.freePort();
    int metricsPort = KafkaFixture.freePort();
    List<String> command = up(jar, watch, data, metricsPort,
        "--kafka-port", String.valueOf(kafkaPort), "--kafka-controller-port", String.valueOf(KafkaFixture.freePort()));
    Generator generator = new Generator(watch, OPERATIONS, 20261126L);
    Random random = new Random(7);

    int kills = 0;
    long t0 = System.nanoTime();
    generator.start();
    while (kills < KILLS || generator.isAlive()) {
      start(command, metricsPort);
      System.out.printf("run %d ready at %.1f s, %d operations done%n", kills, (System.nanoTime() - t0) / 1e9, generator.done.get());
      // Let it work for a random while, then kill it: SIGKILL, no shutdown hook runs.
      Thread.sleep(500 + random.nextInt(3000)); // the fault's timing, not a wait for a condition
      up.destroyForcibly();
      assertThat(up.waitFor(30, TimeUnit.SECONDS)).isTrue();
      kills++;
    }
    generator.join();
    assertThat(generator.failure).isNull();
    assertThat(generator.done.get()).isEqualTo(OPERATIONS);
    assertThat(kills).isGreaterThanOrEqualTo(5);

    start(command, metricsPort);
    System.out.printf("final run ready at %.1f s after %d kills%n", (System.nanoTime() - t0) / 1e9, kills);
    assertEndsAsTheFolderSays(generator.folder, data, "127.0.0.1:" + kafkaPort);
  }

  @Test
  void theBrokerStoppedAndRestartedWhileNotesArriveLosesAndDuplicatesNothing() throws Exception {
    Path jar = jar();
    Path watch = Files.createDirectories(dir.resolve("notes"));
    Path data = dir.resolve("data");
    int kafkaPort = KafkaFixture.freePort();
    int controllerPort = KafkaFixture.freePort();
    int metricsPort = KafkaFixture.freePort();
    // The broker is a process of its own from the pipeline's point of view: here, the test's.
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), "127.0.0.1", kafkaPort, controllerPort, Duration.ofSeconds(60));
    try {
      TopicInstaller.install(Map.of("bootstrap.servers", broker.bootstrapServers()), true);
      start(up(jar, watch, data, metricsPort, "--bootstrap-servers", broker.bootstrapServers()), metricsPort);
      Generator generator = new Generator(watch, 200, 20261127L);
      generator.start();
      await().atMost(PATIENCE).until(() -> generator.done.get() >= 60);
      broker.close();
      System.out.printf("broker stopped after %d operations%n", generator.done.get());
      await().atMost(PATIENCE).until(() -> generator.done.get() >= 120);
      broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), "127.0.0.1", kafkaPort, controllerPort, Duration.ofSeconds(60));
      System.out.printf("broker restarted after %d operations%n", generator.done.get());
      generator.join();
      assertThat(generator.failure).isNull();
      assertThat(up.isAlive()).as("takeaways up survives the broker's absence").isTrue();
      assertEndsAsTheFolderSays(generator.folder, data, broker.bootstrapServers());
    } finally {
      broker.close();
    }
  }

  /** The packaged command, which the ITs run as a user would. */
  static Path jar() {
    Path jar = Notes.projectRoot().resolve("app/target/takeaways.jar");
    assertThat(jar).as("the packaged command (mvn package builds it before the ITs)").exists();
    return jar;
  }

  /** The store and the compacted topics' latest state hold exactly the folder's notes and takeaways. */
  static void assertEndsAsTheFolderSays(Map<String, String> folder, Path data, String bootstrap) throws Exception {
    assertEndsAsTheFolderSays(folder, JdbcNoteStore.sqliteUrl(data.resolve("takeaways.db")), bootstrap);
  }

  /** The store at {@code store} and the compacted topics' latest state hold exactly the folder's notes and takeaways. */
  static void assertEndsAsTheFolderSays(Map<String, String> folder, String store, String bootstrap) throws Exception {
    Map<String, EnrichedNote> expected = new TreeMap<>();
    NoteEnricher enricher = NoteEnricher.withBundledTaxonomy();
    folder.forEach((name, text) -> expected.put(name,
        ((EnrichResult.Enriched) enricher.enrich(RawNote.of(name, name, new RawNote.Source(RawNote.Source.FOLDER, null), text, 1))).note()));
    Map<String, String> want = new TreeMap<>();
    expected.forEach((id, note) -> want.put(id, note.contentHash() + " " + note.takeaways().stream().map(Takeaway::id).sorted().toList()));
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> want.equals(storeContents(store)));
    assertThat(storeContents(store)).isEqualTo(want);
    for (Map.Entry<String, String> e : folder.entrySet()) {
      assertThat(expected.get(e.getKey()).contentHash()).isEqualTo(Hashes.sha256(e.getValue()));
    }

    // The compacted topics' latest state: one live record per current note and per current takeaway.
    try (KafkaFixture broker = KafkaFixture.attach(bootstrap)) {
      TreeSet<String> takeawayIds = new TreeSet<>();
      expected.values().forEach(n -> n.takeaways().forEach(t -> takeawayIds.add(t.id())));
      assertThat(latest(broker, Topics.TAKEAWAYS_TAGGED.name())).isEqualTo(takeawayIds);
      assertThat(latest(broker, Topics.NOTES_ENRICHED.name())).isEqualTo(new TreeSet<>(expected.keySet()));
      assertThat(latest(broker, Topics.NOTES_RAW.name())).isEqualTo(new TreeSet<>(expected.keySet()));
    }
  }

  private void start(List<String> command, int metricsPort) throws IOException {
    Path log = dir.resolve("up-" + logs.size() + ".log");
    logs.add(log);
    up = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/health")).build();
    await().atMost(PATIENCE).ignoreExceptions().until(() -> {
      assertThat(up.isAlive()).as("takeaways up exited; see " + log + ":\n" + tail(log)).isTrue();
      return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    });
  }

  /** The log's first 30 warnings and errors, then its last 30 lines. */
  static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    List<String> problems = lines.stream().filter(l -> l.contains(" ERROR ") || l.contains(" WARN ")).limit(30).toList();
    return "warnings and errors:\n" + String.join("\n", problems) + "\nlast lines:\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  /** Each stored note's content hash and sorted takeaway ids. */
  static Map<String, String> storeContents(String url) throws Exception {
    Map<String, TreeSet<String>> takeaways = new TreeMap<>();
    Map<String, String> hashes = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT id, content_hash FROM notes")) {
        while (rs.next()) {
          hashes.put(rs.getString(1), rs.getString(2));
          takeaways.put(rs.getString(1), new TreeSet<>());
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT note_id, id FROM takeaways")) {
        while (rs.next()) {
          takeaways.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
        }
      }
    }
    Map<String, String> out = new TreeMap<>();
    takeaways.forEach((id, ids) -> out.put(id, hashes.get(id) + " " + new ArrayList<>(ids)));
    return out;
  }

  /** The keys with a live (non-tombstone) latest record on a topic. */
  private static TreeSet<String> latest(KafkaFixture broker, String topic) {
    Map<String, byte[]> state = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : broker.readToEnd(topic, Duration.ofSeconds(60))) {
      state.put(r.key(), r.value());
    }
    state.values().removeIf(v -> v == null);
    return new TreeSet<>(state.keySet());
  }
}
