package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takeaways.testsupport.PostgresDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline scaled out on a real cluster, every part an OS process of its own: three KRaft nodes
 * (broker and controller each, {@link ClusterNode}), one {@code ingest}, three {@code enrich} and two
 * {@code publish} into PostgreSQL, on topics of six partitions and three replicas. While 2,000 notes
 * arrive with edits and deletes, one enrich instance and one broker are killed with SIGKILL and
 * started again. At the end the store is exactly the folder, the compacted topics' latest state
 * (read committed) is exactly its notes and takeaways, and every enrich instance did some of the work.
 */
class ClusterIT {
  private static final Duration PATIENCE = Duration.ofSeconds(240);
  private static final int NOTES = 2_000;
  private static final Pattern ENRICHED = Pattern.compile("(?m)^takeaways_enrich_notes_total\\{[^}]*outcome=\"enriched\"[^}]*} ([0-9.E]+)$");

  /** Kept when the test fails, with every process's log, for the post-mortem. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private final Map<String, Part> parts = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newHttpClient();

  /** One OS process of the test, and how to start it again. */
  private record Part(String name, List<String> command, Path log, Process process, int metricsPort) {}

  @AfterEach
  void stopAll() throws InterruptedException {
    List<Part> reversed = new ArrayList<>(parts.values());
    Collections.reverse(reversed);
    for (Part p : reversed) {
      p.process().destroy();
    }
    for (Part p : reversed) {
      if (!p.process().waitFor(30, TimeUnit.SECONDS)) {
        p.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void threeBrokersThreeEnrichTwoPublishersLoseAndDuplicateNothingThroughAKilledBrokerAndEnrichInstance() throws Exception {
    String store = PostgresDatabase.create();
    long t0 = System.nanoTime();
    int[] ports = {KafkaFixture.freePort(), KafkaFixture.freePort(), KafkaFixture.freePort()};
    int[] controllerPorts = {KafkaFixture.freePort(), KafkaFixture.freePort(), KafkaFixture.freePort()};
    String portList = ports[0] + "," + ports[1] + "," + ports[2];
    String controllerList = controllerPorts[0] + "," + controllerPorts[1] + "," + controllerPorts[2];
    String clusterId = Uuid.randomUuid().toString();
    for (int id = 1; id <= 3; id++) {
      start("kafka-" + id, java("-cp", System.getProperty("java.class.path"), ClusterNode.class.getName(), String.valueOf(id),
          dir.resolve("kafka-" + id).toString(), clusterId, portList, controllerList), -1);
    }
    for (int id = 1; id <= 3; id++) {
      awaitLog("kafka-" + id, "ready 127.0.0.1:");
    }
    String bootstrap = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1] + ",127.0.0.1:" + ports[2];
    System.out.printf("cluster of 3 ready at %.1f s%n", seconds(t0));

    Path watch = Files.createDirectories(dir.resolve("notes"));
    stage("ingest", "ingest", "--watch", watch.toString(), "--http-port", "-1", "--debounce", "20", "--bootstrap-servers", bootstrap);
    awaitHealthy("ingest"); // it creates the topics: six partitions, three replicas
    for (int i = 1; i <= 3; i++) {
      stage("enrich-" + i, "enrich", "--bootstrap-servers", bootstrap);
    }
    for (int i = 1; i <= 2; i++) {
      stage("publish-" + i, "publish", "--store", store, "--bootstrap-servers", bootstrap);
    }
    for (String name : List.of("enrich-1", "enrich-2", "enrich-3", "publish-1", "publish-2")) {
      awaitHealthy(name);
    }
    System.out.printf("pipeline of 6 processes ready at %.1f s%n", seconds(t0));

    Generator generator = new Generator(watch, NOTES, 20261207L);
    generator.start();
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> storedNotes(store) >= NOTES / 5);
    Map<String, Double> beforeKill = enrichedByInstance();
    kill("enrich-2");
    kill("kafka-3");
    int storedAtKill = storedNotes(store);
    System.out.printf("killed enrich-2 and kafka-3 at %.1f s, %d notes stored, %d operations written%n", seconds(t0), storedAtKill,
        generator.done.get());
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> storedNotes(store) >= storedAtKill + NOTES / 5);
    restart("kafka-3");
    awaitLog("kafka-3", "ready 127.0.0.1:");
    restart("enrich-2");
    System.out.printf("restarted kafka-3 and enrich-2 at %.1f s, %d notes stored, %d operations written%n", seconds(t0),
        storedNotes(store), generator.done.get());
    generator.join();
    assertThat(generator.failure).isNull();

    CrashRecoveryIT.assertEndsAsTheFolderSays(generator.folder, store, bootstrap);
    Map<String, Double> after = enrichedByInstance();
    Map<String, Double> share = new TreeMap<>();
    after.forEach((name, n) -> share.put(name, n + (name.equals("enrich-2") ? beforeKill.getOrDefault(name, 0.0) : 0.0)));
    System.out.printf("done at %.1f s: %d notes in the folder after %d operations; notes enriched per instance %s%n", seconds(t0),
        generator.folder.size(), generator.done.get(), share);
    assertThat(share).hasSize(3).allSatisfy((name, n) -> assertThat(n).as(name + " enriched some notes").isPositive());
    for (Part p : parts.values()) {
      assertThat(p.process().isAlive()).as(p.name() + " is running; see " + p.log()).isTrue();
    }
  }

