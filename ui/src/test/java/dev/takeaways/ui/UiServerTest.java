package dev.takeaways.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.publish.JdbcNoteStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page over HTTP, on a real SQLite store: what each address answers, and what the browser is told. */
class UiServerTest {
  private static final Pattern LOADS = Pattern.compile("<(?:script|link|img)[^>]*(?:src|href)=\"([^\"]*)\"");

  @TempDir Path dir;
  private UiServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    String url = JdbcNoteStore.sqliteUrl(dir.resolve("ui.db"));
    try (JdbcNoteStore store = JdbcNoteStore.open(url, Clock.systemUTC())) {
      UiNotes.fill(store);
    }
    server = new UiServer(new InetSocketAddress("127.0.0.1", 0), new StoreBrowser(url));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What the server answers to a request line that {@link URI} would refuse to build. */
  private String rawStatusLine(String requestLine) throws Exception {
    URI base = URI.create(server.url());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.getOutputStream().write((requestLine + "\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
  }

  @Test
  void theOverviewShowsTheNotesAndLoadsOnlyOurOwnAssets() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'", "script-src 'self'");
    assertThat(page.body()).contains("tool:terraform", "tool:chef", "Rising and fading", Trends.RULE.substring(0, 40), "/note?id=ops%2Fk8s.md");
    assertThat(page.body()).as("a title is text, never markup").doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    Matcher loads = LOADS.matcher(page.body());
    int count = 0;
    while (loads.find()) {
      assertThat(loads.group(1)).as("every asset is ours").startsWith("/assets/");
      count++;
    }
    assertThat(count).isEqualTo(3);
    for (String asset : new String[] {"/assets/ui.css", "/assets/ui.js"}) {
      HttpResponse<String> a = get(asset);
      assertThat(a.statusCode()).as(asset).isEqualTo(200);
      assertThat(a.body()).as(asset).doesNotContain("http://", "https://", "url(").isNotBlank();
    }
    assertThat(get("/assets/favicon.svg").headers().firstValue("Content-Type")).hasValue("image/svg+xml");
  }

  @Test
  void aNoteMarksItsEvidenceAndExplainsIt() throws Exception {
    HttpResponse<String> page = get("/note?id=ops%2Fk8s.md");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Containers in production", "Lee Park")
        .containsPattern("<mark class=\"ev tool\" tabindex=\"0\" data-tags=\"tool:kubernetes\" data-start=\"24\" data-end=\"34\" data-tip=\"tool:kubernetes · rule [a-z-]+ · confidence [0-9.]+\"[^>]*>Kubernetes</mark>")
        .as("evidence of two tags in one phrase: the piece carries both")
        .containsPattern("<mark class=\"ev both\"[^>]*data-tags=\"practice:containerization tool:docker\"[^>]*>Docker</mark>");
    assertThat(get("/note?id=nope.md").statusCode()).isEqualTo(404);
    assertThat(get("/note").statusCode()).isEqualTo(404);
  }

  @Test
  void searchFindsByTagAndLinksToNotes() throws Exception {
    HttpResponse<String> page = get("/search?tag=tool%3Achef&q=cookbooks");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("3 takeaways", "href=\"/note?id=ops%2Fchef-1.md\"", "value=\"tool:chef\"");
  }

  @Test
  void itIsReadOnlyAndAnswersMistakesPlainly() throws Exception {
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(server.url())).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    assertThat(rawStatusLine("GET /search?q=%zz HTTP/1.1")).contains(" 400 ");
    HttpResponse<String> version = get("/version");
    assertThat(version.body()).matches("\\d+-\\d+");
    assertThat(version.headers().firstValue("Cache-Control")).hasValue("no-store");
  }
}
