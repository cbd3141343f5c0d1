package dev.takeaways.publish;

import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.Session;
import dev.takeaways.model.Tag;
import dev.takeaways.model.Takeaway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.flywaydb.core.Flyway;

/**
 * The SQL store, on SQLite (the default) or PostgreSQL, with one schema managed by Flyway. SQL is
 * built only with bound parameters. SQLite runs in WAL mode so that readers never block the
 * publisher. Not thread-safe: one publisher thread owns it.
 */
public final class JdbcNoteStore implements NoteStore {
  private final String url;
  private final Clock clock;
  private Connection connection;

  private JdbcNoteStore(String url, Clock clock) {
    this.url = url;
    this.clock = clock;
  }

  /** Opens the store at {@code jdbcUrl}, creating or migrating its schema. */
  public static JdbcNoteStore open(String jdbcUrl, Clock clock) throws SQLException {
    createParentDirectory(jdbcUrl);
    JdbcNoteStore store = new JdbcNoteStore(jdbcUrl, clock);
    store.migrate();
    return store;
  }

  /** The JDBC URL of a SQLite file. */
  public static String sqliteUrl(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }

  /** The folder of a SQLite file, made where it is missing; nothing for other databases. */
  private static void createParentDirectory(String jdbcUrl) throws SQLException {
    Path file = SingleWriter.sqliteFile(jdbcUrl);
    if (file == null) {
      return;
    }
    Path parent = file.getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new SQLException("cannot create the folder " + parent + " for the store: " + e.getMessage(), e);
    }
  }

  private void migrate() {
    Flyway.configure()
        .dataSource(new SingleUrlDataSource(url, properties()))
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  private Properties properties() {
    Properties p = new Properties();
    if (url.startsWith("jdbc:sqlite:")) {
      p.setProperty("journal_mode", "WAL");
      p.setProperty("synchronous", "NORMAL");
      p.setProperty("foreign_keys", "true");
      p.setProperty("busy_timeout", "10000");
    }
    return p;
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = DriverManager.getConnection(url, properties());
      connection.setAutoCommit(false);
    }
    return connection;
  }

  /** The store's connection, for reads (see {@link StoreQueries}); not auto-commit. */
  Connection readConnection() throws SQLException {
    return connection();
  }

  /** Drops the connection after a failure, so that the next call reconnects. */
  private void reset() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Already broken; the next call opens a new one.
      }
      connection = null;
    }
  }

  @Override
  public boolean apply(EnrichedNote note, Position at) throws SQLException {
    return applyAll(List.of(new Change(note.id(), note, at))).get(0);
  }

  @Override
  public void rehearse(EnrichedNote note) throws SQLException {
    inTransaction(c -> {
      replaceRows(c, note);
      return false; // rolled back: nothing is stored
    });
  }

  private void replaceRows(Connection c, EnrichedNote note) throws SQLException {
    deleteRows(c, note.id());
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO notes (id, path, title, created, content_hash, ingested_at, stored_at, session_count, takeaway_count)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, note.id());
      ps.setString(2, note.path());
      ps.setString(3, note.title());
      ps.setString(4, note.created());
      ps.setString(5, note.contentHash());
      ps.setLong(6, note.ingestedAt());
      ps.setLong(7, clock.millis());
      ps.setInt(8, note.sessions().size());
      ps.setInt(9, note.takeaways().size());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO note_keywords (note_id, keyword) VALUES (?, ?)")) {
      for (String keyword : new LinkedHashSet<>(note.keywords())) {
        ps.setString(1, note.id());
        ps.setString(2, keyword);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO sessions (id, note_id, position, title, speaker, url, section) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int position = 0;
      for (Session s : note.sessions()) {
        ps.setString(1, s.id());
        ps.setString(2, note.id());
        ps.setInt(3, position++);
        ps.setString(4, s.title());
        ps.setString(5, s.speaker());
        ps.setString(6, s.url());
        ps.setString(7, s.section());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    Set<String> tagIds = new HashSet<>();
    note.tags().forEach(tag -> tagIds.add(tag.id()));
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO takeaways (id, note_id, session_id, position, kind, text, section) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Takeaway t : note.takeaways()) {
        ps.setString(1, t.id());
        ps.setString(2, note.id());
        ps.setString(3, t.sessionId());
        ps.setInt(4, t.position());
        ps.setString(5, t.kind().wireName());
        ps.setString(6, t.text());
        ps.setString(7, t.section());
        ps.addBatch();
        t.tags().forEach(tag -> tagIds.add(tag.id()));
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO tags (id, type, slug) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
      for (String id : tagIds) {
        int colon = id.indexOf(':');
        ps.setString(1, id);
        ps.setString(2, id.substring(0, colon));
        ps.setString(3, id.substring(colon + 1));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO takeaway_tags (takeaway_id, tag_id, matched_text, span_start, span_end, rule, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Takeaway t : note.takeaways()) {
        addTags(ps, t.id(), t.tags());
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO note_tags (note_id, tag_id, matched_text, span_start, span_end, rule, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      addTags(ps, note.id(), note.tags());
      ps.executeBatch();
    }
  }

  private static void addTags(PreparedStatement ps, String ownerId, List<Tag> tags) throws SQLException {
    for (Tag tag : tags) {
      ps.setString(1, ownerId);
      ps.setString(2, tag.id());
      ps.setString(3, tag.evidence().text());
      ps.setInt(4, tag.evidence().start());
      ps.setInt(5, tag.evidence().end());
      ps.setString(6, tag.evidence().rule());
      ps.setDouble(7, tag.evidence().confidence());
      ps.addBatch();
    }
  }

  @Override
  public List<Boolean> applyAll(List<Change> changes) throws SQLException {
    List<Boolean> applied = new ArrayList<>(changes.size());
    inTransaction(c -> {
      for (Change change : changes) {
        boolean claimed = claim(c, change.noteId(), change.at());
        if (claimed && change.note() == null) {
          deleteRows(c, change.noteId());
        } else if (claimed) {
          replaceRows(c, change.note());
        }
        applied.add(claimed);
      }
      return true; // committed even when every change was stale: the claims changed nothing
    });
    return applied;
  }

  @Override
  public boolean delete(String noteId, Position at) throws SQLException {
    return applyAll(List.of(new Change(noteId, null, at))).get(0);
  }

  /**
   * Records {@code at} as the note's version if it is later than the one stored, in the caller's
   * transaction: one statement, so that on PostgreSQL a concurrent claim of the same note waits for
   * this transaction and then compares with what it committed.
   */
  private static boolean claim(Connection c, String noteId, Position at) throws SQLException {
    if (at == null) {
      return true;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO note_versions (note_id, kafka_topic_id, kafka_partition, kafka_offset) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (note_id) DO UPDATE SET kafka_topic_id = excluded.kafka_topic_id,"
            + " kafka_partition = excluded.kafka_partition, kafka_offset = excluded.kafka_offset"
            + " WHERE note_versions.kafka_topic_id <> excluded.kafka_topic_id OR note_versions.kafka_partition <> excluded.kafka_partition"
            + " OR note_versions.kafka_offset < excluded.kafka_offset")) {
      ps.setString(1, noteId);
      ps.setString(2, at.topicId());
      ps.setInt(3, at.partition());
      ps.setLong(4, at.offset());
      return ps.executeUpdate() == 1;
    }
  }

  private static void deleteRows(Connection c, String noteId) throws SQLException {
    // Children first: correct with or without ON DELETE CASCADE being enforced.
    String[] statements = {
      "DELETE FROM takeaway_tags WHERE takeaway_id IN (SELECT id FROM takeaways WHERE note_id = ?)",
      "DELETE FROM takeaways WHERE note_id = ?",
      "DELETE FROM sessions WHERE note_id = ?",
      "DELETE FROM note_tags WHERE note_id = ?",
      "DELETE FROM note_keywords WHERE note_id = ?",
      "DELETE FROM notes WHERE id = ?",
    };
    for (String sql : statements) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, noteId);
        ps.executeUpdate();
      }
    }
  }

  @Override
  public Optional<StoredNote> find(String noteId) throws SQLException {
    Connection c = connection();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT n.content_hash,"
            + " (SELECT COUNT(*) FROM sessions s WHERE s.note_id = n.id),"
            + " (SELECT COUNT(*) FROM takeaways t WHERE t.note_id = n.id)"
            + " FROM notes n WHERE n.id = ?")) {
      ps.setString(1, noteId);
      try (ResultSet rs = ps.executeQuery()) {
        Optional<StoredNote> found =
            rs.next() ? Optional.of(new StoredNote(noteId, rs.getString(1), rs.getInt(2), rs.getInt(3))) : Optional.empty();
        c.commit();
        return found;
      }
    } catch (SQLException e) {
      reset();
      throw e;
    }
  }

  private interface Work {
    boolean run(Connection c) throws SQLException;
  }

  /** Runs {@code work} in one transaction, committed if it says so and rolled back otherwise; returns what it said. */
  private boolean inTransaction(Work work) throws SQLException {
    Connection c = connection();
    try {
      if (!work.run(c)) {
        c.rollback();
        return false;
      }
      c.commit();
      return true;
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException rollbackFailed) {
        e.addSuppressed(rollbackFailed);
      }
      reset();
      throw e;
    }
  }

  @Override
  public void close() throws SQLException {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }
}
