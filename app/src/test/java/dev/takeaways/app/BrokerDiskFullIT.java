package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takeaways.publish.JdbcNoteStore;
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
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk under {@code takeaways up}'s data folder, and so under its embedded broker, fills up to
 * the last byte (a small tmpfs, where the machine lets the test mount one). Kafka fails its log
 * directory and would halt the process: {@code up} stays alive, {@code /health} says the broker is
 * down, and once space returns the broker is back, the note written meanwhile is stored, and the
 * note stored before is still there.
 */
class BrokerDiskFullIT {
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @TempDir Path dir;
  private SmallDisk disk;
  private Process up;

  @AfterEach
  void cleanUp() throws Exception {
    if (up != null) {
      up.destroy();
      if (!up.waitFor(60, TimeUnit.SECONDS)) {
        up.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
    if (disk != null) {
      disk.close();
    }
  }

  @Test
  void upOutlivesItsBrokersFullDiskAndBringsTheBrokerBack() throws Exception {
    disk = SmallDisk.mount(dir.resolve("small"), "160m");
    Path small = disk.root();

    Path watch = Files.createDirectories(dir.resolve("notes"));
    Path data = small.resolve("data");
    int metricsPort = KafkaFixture.freePort();
    List<String> command = CrashRecoveryIT.up(CrashRecoveryIT.jar(), watch, data, metricsPort,
        "--kafka-port", String.valueOf(KafkaFixture.freePort()), "--kafka-controller-port", String.valueOf(KafkaFixture.freePort()));
    Path log = dir.resolve("up.log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("TAKEAWAYS_MIN_FREE_MB", "16"); // under what the filler leaves free after its removal
    up = builder.start();
    HttpClient http = HttpClient.newHttpClient();
    await().atMost(PATIENCE).ignoreExceptions().until(() -> health(http, metricsPort).statusCode() == 200);
    String store = JdbcNoteStore.sqliteUrl(data.resolve("takeaways.db"));
    Files.writeString(watch.resolve("before.md"), "# Before\n\n- We moved the build to Jenkins.\n");
    await().atMost(PATIENCE).until(() -> storedIds(store).contains("before.md"));

    // Fill the file system to the last byte: the broker's next write fails (KRaft writes to its
    // metadata log every few hundred milliseconds even when no note arrives).
    Path filler = disk.fill();
    await().atMost(PATIENCE).ignoreExceptions().until(() -> health(http, metricsPort).body().contains("\"broker\":\"DOWN\""));
    assertThat(up.isAlive()).as("takeaways up outlives its broker's failed disk; see " + log).isTrue();
    assertThat(Files.readString(log)).contains("the embedded Kafka broker failed");

    Files.writeString(watch.resolve("during.md"), "# During\n\n- Terraform plans ran while the disk was full.\n");
    Files.delete(filler);
    await().atMost(PATIENCE).ignoreExceptions().until(() -> health(http, metricsPort).statusCode() == 200);
    assertThat(Files.readString(log)).contains("the embedded Kafka broker is back");
    await().atMost(PATIENCE).until(() -> storedIds(store).contains("during.md"));
    assertThat(storedIds(store)).containsExactly("before.md", "during.md");
    assertThat(up.isAlive()).isTrue();
  }

  private static HttpResponse<String> health(HttpClient http, int port) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static TreeSet<String> storedIds(String url) throws Exception {
    TreeSet<String> ids = new TreeSet<>();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM notes")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    } catch (SQLException e) {
      // the store is not there yet, or busy: nothing stored that we can see
    }
    return ids;
  }
}
