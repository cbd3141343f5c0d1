package dev.takeaways.ui;

import dev.takeaways.model.TakeawayKind;
import dev.takeaways.publish.StoreQueries;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The page's questions to the store, in SQL that SQLite and PostgreSQL both run (one expression,
 * the day of a note read without a date of its own, is written per database), with bound parameters
 * only. Reads only. Thread-safe: each thread (the server's workers) keeps its own connection.
 */
public final class StoreBrowser implements AutoCloseable {
  /** How many tags each list of the overview shows. */
  public static final int TOP = 15;
  /** How many months the small trends show. */
  public static final int MONTHS = 12;

  private final String url;
  private final String day;
  private final int firstWindow;
  private final int limit;
  private final List<Connection> opened = new ArrayList<>();
  private final ThreadLocal<Connection> connections = new ThreadLocal<>();
  private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ui-overview");
    t.setDaemon(true);
    return t;
  });
  private volatile Overview latestOverview;
  private Future<?> refresh;

  public StoreBrowser(String jdbcUrl) {
    this(jdbcUrl, FIRST_WINDOW, Search.LIMIT);
  }

  /** With broad searches' first window of {@code firstWindow} notes and pages of {@code limit} (tests make them small). */
  StoreBrowser(String jdbcUrl, int firstWindow, int limit) {
    this.url = jdbcUrl;
    this.firstWindow = firstWindow;
    this.limit = limit;
    boolean sqlite = jdbcUrl.startsWith("jdbc:sqlite:");
    // A note's day: its own date, or the (UTC) day a source read it.
    this.day = sqlite
        ? "COALESCE(n.created, date(n.ingested_at / 1000, 'unixepoch'))"
        : "COALESCE(n.created, to_char(to_timestamp(n.ingested_at / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD'))";
  }

  /** Changes whenever a note is stored, replaced or deleted: the page polls it to stay live. */
  public String version() throws SQLException {
    List<List<Object>> rows = rows("SELECT COUNT(*), COALESCE(SUM(stored_at), 0) FROM notes", List.of());
    return rows.get(0).get(0) + "-" + rows.get(0).get(1);
  }

  /**
   * The overview as of the store's latest version. Computing it reads every tag mention (about a
   * second with 10,000 notes), so the latest one is kept: while the store has not changed it is
   * answered at once; when it has, one background thread computes the new one and, meanwhile, the
   * previous one is answered (its {@link Overview#version()} says which, and the page polls until
   * it is current). Only the very first call waits.
   */
  public Overview overview() throws SQLException {
    String now = version();
    Overview last = latestOverview;
    if (last != null && last.version().equals(now)) {
      return last;
    }
    Future<?> computing;
    synchronized (this) {
      if (refresh == null || refresh.isDone()) {
        refresh = refresher.submit(() -> {
          latestOverview = computeOverview();
          return null;
        });
      }
      computing = refresh;
    }
    if (last == null) {
      try {
        computing.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while computing the overview", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
      }
      return latestOverview;
    }
    return last;
  }

  /** The overview, computed now from the store (what {@link #overview()} keeps). */
  public Overview computeOverview() throws SQLException {
    String version = version();
    long notes = number(rows("SELECT COUNT(*) FROM notes", List.of()).get(0).get(0));
    long takeaways = number(rows("SELECT COUNT(*) FROM takeaways", List.of()).get(0).get(0));
    // Per tag and month: notes and takeaways that mention it.
    Map<String, Map<YearMonth, Integer>> notesByMonth = new HashMap<>();
    Map<String, long[]> totals = new HashMap<>();
    Map<String, YearMonth> first = new HashMap<>();
    YearMonth last = null;
    for (List<Object> r : rows(
        // Mentions per note first (walking takeaways by note, on the index of (note_id, id)), then
        // per month: four times faster than counting distinct notes over every mention.
        "SELECT x.tag_id, SUBSTR(" + day + ", 1, 7), COUNT(*), SUM(x.mentions)"
            + " FROM (SELECT t.note_id, tt.tag_id, COUNT(*) AS mentions"
            + "       FROM takeaways t JOIN takeaway_tags tt ON tt.takeaway_id = t.id GROUP BY t.note_id, tt.tag_id) x"
            + " JOIN notes n ON n.id = x.note_id GROUP BY 1, 2",
        List.of())) {
      String tag = (String) r.get(0);
      long[] total = totals.computeIfAbsent(tag, k -> new long[2]);
      total[0] += number(r.get(2));
      total[1] += number(r.get(3));
      YearMonth month = month((String) r.get(1));
      if (month != null) {
        notesByMonth.computeIfAbsent(tag, k -> new HashMap<>()).merge(month, (int) number(r.get(2)), Integer::sum);
        first.merge(tag, month, (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    for (List<Object> r : rows("SELECT MAX(SUBSTR(" + day + ", 1, 7)) FROM notes n", List.of())) {
      last = month((String) r.get(0));
    }
    List<String> months = new ArrayList<>();
    List<Overview.TagLine> lines = new ArrayList<>();
    if (last != null) {
      List<YearMonth> shown = Trends.monthsUpTo(last, MONTHS);
      shown.forEach(m -> months.add(m.toString()));
      for (Map.Entry<String, long[]> e : totals.entrySet()) {
        Map<YearMonth, Integer> perMonth = notesByMonth.getOrDefault(e.getKey(), Map.of());
        lines.add(new Overview.TagLine(e.getKey(), e.getValue()[1], e.getValue()[0],
            shown.stream().map(m -> perMonth.getOrDefault(m, 0)).toList(), Trends.windows(perMonth, last)));
      }
    }
    Comparator<Overview.TagLine> most = Comparator.comparingLong(Overview.TagLine::takeaways).reversed()
        .thenComparing(Overview.TagLine::tag);
    YearMonth newest = last;
    return new Overview(version, notes, takeaways, last == null ? null : last.toString(), months,
        top(lines, "tool", most), top(lines, "practice", most),
        lines.stream().filter(l -> newest != null && newest.equals(first.get(l.tag()))).sorted(most).limit(TOP).toList(),
        lines.stream().filter(l -> l.windows().direction() == Trends.Direction.RISING)
            .sorted(Comparator.comparingInt((Overview.TagLine l) -> l.windows().recent() - l.windows().earlier()).reversed()
                .thenComparing(Overview.TagLine::tag))
            .limit(TOP).toList(),
        lines.stream().filter(l -> l.windows().direction() == Trends.Direction.FADING)
            .sorted(Comparator.comparingInt((Overview.TagLine l) -> l.windows().earlier() - l.windows().recent()).reversed()
                .thenComparing(Overview.TagLine::tag))
            .limit(TOP).toList(),
        together(), latest());
  }

  private static List<Overview.TagLine> top(List<Overview.TagLine> lines, String type, Comparator<Overview.TagLine> order) {
    return lines.stream().filter(l -> l.tag().startsWith(type + ":")).sorted(order).limit(TOP).toList();
  }

  private List<Overview.Pair> together() throws SQLException {
    List<Overview.Pair> pairs = new ArrayList<>();
    for (List<Object> r : rows(
        "SELECT a.tag_id, b.tag_id, COUNT(*) AS takeaways"
            + " FROM takeaway_tags a JOIN takeaway_tags b ON b.takeaway_id = a.takeaway_id AND b.tag_id > a.tag_id"
            + " WHERE a.tag_id LIKE 'tool:%' AND b.tag_id LIKE 'tool:%'"
            + " GROUP BY a.tag_id, b.tag_id ORDER BY takeaways DESC, a.tag_id, b.tag_id LIMIT ?",
        List.of(TOP))) {
      pairs.add(new Overview.Pair((String) r.get(0), (String) r.get(1), number(r.get(2))));
    }
    return pairs;
  }

  private List<Overview.NoteLine> latest() throws SQLException {
    List<Overview.NoteLine> notes = new ArrayList<>();
    for (List<Object> r : rows(
        "SELECT n.id, n.title, " + day + ", n.session_count, n.takeaway_count FROM notes n ORDER BY n.stored_at DESC, n.id LIMIT ?",
        List.of(TOP))) {
      notes.add(new Overview.NoteLine((String) r.get(0), (String) r.get(1), (String) r.get(2), number(r.get(3)), number(r.get(4))));
    }
    return notes;
  }

  /** How many of the newest notes a broad search looks at first (then four times as many, and so on). */
  static final int FIRST_WINDOW = 250;

  /**
   * The takeaways that match, newest note first, in note order; at most {@link Search#LIMIT}. A
   * search that names a tag, speaker, session or note finds few takeaways and asks for them at
   * once. A broad one (none, a tag type, a kind, dates, text) would sort most of the store to show
   * its first page, so it looks at the newest notes first, in growing windows, until a window holds
   * more than a page: the newest notes come first in the order shown, so that page is the answer.
   */
  public Search.Results search(Search s) throws SQLException {
    StringBuilder where = new StringBuilder();
    List<Object> params = new ArrayList<>();
    if (s.tag() != null) {
      where.append(" AND t.id IN (SELECT x.takeaway_id FROM takeaway_tags x WHERE x.tag_id IN (?, ?, ?))");
      params.addAll(s.tag().contains(":") ? List.of(s.tag(), s.tag(), s.tag()) : List.of(s.tag(), "tool:" + s.tag(), "practice:" + s.tag()));
    }
    if (s.type() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM takeaway_tags x WHERE x.takeaway_id = t.id AND x.tag_id LIKE ? ESCAPE '\\')");
      params.add(escapeLike(s.type()) + ":%");
    }
    if (s.kind() != null) {
      where.append(" AND t.kind = ?");
      params.add(s.kind());
    }
    if (s.speaker() != null) {
      where.append(" AND LOWER(s.speaker) LIKE ? ESCAPE '\\'");
      params.add(contains(s.speaker()));
    }
    if (s.session() != null) {
      where.append(" AND LOWER(s.title) LIKE ? ESCAPE '\\'");
      params.add(contains(s.session()));
    }
    if (s.note() != null) {
      where.append(" AND (t.note_id = ? OR LOWER(n.title) LIKE ? ESCAPE '\\')");
      params.add(s.note());
      params.add(contains(s.note()));
    }
    if (s.from() != null) {
      where.append(" AND ").append(day).append(" >= ?");
      params.add(s.from());
    }
    if (s.to() != null) {
      // Inclusive of the whole period named: a day, a month (2026-02) or a year.
      where.append(" AND SUBSTR(").append(day).append(", 1, ?) <= ?");
      params.add(s.to().length());
      params.add(s.to());
    }
    if (s.text() != null) {
      where.append(" AND LOWER(t.text) LIKE ? ESCAPE '\\'");
      params.add(contains(s.text()));
    }
    String select = "SELECT t.id, t.note_id, n.title, " + day + ", s.title, s.speaker, t.kind, t.section, t.text"
        + " FROM takeaways t JOIN notes n ON n.id = t.note_id LEFT JOIN sessions s ON s.id = t.session_id";
    String order = " ORDER BY 4 DESC, t.note_id, t.position LIMIT ?";
    List<Object> all = new ArrayList<>(params);
    all.add(limit + 1);
    boolean narrow = s.tag() != null || s.speaker() != null || s.session() != null || s.note() != null;
    List<List<Object>> rows = null;
    if (!narrow) {
      long notes = number(rows("SELECT COUNT(*) FROM notes", List.of()).get(0).get(0));
      for (long window = firstWindow; window < notes; window *= 4) {
        List<Object> windowed = new ArrayList<>(List.of(window));
        windowed.addAll(all);
        rows = rows(select + " JOIN (SELECT n.id FROM notes n ORDER BY " + day + " DESC, n.id LIMIT ?) w ON w.id = t.note_id"
            + " WHERE 1 = 1" + where + order, windowed);
        if (rows.size() > limit) {
          break;
        }
        rows = null;
      }
    }
    if (rows == null) {
      rows = rows(select + " WHERE 1 = 1" + where + order, all);
    }
    boolean more = rows.size() > limit;
    rows = rows.subList(0, Math.min(rows.size(), limit));
    Map<String, List<Highlights.Evidence>> evidence = evidence(rows.stream().map(r -> (String) r.get(0)).toList());
    List<Search.Hit> hits = new ArrayList<>();
    for (List<Object> r : rows) {
      String id = (String) r.get(0);
      hits.add(new Search.Hit(id, (String) r.get(1), (String) r.get(2), (String) r.get(3), (String) r.get(4), (String) r.get(5), (String) r.get(6),
          (String) r.get(7), Highlights.pieces((String) r.get(8), evidence.getOrDefault(id, List.of()))));
    }
    List<String> tags = rows("SELECT id FROM tags ORDER BY id", List.of()).stream().map(r -> (String) r.get(0)).toList();
    List<String> kinds = Arrays.stream(TakeawayKind.values()).map(TakeawayKind::wireName).sorted().toList();
    return new Search.Results(s, hits, more, limit, tags, kinds);
  }

  /** The note with this id, or null when the store has none. */
  public NoteView note(String id) throws SQLException {
    List<List<Object>> found = rows("SELECT n.id, n.path, n.title, " + day + " FROM notes n WHERE n.id = ?", List.of(id));
    if (found.isEmpty()) {
      return null;
    }
    List<Object> n = found.get(0);
    List<String> keywords = rows("SELECT keyword FROM note_keywords WHERE note_id = ? ORDER BY keyword", List.of(id))
        .stream().map(r -> (String) r.get(0)).toList();
    List<Highlights.Evidence> noteTags = new ArrayList<>();
    for (List<Object> r : rows("SELECT tag_id, matched_text, span_start, span_end, rule, confidence FROM note_tags WHERE note_id = ? ORDER BY tag_id", List.of(id))) {
      noteTags.add(evidenceOf(r));
    }
    Map<String, NoteView.Block> blocks = new LinkedHashMap<>();
    List<NoteView.Item> outside = new ArrayList<>();
    for (List<Object> r : rows("SELECT id, title, speaker, url, section FROM sessions WHERE note_id = ? ORDER BY position", List.of(id))) {
      blocks.put((String) r.get(0), new NoteView.Block((String) r.get(1), (String) r.get(2), (String) r.get(3), (String) r.get(4), new ArrayList<>()));
    }
    List<List<Object>> takeaways = rows("SELECT id, session_id, kind, section, text FROM takeaways WHERE note_id = ? ORDER BY position", List.of(id));
    Map<String, List<Highlights.Evidence>> evidence = evidenceOfNote(id);
    for (List<Object> r : takeaways) {
      List<Highlights.Evidence> own = evidence.getOrDefault((String) r.get(0), List.of());
      NoteView.Item item = new NoteView.Item((String) r.get(0), (String) r.get(2), (String) r.get(3), Highlights.pieces((String) r.get(4), own), own);
      NoteView.Block block = r.get(1) == null ? null : blocks.get((String) r.get(1));
      (block == null ? outside : block.takeaways()).add(item);
    }
    List<NoteView.Block> all = new ArrayList<>();
    if (!outside.isEmpty()) {
      all.add(new NoteView.Block(null, null, null, "", outside));
    }
    all.addAll(blocks.values());
    return new NoteView((String) n.get(0), (String) n.get(1), (String) n.get(2), (String) n.get(3), keywords, noteTags, all);
  }

  private Map<String, List<Highlights.Evidence>> evidenceOfNote(String noteId) throws SQLException {
    return group(rows(
        "SELECT tt.takeaway_id, tt.tag_id, tt.matched_text, tt.span_start, tt.span_end, tt.rule, tt.confidence"
            + " FROM takeaway_tags tt JOIN takeaways t ON t.id = tt.takeaway_id WHERE t.note_id = ? ORDER BY tt.span_start, tt.tag_id",
        List.of(noteId)));
  }

  private Map<String, List<Highlights.Evidence>> evidence(List<String> takeawayIds) throws SQLException {
    if (takeawayIds.isEmpty()) {
      return Map.of();
    }
    String marks = String.join(", ", Collections.nCopies(takeawayIds.size(), "?"));
    return group(rows(
        "SELECT takeaway_id, tag_id, matched_text, span_start, span_end, rule, confidence FROM takeaway_tags"
            + " WHERE takeaway_id IN (" + marks + ") ORDER BY span_start, tag_id",
        new ArrayList<>(takeawayIds)));
  }

  private static Map<String, List<Highlights.Evidence>> group(List<List<Object>> rows) {
    Map<String, List<Highlights.Evidence>> byTakeaway = new HashMap<>();
    for (List<Object> r : rows) {
      byTakeaway.computeIfAbsent((String) r.get(0), k -> new ArrayList<>()).add(evidenceOf(r.subList(1, r.size())));
    }
    return byTakeaway;
  }

  /** tag, text, start, end, rule, confidence. */
  private static Highlights.Evidence evidenceOf(List<Object> r) {
    return new Highlights.Evidence((String) r.get(0), (String) r.get(1), (int) number(r.get(2)), (int) number(r.get(3)), (String) r.get(4),
        r.get(5) == null ? null : ((Number) r.get(5)).doubleValue());
  }

  private static String contains(String text) {
    return "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static YearMonth month(String text) {
    if (text == null) {
      return null;
    }
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      return null; // a date of another shape ("2014", "Oct 2014") has no month here
    }
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private List<List<Object>> rows(String sql, List<Object> params) throws SQLException {
    Connection c = connection();
    try {
      return StoreQueries.table(c, sql, params).rows();
    } catch (SQLException e) {
      drop(c);
      throw e;
    }
  }

  private Connection connection() throws SQLException {
    Connection c = connections.get();
    if (c != null && !c.isClosed()) {
      return c;
    }
    Properties p = new Properties();
    if (url.startsWith("jdbc:sqlite:")) {
      p.setProperty("busy_timeout", "5000");
      // Grouping tens of thousands of mentions: in memory, not in temporary files.
      p.setProperty("temp_store", "MEMORY");
      p.setProperty("cache_size", "-32768");
    }
    c = DriverManager.getConnection(url, p);
    c.setAutoCommit(true); // each question reads its own consistent snapshot
    if (!url.startsWith("jdbc:sqlite:")) {
      c.setReadOnly(true);
    }
    connections.set(c);
    synchronized (opened) {
      opened.add(c);
    }
    return c;
  }

  private void drop(Connection c) {
    connections.remove();
    synchronized (opened) {
      opened.remove(c);
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // broken already; the next question opens a new one
    }
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    synchronized (opened) {
      for (Connection c : opened) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // closing anyway
        }
      }
      opened.clear();
    }
  }
}