  /** Creates {@code notes} notes, edits some and deletes some, through atomic moves, on its own thread. */
  private static final class Generator extends Thread {
    private final Path watch;
    private final int notes;
    private final Random random;
    final Map<String, String> folder = new TreeMap<>();
    final AtomicInteger done = new AtomicInteger();
    volatile Exception failure;

    Generator(Path watch, int notes, long seed) {
      super("generator");
      this.watch = watch;
      this.notes = notes;
      this.random = new Random(seed);
    }

    @Override
    public void run() {
      try {
        int[] versions = new int[notes];
        for (int n = 0; n < notes; n++) {
          write(n, ++versions[n]);
          if (n > 10 && n % 5 == 0) {
            int edited = random.nextInt(n);
            if (folder.containsKey(name(edited))) {
              write(edited, ++versions[edited]);
            }
          }
          if (n > 10 && n % 10 == 0) {
            int deleted = random.nextInt(n);
            if (folder.remove(name(deleted)) != null) {
              Files.delete(watch.resolve(name(deleted)));
              done.incrementAndGet();
            }
          }
          Thread.sleep(8); // the pace of the writers, not a wait for a condition
        }
      } catch (Exception e) {
        failure = e;
      }
    }

    private static String name(int n) {
      return "note-" + n + ".md";
    }

    private void write(int n, int version) throws IOException {
      String text = CrashRecoveryIT.content(n, version, random);
      CrashRecoveryIT.writeAtomically(watch.resolve(name(n)), text);
      folder.put(name(n), text);
      done.incrementAndGet();
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static List<String> java(String... args) {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx384m",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(List.of(args));
    return command;
  }

  /** Starts a stage of the packaged command with its own data folder and metrics port. */
  private void stage(String name, String... args) throws IOException {
    int metricsPort = KafkaFixture.freePort();
    List<String> command = java("-jar", CrashRecoveryIT.jar().toString());
    command.addAll(List.of(args));
    command.addAll(List.of("--data", dir.resolve(name).toString(), "--metrics-port", String.valueOf(metricsPort)));
    start(name, command, metricsPort);
  }

  private void start(String name, List<String> command, int metricsPort) throws IOException {
    Path log = dir.resolve(name + "-" + parts.values().stream().filter(p -> p.name().equals(name)).count() + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    parts.put(name, new Part(name, command, log, process, metricsPort));
  }

  private void kill(String name) throws InterruptedException {
    Part p = parts.get(name);
    p.process().destroyForcibly();
    assertThat(p.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  private void restart(String name) throws IOException {
    Part p = parts.get(name);
    Path log = dir.resolve(name + "-restarted.log");
    Process process = new ProcessBuilder(p.command()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    parts.put(name, new Part(name, p.command(), log, process, p.metricsPort()));
  }

  private void awaitLog(String name, String line) {
    Part p = parts.get(name);
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
      assertThat(p.process().isAlive()).as(name + " exited; see " + p.log() + ":\n" + CrashRecoveryIT.tail(p.log())).isTrue();
      return Files.readString(p.log()).contains(line);
    });
  }

  private void awaitHealthy(String name) {
    Part p = parts.get(name);
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.metricsPort() + "/health")).build();
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
      assertThat(p.process().isAlive()).as(name + " exited; see " + p.log() + ":\n" + CrashRecoveryIT.tail(p.log())).isTrue();
      return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    });
  }

  /** Each running enrich instance's count of notes enriched, from its /metrics. */
  private Map<String, Double> enrichedByInstance() throws Exception {
    Map<String, Double> out = new TreeMap<>();
    for (Part p : parts.values()) {
      if (p.name().startsWith("enrich-")) {
        HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.metricsPort() + "/metrics")).build();
        String body = await().atMost(PATIENCE).ignoreExceptions()
            .until(() -> http.send(metrics, HttpResponse.BodyHandlers.ofString()).body(), b -> b.contains("takeaways_enrich_notes_total"));
        Matcher m = ENRICHED.matcher(body);
        out.put(p.name(), m.find() ? Double.parseDouble(m.group(1)) : 0.0);
      }
    }
    return out;
  }

  private static int storedNotes(String store) {
    try (Connection c = DriverManager.getConnection(store); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM notes")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      return 0; // not migrated yet
    }
  }
}
