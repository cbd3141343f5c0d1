package dev.takeaways.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The questions people ask the store, in SQL that SQLite and PostgreSQL both run, with bound
 * parameters only. A tag may be given as its id ({@code tool:packer}) or its slug ({@code packer}).
 */
public final class StoreQueries {
  private final JdbcNoteStore store;

  /** An answer: column names and rows. */
  public record Table(List<String> columns, List<List<Object>> rows) {}

  public StoreQueries(JdbcNoteStore store) {
    this.store = store;
  }

  /** Tools or practices by how many takeaways mention them, since {@code since} (null: ever). */
  public Table top(String type, int limit, Instant since) throws SQLException {
    List<Object> params = new ArrayList<>(List.of(type));
    String period = "";
    if (since != null) {
      period = " AND " + sinceCondition();
      params.addAll(sinceParams(since));
    }
    params.add(limit);
    return run(
        "SELECT g.id AS tag, COUNT(DISTINCT tt.takeaway_id) AS takeaways, COUNT(DISTINCT t.session_id) AS sessions,"
            + " COUNT(DISTINCT t.note_id) AS notes"
            + " FROM tags g JOIN takeaway_tags tt ON tt.tag_id = g.id JOIN takeaways t ON t.id = tt.takeaway_id"
            + " JOIN notes n ON n.id = t.note_id"
            + " WHERE g.type = ?" + period
            + " GROUP BY g.id ORDER BY takeaways DESC, g.id LIMIT ?",
        params);
  }

  /** The sessions whose takeaways mention {@code tag}. */
  public Table sessions(String tag) throws SQLException {
    List<Object> params = new ArrayList<>(tagIds(tag));
    return run(
        "SELECT n.title AS note, s.title AS session, s.speaker AS speaker, COUNT(DISTINCT t.id) AS takeaways"
            + " FROM takeaway_tags tt JOIN takeaways t ON t.id = tt.takeaway_id JOIN sessions s ON s.id = t.session_id"
            + " JOIN notes n ON n.id = t.note_id"
            + " WHERE tt.tag_id IN (?, ?)"
            + " GROUP BY n.title, s.id, s.title, s.speaker, s.position ORDER BY n.title, s.position",
        params);
  }

  /** Everything said about {@code tag}, by speaker, then session, then in note order. */
  public Table takeaways(String tag) throws SQLException {
    return run(
        "SELECT COALESCE(s.speaker, '') AS speaker, COALESCE(s.title, '') AS session, t.kind AS kind, t.text AS text"
            + " FROM takeaway_tags tt JOIN takeaways t ON t.id = tt.takeaway_id LEFT JOIN sessions s ON s.id = t.session_id"
            + " WHERE tt.tag_id IN (?, ?)"
            + " ORDER BY COALESCE(s.speaker, '') , COALESCE(s.title, ''), t.note_id, t.position",
        new ArrayList<>(tagIds(tag)));
  }

  /** The notes dated (or, without a date, ingested) since {@code since}, newest first. */
  public Table notes(Instant since) throws SQLException {
    return run(
        "SELECT n.id AS id, n.title AS title, n.created AS created, n.session_count AS sessions, n.takeaway_count AS takeaways"
            + " FROM notes n WHERE " + sinceCondition()
            + " ORDER BY COALESCE(n.created, '') DESC, n.id",
        new ArrayList<>(sinceParams(since)));
  }

  private static List<Object> tagIds(String tag) {
    if (tag.contains(":")) {
      return List.of(tag, tag);
    }
    return List.of("tool:" + tag, "practice:" + tag);
  }

  private static String sinceCondition() {
    return "(n.created >= ? OR (n.created IS NULL AND n.ingested_at >= ?))";
  }

  private static List<Object> sinceParams(Instant since) {
    return List.of(since.atOffset(ZoneOffset.UTC).toLocalDate().toString(), since.toEpochMilli());
  }

  private Table run(String sql, List<Object> params) throws SQLException {
    Connection c = store.readConnection();
    try {
      return table(c, sql, params);
    } finally {
      c.rollback();
    }
  }

  /** Each stored note's id and when it was stored (epoch ms). */
  public static Map<String, Long> storedAt(Connection c) throws SQLException {
    Map<String, Long> out = new HashMap<>();
    for (List<Object> row : table(c, "SELECT id, stored_at FROM notes", List.of()).rows()) {
      out.put((String) row.get(0), ((Number) row.get(1)).longValue());
    }
    return out;
  }

  /** The answer to {@code sql} with {@code params} bound in order, on {@code c}: column labels in lower case, and rows. */
  public static Table table(Connection c, String sql, List<Object> params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns.size(); i++) {
            row.add(rs.getObject(i));
          }
          rows.add(row);
        }
        return new Table(columns, rows);
      }
    }
  }
}
