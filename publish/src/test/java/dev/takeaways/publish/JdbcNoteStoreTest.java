package dev.takeaways.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.Session;
import dev.takeaways.model.Tag;
import dev.takeaways.model.Takeaway;
import dev.takeaways.model.TakeawayKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real SQLite file. */
class JdbcNoteStoreTest {
  @TempDir Path dir;
  private String url;
  private JdbcNoteStore store;

  @BeforeEach
  void open() throws SQLException {
    url = newStoreUrl();
    store = JdbcNoteStore.open(url, Clock.systemUTC());
  }

  /** A new, empty store: a SQLite file here, a PostgreSQL database in {@link PostgresNoteStoreTest}. */
  String newStoreUrl() throws SQLException {
    return JdbcNoteStore.sqliteUrl(dir.resolve("nested/takeaways.db"));
  }

  @AfterEach
  void close() throws SQLException {
    if (store != null) {
      store.close();
    }
  }

  static EnrichedNote note(String id, String hash, String... texts) {
    Session session = new Session(id + "@s", "Talk", "Jane Doe", "http://x", "Day 1");
    List<Takeaway> takeaways = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      List<Tag> tags = texts[i].contains("Docker")
          ? List.of(new Tag("tool:docker", new Tag.Evidence("Docker", texts[i].indexOf("Docker"), texts[i].indexOf("Docker") + 6, "exact")))
          : List.of();
      takeaways.add(new Takeaway(id + "#" + i, session.id(), TakeawayKind.POINT, texts[i], "Day 1 > Talk", i, tags));
    }
    return new EnrichedNote(EnrichedNote.SCHEMA, id, id, "Title " + id, "2025-01-02", hash, 1, List.of(session), takeaways, List.of("meetup"),
        List.of(new Tag("practice:code-review", new Tag.Evidence("Code review", 0, 11, "exact"))), List.of());
  }

  private List<String> column(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  @Test
  void aNoteIsStoredWithSessionsTakeawaysAndTagEvidence() throws SQLException {
    store.apply(note("a.md", "h1", "use Docker", "plain"));

    assertThat(column("SELECT title FROM notes")).containsExactly("Title a.md");
    assertThat(column("SELECT speaker FROM sessions")).containsExactly("Jane Doe");
    assertThat(column("SELECT text FROM takeaways ORDER BY position")).containsExactly("use Docker", "plain");
    assertThat(column("SELECT matched_text || ' ' || span_start || ' ' || rule FROM takeaway_tags")).containsExactly("Docker 4 exact");
    assertThat(column("SELECT tag_id || '=' || takeaways FROM tag_leaderboard")).containsExactly("tool:docker=1");
    assertThat(column("SELECT tag_id || ' ' || matched_text || ' ' || rule FROM note_tags")).containsExactly("practice:code-review Code review exact");
    assertThat(column("SELECT keyword FROM note_keywords")).containsExactly("meetup");
    assertThat(store.find("a.md")).hasValue(new NoteStore.StoredNote("a.md", "h1", 1, 2));
  }

  @Test
  void aRecordFromEarlierInTheTopicNeverReplacesOrBringsBackALaterOne() throws SQLException {
    NoteStore.Position at3 = new NoteStore.Position("t1", 0, 3);
    assertThat(store.apply(note("a.md", "v5", "fifth"), new NoteStore.Position("t1", 0, 5))).isTrue();

    assertThat(store.apply(note("a.md", "v3", "third"), at3)).as("older than the stored version").isFalse();
    assertThat(store.apply(note("a.md", "v5", "fifth"), new NoteStore.Position("t1", 0, 5))).as("the same record again").isFalse();
    assertThat(store.find("a.md").map(NoteStore.StoredNote::contentHash)).hasValue("v5");
    assertThat(store.delete("a.md", new NoteStore.Position("t1", 0, 4))).as("a deletion from before it").isFalse();
    assertThat(store.find("a.md")).isPresent();

    assertThat(store.delete("a.md", new NoteStore.Position("t1", 0, 6))).isTrue();
    assertThat(store.apply(note("a.md", "v5", "fifth"), new NoteStore.Position("t1", 0, 5))).as("an older version after the delete").isFalse();
    assertThat(store.find("a.md")).isEmpty();
    assertThat(store.apply(note("a.md", "v7", "seventh"), new NoteStore.Position("t1", 0, 7))).isTrue();
    assertThat(store.apply(note("a.md", "v2", "moved"), new NoteStore.Position("t1", 3, 2))).as("another partition: the topic grew").isTrue();
    assertThat(store.find("a.md").map(NoteStore.StoredNote::contentHash)).hasValue("v2");
    assertThat(store.apply(note("a.md", "v0", "again"), new NoteStore.Position("t2", 0, 0))).as("another topic: made again").isTrue();
    assertThat(store.find("a.md").map(NoteStore.StoredNote::contentHash)).hasValue("v0");
    assertThat(column("SELECT COUNT(*) FROM takeaways")).containsExactly("1");
  }

  @Test
  void twoPublishersApplyingOneNotesVersionsInAnyOrderEndWithTheLatest() throws Exception {
    List<Integer> offsets = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      offsets.add(i);
    }
    Collections.shuffle(offsets, new Random(21));
    List<Thread> publishers = new ArrayList<>();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    for (int p = 0; p < 2; p++) {
      List<Integer> mine = offsets.subList(p * 30, p * 30 + 30);
      publishers.add(new Thread(() -> {
        try (JdbcNoteStore own = JdbcNoteStore.open(url, Clock.systemUTC())) {
          for (int offset : mine) {
            if (offset % 7 == 0) {
              own.delete("n.md", new NoteStore.Position("t1", 0, offset));
            } else {
              own.apply(note("n.md", "v" + offset, "version " + offset), new NoteStore.Position("t1", 0, offset));
            }
          }
        } catch (Throwable t) {
          failures.add(t);
        }
      }));
    }
    publishers.forEach(Thread::start);
    for (Thread t : publishers) {
      t.join();
    }

    assertThat(failures).isEmpty();
    assertThat(store.find("n.md").map(NoteStore.StoredNote::contentHash)).hasValue("v60");
    assertThat(column("SELECT text FROM takeaways")).containsExactly("version 60");
  }

  @Test
  void aRehearsalWritesAndRollsBackLeavingNothing() throws SQLException {
    store.apply(note("b.md", "h1", "kept"));

    store.rehearse(note("a.md", "h1", "use Docker", "plain"));
    store.rehearse(note("b.md", "h2", "replaced, then rolled back"));

    assertThat(store.find("a.md")).isEmpty();
    assertThat(column("SELECT text FROM takeaways")).containsExactly("kept");
    assertThat(column("SELECT COUNT(*) FROM takeaway_tags")).containsExactly("0");
  }

  @Test
  void applyingTheSameNoteTwiceGivesTheSameRows() throws SQLException {
    store.apply(note("a.md", "h1", "use Docker", "plain"));
    store.apply(note("a.md", "h1", "use Docker", "plain"));

    assertThat(column("SELECT COUNT(*) FROM takeaways")).containsExactly("2");
    assertThat(column("SELECT COUNT(*) FROM takeaway_tags")).containsExactly("1");
    assertThat(column("SELECT COUNT(*) FROM note_tags")).containsExactly("1");
  }

  @Test
  void anEditReplacesTheNotesRowsAndLeavesOtherNotesAlone() throws SQLException {
    store.apply(note("a.md", "h1", "use Docker", "old point"));
    store.apply(note("b.md", "h9", "other"));
    store.apply(note("a.md", "h2", "new point"));

    assertThat(column("SELECT text FROM takeaways WHERE note_id = 'a.md'")).containsExactly("new point");
    assertThat(column("SELECT COUNT(*) FROM takeaway_tags")).containsExactly("0");
    assertThat(column("SELECT text FROM takeaways WHERE note_id = 'b.md'")).containsExactly("other");
  }

  @Test
  void deleteRemovesEverythingOfTheNote() throws SQLException {
    store.apply(note("a.md", "h1", "use Docker"));
    store.delete("a.md");
    store.delete("never-there.md");

    assertThat(store.find("a.md")).isEmpty();
    for (String table : List.of("notes", "sessions", "takeaways", "takeaway_tags", "note_tags", "note_keywords")) {
      assertThat(column("SELECT COUNT(*) FROM " + table)).as(table).containsExactly("0");
    }
  }

  @Test
  void quotesAndSqlInTextRoundTripExactly() throws SQLException {
    String nasty = "'; DROP TABLE notes; -- \"quoted\" Robert'); ";
    store.apply(note("q.md", "h", nasty));

    assertThat(column("SELECT text FROM takeaways")).containsExactly(nasty);
  }

  @Test
  void severalChangesInOneTransactionEachKeepTheirOwnOutcomeInOrder() throws SQLException {
    List<Boolean> applied = store.applyAll(List.of(
        new NoteStore.Change("a.md", note("a.md", "a1", "use Docker"), new NoteStore.Position("t1", 0, 1)),
        new NoteStore.Change("b.md", note("b.md", "b1", "plain"), new NoteStore.Position("t1", 0, 2)),
        new NoteStore.Change("a.md", null, new NoteStore.Position("t1", 0, 3)),
        new NoteStore.Change("a.md", note("a.md", "a0", "older"), new NoteStore.Position("t1", 0, 0)),
        new NoteStore.Change("c.md", note("c.md", "c1", "Docker again"), new NoteStore.Position("t1", 1, 4))));
    assertThat(applied).as("the older version of a.md, after its deletion, changes nothing").containsExactly(true, true, true, false, true);
    assertThat(column("SELECT id FROM notes ORDER BY id")).containsExactly("b.md", "c.md");
  }

  @Test
  void whenOneChangeIsRefusedNoneOfTheTransactionIsKept() throws SQLException {
    EnrichedNote good = note("a.md", "h1", "use Docker");
    Takeaway t = good.takeaways().get(0);
    EnrichedNote twice = new EnrichedNote(good.schema(), "bad.md", "bad.md", good.title(), good.created(), "bad", good.ingestedAt(),
        List.of(), List.of(t, t), good.keywords(), good.tags(), good.warnings());
    SQLException refused = Assertions.catchThrowableOfType(SQLException.class, () -> store.applyAll(List.of(
        new NoteStore.Change("a.md", good, new NoteStore.Position("t1", 0, 1)),
        new NoteStore.Change("bad.md", twice, new NoteStore.Position("t1", 0, 2)))));
    assertThat((Throwable) refused).as("two takeaways with one id").isNotNull();
    assertThat(column("SELECT COUNT(*) FROM notes")).containsExactly("0");
    assertThat(column("SELECT COUNT(*) FROM note_versions")).as("the claims were rolled back too").containsExactly("0");
    assertThat(store.applyAll(List.of(new NoteStore.Change("a.md", good, new NoteStore.Position("t1", 0, 1))))).containsExactly(true);
  }

  @Test
  void aNoteTheStoreRefusesForGoodIsToldApartFromAnOutage() {
    EnrichedNote good = note("a.md", "h1", "use Docker");
    Takeaway t = good.takeaways().get(0);
    EnrichedNote orphan = new EnrichedNote(
        good.schema(), good.id(), good.path(), good.title(), good.created(), good.contentHash(), good.ingestedAt(), good.sessions(),
        List.of(new Takeaway(t.id(), "no-such-session", t.kind(), t.text(), t.section(), t.position(), t.tags())),
        good.keywords(), good.tags(), good.warnings());

    SQLException refused = Assertions.catchThrowableOfType(SQLException.class, () -> store.apply(orphan));

    assertThat((Throwable) refused).as("a takeaway of a session that does not exist").isNotNull();
    assertThat(StorePublisher.isPermanent(refused)).as(refused.toString()).isTrue();
    assertThat(StorePublisher.isPermanent(new SQLException("connection refused", "08001"))).isFalse();
  }

  @Test
  void readersDoNotBlockTheWriter() throws SQLException {
    if (url.startsWith("jdbc:sqlite:")) {
      assertThat(column("PRAGMA journal_mode")).containsExactly("wal");
    } else {
      // PostgreSQL: MVCC; read committed readers take no locks that a writer waits for.
      assertThat(column("SHOW transaction_isolation")).containsExactly("read committed");
    }
  }

  @Test
  void reopeningAnExistingStoreKeepsItsRows() throws SQLException {
    store.apply(note("a.md", "h1", "x"));
    store.close();
    store = JdbcNoteStore.open(url, Clock.systemUTC());

    assertThat(store.find("a.md")).isPresent();
  }
}
