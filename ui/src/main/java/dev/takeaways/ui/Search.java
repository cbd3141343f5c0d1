package dev.takeaways.ui;

import java.util.List;
import java.util.Map;

/**
 * Takeaways by tag, tag type, kind, speaker, session, note, date range and free text; every field
 * is optional and they combine with AND.
 *
 * @param from first day, YYYY-MM-DD (or a prefix: YYYY-MM, YYYY), inclusive
 * @param to last day, likewise inclusive
 */
public record Search(String tag, String type, String kind, String speaker, String session, String note, String from, String to, String text) {
  /** How many results a page shows. */
  public static final int LIMIT = 200;

  /** The form's fields from a query string's parameters; blanks are absent. */
  public static Search of(Map<String, String> params) {
    return new Search(get(params, "tag"), get(params, "type"), get(params, "kind"), get(params, "speaker"),
        get(params, "session"), get(params, "note"), get(params, "from"), get(params, "to"), get(params, "q"));
  }

  private static String get(Map<String, String> params, String name) {
    String value = params.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  public boolean empty() {
    return tag == null && type == null && kind == null && speaker == null && session == null && note == null
        && from == null && to == null && text == null;
  }

  /** A value for a form field: never null. */
  public static String field(String value) {
    return value == null ? "" : value;
  }

  /** One takeaway found, with its note and session, and its text cut at its evidence. */
  public record Hit(
      String id,
      String noteId,
      String noteTitle,
      String day,
      String session,
      String speaker,
      String kind,
      String section,
      List<Highlights.Piece> pieces) {}

  /** The results: at most {@code limit}, and whether there were more. */
  public record Results(Search search, List<Hit> hits, boolean more, int limit, List<String> tags, List<String> kinds) {}
}
