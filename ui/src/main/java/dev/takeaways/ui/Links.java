package dev.takeaways.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The page's links. A note id or a tag goes into a query string encoded, whatever characters a
 * file name holds ({@code &}, {@code #}, spaces); a link a note gives (a talk's URL) is kept only
 * when it is http or https, so that a note cannot put a {@code javascript:} link on the page.
 */
public final class Links {
  private Links() {}

  /** The page of note {@code id}. */
  public static String note(String id) {
    return "/note?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  /** The takeaways that carry {@code tag}. */
  public static String tag(String tag) {
    return "/search?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8);
  }

  /** {@code url} when it is a web address, else null (no link is shown). */
  public static String web(String url) {
    if (url == null) {
      return null;
    }
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
  }
}
