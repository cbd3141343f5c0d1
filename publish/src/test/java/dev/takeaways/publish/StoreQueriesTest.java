package dev.takeaways.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's questions, on a real SQLite file (and, in a subclass, a real PostgreSQL server). */
class StoreQueriesTest {
  @TempDir Path dir;
  private JdbcNoteStore store;
  private StoreQueries queries;

  @BeforeEach
  void open() throws SQLException {
    store = JdbcNoteStore.open(newStoreUrl(), Clock.systemUTC());
    queries = new StoreQueries(store);
    store.apply(JdbcNoteStoreTest.note("a.md", "h1", "use Docker", "plain", "Docker again"));
    store.apply(JdbcNoteStoreTest.note("b.md", "h2", "Docker it's; DROP TABLE notes; --"));
  }

  /** A new, empty store: a SQLite file here, a PostgreSQL database in {@link PostgresStoreQueriesTest}. */
  String newStoreUrl() throws SQLException {
    return JdbcNoteStore.sqliteUrl(dir.resolve("t.db"));
  }

  @AfterEach
  void close() throws SQLException {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void topCountsTakeawaysSessionsAndNotesPerTag() throws SQLException {
    StoreQueries.Table top = queries.top("tool", 20, null);
    assertThat(top.columns()).containsExactly("tag", "takeaways", "sessions", "notes");
    assertThat(top.rows()).hasSize(1);
    assertThat(top.rows().get(0)).extracting(Object::toString).containsExactly("tool:docker", "3", "2", "2");
    assertThat(queries.top("practice", 20, null).rows()).isEmpty();
  }

  @Test
  void sessionsAndTakeawaysAboutATagBySlugOrId() throws SQLException {
    assertThat(queries.sessions("docker").rows()).hasSize(2);
    List<List<Object>> said = queries.takeaways("tool:docker").rows();
    assertThat(said).extracting(r -> r.get(3).toString())
        .containsExactly("use Docker", "Docker again", "Docker it's; DROP TABLE notes; --");
    assertThat(queries.takeaways("kubernetes").rows()).isEmpty();
  }

  @Test
  void viewsCountByMonthBySessionAndBySpeaker() throws SQLException {
    store.apply(JdbcNoteStoreTest.note("c.md", "h3"));
    assertThat(view("SELECT month, tag_id, takeaways, notes FROM tag_leaderboard_by_month"))
        .containsExactly(List.of("2025-01", "tool:docker", "3", "2"));
    assertThat(view("SELECT session_id, takeaways, tagged_takeaways FROM takeaways_per_session ORDER BY session_id"))
        .containsExactly(List.of("a.md@s", "3", "2"), List.of("b.md@s", "1", "1"), List.of("c.md@s", "0", "0"));
    assertThat(view("SELECT speaker, sessions, notes, takeaways FROM takeaways_per_speaker"))
        .containsExactly(List.of("Jane Doe", "3", "3", "4"));
  }

  private List<List<String>> view(String sql) throws SQLException {
    Connection c = store.readConnection();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<List<String>> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    } finally {
      c.rollback();
    }
  }

  @Test
  void notesSinceADateUseTheirOwnDate() throws SQLException {
    assertThat(queries.notes(Instant.parse("2025-01-01T00:00:00Z")).rows()).hasSize(2);
    assertThat(queries.notes(Instant.parse("2025-06-01T00:00:00Z")).rows()).isEmpty();
  }
}
