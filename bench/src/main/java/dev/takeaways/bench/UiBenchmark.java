package dev.takeaways.bench;

import dev.takeaways.enrich.EnrichResult;
import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.Session;
import dev.takeaways.model.Tag;
import dev.takeaways.model.Takeaway;
import dev.takeaways.publish.JdbcNoteStore;
import dev.takeaways.ui.StoreBrowser;
import dev.takeaways.ui.UiServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the web page takes to answer, over HTTP as a browser asks, with 10,000 notes in a SQLite
 * store: the overview (as answered, and as computed after a change), a search by tag, a search by
 * text, a note as read, and the live poll. The
 * notes are the example notes, enriched once and written again under 10,000 ids, dated over two
 * years, their tags spread over about 1,600 ids (each tag in 40 variants), so that the store holds
 * what a team's notes of some years would. The store is built once and kept in
 * {@code bench/target/ui-bench-10000.db}.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar UiBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true") // as takeaways sets it
public class UiBenchmark {
  static final int NOTES = 10_000;
  private static final int VARIANTS = 40;

  private UiServer server;
  private StoreBrowser browser;
  private HttpClient http;
  private String base;
  private String noteId;
  private String tag;

  @Setup(Level.Trial)
  public void start() throws Exception {
    Path file = BenchNotes.projectRoot().resolve("bench/target/ui-bench-" + NOTES + ".db");
    String url = JdbcNoteStore.sqliteUrl(file);
    if (!Files.exists(file)) {
      fill(url, file);
    }
    server = new UiServer(new InetSocketAddress("127.0.0.1", 0), new StoreBrowser(url));
    browser = new StoreBrowser(url);
    http = HttpClient.newHttpClient();
    base = server.url();
    noteId = "bench/note-" + (NOTES / 2) + ".md";
    tag = "tool:kubernetes";
  }

  private static void fill(String url, Path file) throws IOException, SQLException {
    NoteEnricher enricher = NoteEnricher.withBundledTaxonomy();
    List<EnrichedNote> examples = new ArrayList<>();
    try (Stream<Path> notes = Files.list(BenchNotes.projectRoot().resolve("examples/notes"))) {
      for (Path note : notes.sorted().toList()) {
        String id = note.getFileName().toString();
        EnrichResult r = enricher.enrich(RawNote.of(id, id, new RawNote.Source(RawNote.Source.FOLDER, null), Files.readString(note), 0));
        examples.add(((EnrichResult.Enriched) r).note());
      }
    }
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    LocalDate first = LocalDate.of(2025, 1, 1);
    try (JdbcNoteStore store = JdbcNoteStore.open(JdbcNoteStore.sqliteUrl(partial), Clock.systemUTC())) {
      for (int i = 0; i < NOTES; i++) {
        store.apply(copy(examples.get(i % examples.size()), i, first.plusDays(i * 730L / NOTES).toString()));
      }
    }
    Files.move(partial, file);
    System.out.println("wrote " + NOTES + " notes to " + file + " (" + url + ")");
  }

  /** {@code note} as the {@code i}th note: its own ids, date, and tag variants. */
  private static EnrichedNote copy(EnrichedNote note, int i, String date) {
    String id = "bench/note-" + i + ".md";
    List<Session> sessions = note.sessions().stream()
        .map(s -> new Session(id + s.id().substring(s.id().indexOf('@')), s.title(), s.speaker(), s.url(), s.section())).toList();
    List<Takeaway> takeaways = note.takeaways().stream()
        .map(t -> new Takeaway(id + t.id().substring(t.id().indexOf('#')),
            t.sessionId() == null ? null : id + t.sessionId().substring(t.sessionId().indexOf('@')),
            t.kind(), t.text(), t.section(), t.position(), t.tags().stream().map(g -> variant(g, i)).toList()))
        .toList();
    return new EnrichedNote(note.schema(), id, id, note.title() + " #" + i, date, note.contentHash() + i, note.ingestedAt(),
        sessions, takeaways, note.keywords(), note.tags(), note.warnings());
  }

  private static Tag variant(Tag tag, int i) {
    int v = i % VARIANTS;
    return v == 0 ? tag : new Tag(tag.id() + "-" + v, tag.evidence());
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode());
    }
    return r.body();
  }

  @Benchmark
  public String overview() throws Exception {
    return get("");
  }

  /** The overview computed from the store, as after every change (the page answers the latest one kept). */
  @Benchmark
  public Object overviewComputed() throws Exception {
    return browser.computeOverview();
  }

  @Benchmark
  public String searchByTag() throws Exception {
    return get("search?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
  }

  /** The search page as first opened: no filter, the newest 200 takeaways. */
  @Benchmark
  public String searchAll() throws Exception {
    return get("search");
  }

  @Benchmark
  public String searchByText() throws Exception {
    return get("search?q=readiness");
  }

  @Benchmark
  public String note() throws Exception {
    return get("note?id=" + URLEncoder.encode(noteId, StandardCharsets.UTF_8));
  }

  @Benchmark
  public String livePoll() throws Exception {
    return get("version");
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.close();
    browser.close();
  }
}
