package dev.takeaways.bench;

import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.Session;
import dev.takeaways.model.Takeaway;
import dev.takeaways.publish.JdbcNoteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Notes applied to the store per second, as the publisher applies them: the seed, enriched, one
 * transaction per note, replacing an earlier version of the same note (100 note ids in turn), on
 * a SQLite file (WAL, synchronous=NORMAL) and on PostgreSQL. Rows per second = notes per second x
 * the rows per note printed at setup (inserted; as many are deleted from the earlier version).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar StoreBenchmark}; the PostgreSQL case needs
 * {@code TAKEAWAYS_BENCH_POSTGRES_URL} (a server URL; a new database is created on it), for example
 * {@code bash -c 'source .ci/postgres.sh; TAKEAWAYS_BENCH_POSTGRES_URL=$TAKEAWAYS_TEST_POSTGRES_URL java -jar ...'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StoreBenchmark {
  private static final int IDS = 100;

  @Param({"sqlite", "postgres"})
  public String store;

  private JdbcNoteStore target;
  private Path dir;
  private final List<EnrichedNote> notes = new ArrayList<>();
  private int next;

  @Setup(Level.Trial)
  public void open() throws Exception {
    String url;
    if (store.equals("sqlite")) {
      dir = Files.createTempDirectory("takeaways-store-bench");
      url = JdbcNoteStore.sqliteUrl(dir.resolve("takeaways.db"));
    } else {
      url = newPostgresDatabase();
    }
    target = JdbcNoteStore.open(url, Clock.systemUTC());
    EnrichedNote note = BenchNotes.enrichedSeed();
    for (int i = 0; i < IDS; i++) {
      String id = "note-" + i + ".md";
      List<Takeaway> takeaways = note.takeaways().stream()
          .map(t -> new Takeaway(id + t.id(), t.sessionId() == null ? null : id + t.sessionId(), t.kind(), t.text(), t.section(), t.position(), t.tags()))
          .toList();
      notes.add(new EnrichedNote(note.schema(), id, id, note.title(), note.created(), note.contentHash(), note.ingestedAt(),
          note.sessions().stream().map(s -> new Session(id + s.id(), s.title(), s.speaker(), s.url(), s.section())).toList(),
          takeaways, note.keywords(), note.tags(), note.warnings()));
    }
    long links = note.takeaways().stream().mapToLong(t -> t.tags().size()).sum();
    long rows = 1 + note.keywords().size() + note.sessions().size() + note.takeaways().size() + links + note.tags().size();
    System.err.printf("rows per note: %d (1 note, %d keywords, %d sessions, %d takeaways, %d takeaway tags, %d note tags)%n",
        rows, note.keywords().size(), note.sessions().size(), note.takeaways().size(), links, note.tags().size());
  }

  private static String newPostgresDatabase() throws SQLException {
    String server = System.getenv("TAKEAWAYS_BENCH_POSTGRES_URL");
    if (server == null || server.isBlank()) {
      throw new IllegalStateException("set TAKEAWAYS_BENCH_POSTGRES_URL to a PostgreSQL server's JDBC URL, or run -p store=sqlite");
    }
    String name = "takeaways_bench_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    int query = server.indexOf('?');
    String base = query < 0 ? server : server.substring(0, query);
    return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : server.substring(query));
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    target.close();
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Benchmark
  public void applyNote() throws SQLException {
    target.apply(notes.get(next));
    next = (next + 1) % IDS;
  }
}
