package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takeaways.publish.JdbcNoteStore;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code takeaways ui} as a user runs it: the packaged command serves the page over a store it did not write. */
class UiCommandIT {
  @TempDir Path dir;

  /** {@code takeaways ui} over a new SQLite store in {@code data}, on {@code port}, with {@code jvm} options; ready when it returns. */
  private Process startUi(Path data, int port, Path log, String... jvm) throws Exception {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    command.addAll(List.of(jvm));
    command.addAll(List.of("-jar", CrashRecoveryIT.jar().toString(),
        "ui", "--store", JdbcNoteStore.sqliteUrl(data.resolve("team.db")), "--ui-port", String.valueOf(port)));
    Process ui = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    String url = "http://127.0.0.1:" + port + "/";
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      assertThat(ui.isAlive()).as(Files.readString(log)).isTrue();
      return Files.readString(log).contains("takeaways ui is ready: page " + url + " | store " + data.resolve("team.db").toAbsolutePath());
    });
    return ui;
  }

  @Test
  void aClientThatSendsOneByteAndWaitsIsCutOffAndBlocksNobody() throws Exception {
    int port = KafkaFixture.freePort();
    // The request time limit is 30 s unless set on the command line; 2 s here, so the test is short.
    Process ui = startUi(Files.createDirectories(dir.resolve("data")), port, dir.resolve("ui.log"), "-Dsun.net.httpserver.maxReqTime=2");
    try (Socket slow = new Socket("127.0.0.1", port)) {
      slow.getOutputStream().write('G');
      slow.getOutputStream().flush();
      HttpResponse<String> meanwhile = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/version")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(meanwhile.statusCode()).as("another client is answered while the slow one waits").isEqualTo(200);
      slow.setSoTimeout(30_000);
      assertThat(slow.getInputStream().read()).as("the server closes the slow connection after its time limit").isEqualTo(-1);
    } finally {
      ui.destroy();
      assertThat(ui.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void servesThePageOverAStoreAndNamesItsAddress() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    int port = KafkaFixture.freePort();
    Process ui = startUi(data, port, dir.resolve("ui.log"));
    try {
      String url = "http://127.0.0.1:" + port + "/";
      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("What the notes say", "0 notes, 0 takeaways", "No notes yet.");
    } finally {
      ui.destroy();
      assertThat(ui.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
