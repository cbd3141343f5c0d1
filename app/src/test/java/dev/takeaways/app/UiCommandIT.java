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
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code takeaways ui} as a user runs it: the packaged command serves the page over a store it did not write. */
class UiCommandIT {
  @TempDir Path dir;

  @Test
  void servesThePageOverAStoreAndNamesItsAddress() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    int port = KafkaFixture.freePort();
    Path log = dir.resolve("ui.log");
    Process ui = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar", CrashRecoveryIT.jar().toString(),
        "ui", "--store", JdbcNoteStore.sqliteUrl(data.resolve("team.db")), "--ui-port", String.valueOf(port))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      String url = "http://127.0.0.1:" + port + "/";
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        assertThat(ui.isAlive()).as(Files.readString(log)).isTrue();
        return Files.readString(log).contains("takeaways ui is ready: page " + url + " | store " + data.resolve("team.db").toAbsolutePath());
      });
      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("What the notes say", "0 notes, 0 takeaways", "No notes yet.");
    } finally {
      ui.destroy();
      assertThat(ui.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
