package dev.takeaways.model;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Note ids, the one id every source and stage shares: the note's path relative to the watched root
 * (or repository), with forward slashes; the same file always gets the same id. Takeaway and session
 * ids are made where notes are read, in enrich ({@code TakeawayIds}).
 */
public final class NoteIds {
  private NoteIds() {}

  /** The longest note id, in characters: a path of a few directories, not a payload. */
  public static final int MAX_ID_LENGTH = 1024;

  /**
   * What is wrong with {@code id} as a note id, or null when nothing is: an id is a relative,
   * normalised path with forward slashes ({@code talks/2026/kubecon.md}), of at most {@link
   * #MAX_ID_LENGTH} characters, without control characters or backslashes. Every source (folder,
   * git, HTTP, CLI) is checked this one way.
   */
  public static String problem(String id) {
    if (id == null || id.isBlank()) {
      return "the id is empty";
    }
    if (id.length() > MAX_ID_LENGTH) {
      return "the id is " + id.length() + " characters long, over " + MAX_ID_LENGTH;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c)) {
        return "the id holds a control character (U+" + String.format(Locale.ROOT, "%04X", (int) c) + ")";
      }
      if (c == '\\') {
        return "the id holds a backslash: ids use / between directories";
      }
    }
    if (id.startsWith("/") || (id.length() >= 2 && id.charAt(1) == ':')) {
      return "the id is an absolute path: it must be relative";
    }
    for (String segment : id.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return "the id is not a normalised path (an empty, '.' or '..' part)";
      }
    }
    return null;
  }

  /** The id of the note at {@code file} under {@code root}. */
  public static String noteId(Path root, Path file) {
    Path relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
    if (relative.startsWith("..")) {
      throw new IllegalArgumentException(file + " is not under " + root);
    }
    return relative.toString().replace('\\', '/');
  }
}
