package dev.takeaways.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.metrics.AssertionChecker;
import dev.takeaways.metrics.MetricNames;
import dev.takeaways.model.RawNote;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /notes over real HTTP: what each answer says, and what reaches the sink. */
class NoteHttpServerTest {
  private final FolderWatcherTest.RecordingSink sink = new FolderWatcherTest.RecordingSink();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HttpClient client = HttpClient.newHttpClient();
  private NoteHttpServer server;

  @BeforeEach
  void start() throws Exception {
    NoteValidator validator = new NoteValidator(64);
    NoteIngestor ingestor = new NoteIngestor(validator, sink, registry, new AssertionChecker(registry, IngestContract.ALL), Clock.systemUTC(), true);
    // The watched folder holds talks/a.md.
    server = new NoteHttpServer(new InetSocketAddress("127.0.0.1", 0), ingestor, 64, id -> id.equals("talks/a.md") ? "the watched folder" : null);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String path, String type, String id, byte[] body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path))
        .timeout(Duration.ofSeconds(10)) // a blocked endpoint fails the test instead of hanging it
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    if (id != null) {
      request.header("X-Note-Id", id);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aNoteIsAcceptedWithItsIdFromTheHeaderOrTheQuery() throws Exception {
    HttpResponse<String> byHeader = post("/notes", "text/markdown; charset=utf-8", "bot/standup.md", "# Standup\n".getBytes());
    HttpResponse<String> byQuery = post("/notes?id=bot%2Fretro.md", null, null, "# Retro\n".getBytes());

    assertThat(byHeader.statusCode()).isEqualTo(202);
    assertThat(byHeader.body()).isEqualTo("{\"id\":\"bot/standup.md\",\"status\":\"accepted\"}");
    assertThat(byQuery.statusCode()).isEqualTo(202);
    assertThat(sink.writes).containsExactly("send bot/standup.md", "send bot/retro.md");
    assertThat(sink.notes.get(0).source().kind()).isEqualTo(RawNote.Source.HTTP);
    assertThat(sink.notes.get(0).content()).isEqualTo("# Standup\n");
  }

  @Test
  void badRequestsGetAJsonErrorAndNothingIsSent() throws Exception {
    assertThat(post("/notes", "text/plain", null, "# x\n".getBytes()))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
        .satisfies(r -> assertThat(r.body()).contains("\"error\":\"no-id\""));
    assertThat(post("/notes", "application/pdf", "a.md", "%PDF".getBytes()).statusCode()).isEqualTo(415);
    assertThat(post("/notes", "text/plain", "big.md", new byte[65]))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(413))
        .satisfies(r -> assertThat(r.body()).contains("too-large"));
    assertThat(post("/notes", "text/plain", "empty.md", "  \n".getBytes()))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
        .satisfies(r -> assertThat(r.body()).contains("\"error\":\"empty\"").contains("empty.md"));
    assertThat(post("/elsewhere", "text/plain", "a.md", "# a".getBytes()).statusCode()).isEqualTo(404);
    HttpResponse<String> get = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + "/notes")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);

    // Only the empty note reached the sink, as a dead letter: nothing was sent.
    assertThat(sink.writes).containsExactly("dead empty.md empty");
  }

  @Test
  void aPostCannotReplaceANoteOfTheWatchedFolder() throws Exception {
    HttpResponse<String> r = post("/notes", "text/plain", "talks/a.md", "# Not the file\n".getBytes());

    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.body()).contains("\"error\":\"id-taken\"").contains("talks/a.md is a note from the watched folder");
    assertThat(sink.writes).isEmpty();
    assertThat(post("/notes", "text/plain", "http/talks/a.md", "# Beside it\n".getBytes()).statusCode()).isEqualTo(202);
  }

  @Test
  void underTheDiskWatermarkANoteIsRefusedWith507UntilThereIsRoom() throws Exception {
    AtomicLong free = new AtomicLong(10L << 20);
    NoteValidator validator = new NoteValidator(64);
    NoteIngestor ingestor = new NoteIngestor(validator, sink, registry, new AssertionChecker(registry, IngestContract.ALL), Clock.systemUTC(), true);
    server.close();
    server = new NoteHttpServer(new InetSocketAddress("127.0.0.1", 0), ingestor, 64, id -> null, new DiskSpace("/data", 100L << 20, free::get));

    HttpResponse<String> full = post("/notes", "text/plain", "a.md", "# A\n".getBytes());
    assertThat(full.statusCode()).isEqualTo(507);
    assertThat(full.body()).contains("\"error\":\"disk-full\"").contains("only 10 MiB free on /data, under the 100 MiB kept free");
    assertThat(sink.writes).isEmpty();

    free.set(1L << 30);
    assertThat(post("/notes", "text/plain", "a.md", "# A\n".getBytes()).statusCode()).isEqualTo(202);
  }

  @Test
  void slowClientsDoNotHoldTheEndpoint() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      // Clients that send one byte of a request and wait: they used to take both workers.
      for (int i = 0; i < 4; i++) {
        Socket socket = new Socket("127.0.0.1", server.address().getPort());
        socket.getOutputStream().write('P');
        socket.getOutputStream().flush();
        slow.add(socket);
      }
      assertThat(post("/notes", "text/plain", "quick.md", "# Quick\n".getBytes()).statusCode()).isEqualTo(202);
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  @Test
  void anIdThatIsNoRelativeNormalisedPathGetsA400AndNothingReachesKafka() throws Exception {
    String[] bad = {"../../etc/passwd", "/etc/passwd", "notes/./a.md", "a//b.md", "C:\\notes\\a.md", "back\\slash.md",
        "nul%00.md", "two%0Alines.md", "x".repeat(100_000) + ".md"};
    for (String id : bad) {
      HttpResponse<String> r = post("/notes?id=" + id.replace("\\", "%5C").replace("/", "%2F"), "text/plain", null, "# A note\n".getBytes());
      assertThat(r.statusCode()).as(id.length() > 40 ? "a long id" : id).isEqualTo(400);
      assertThat(r.body()).contains("\"error\":\"bad-id\"");
    }
    assertThat(sink.writes).isEmpty();
    assertThat(registry.get(MetricNames.INGEST_NOTES).tag(MetricNames.REASON, "bad-id")
        .counter().count()).isEqualTo(bad.length);
    assertThat(post("/notes?id=talks%2F2026%2Fkubecon.md", "text/plain", null, "# A note\n".getBytes()).statusCode()).isEqualTo(202);
  }
}
