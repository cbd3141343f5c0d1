package dev.takeaways.model;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Stable, meaningful ids. A note id is the note's path relative to the watched root (or
 * repository), with forward slashes; the same file always gets the same id. A takeaway id is the
 * note id, {@code #}, and a short hash of the takeaway's section, normalized text and occurrence
 * number, so that re-ingesting a note yields the same ids and an edit changes only the ids of the
 * takeaways it touched.
 */
public final class NoteIds {
  private NoteIds() {}

  /** The id of the note at {@code file} under {@code root}. */
  public static String noteId(Path root, Path file) {
    Path relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
    if (relative.startsWith("..")) {
      throw new IllegalArgumentException(file + " is not under " + root);
    }
    return relative.toString().replace('\\', '/');
  }

  /**
   * The id of a takeaway.
   *
   * @param occurrence 0 for the first takeaway with this section and text in the note, 1 for the
   *     second, and so on
   */
  public static String takeawayId(String noteId, String section, String text, int occurrence) {
    String key = section + "\n" + normalize(text) + "\n" + occurrence;
    return noteId + "#" + Hashes.sha256(key).substring(0, 12);
  }

  /** The id of a session: the note id, {@code @}, and a short hash of its section path and title. */
  public static String sessionId(String noteId, String sectionPath, int occurrence) {
    return noteId + "@" + Hashes.sha256(sectionPath + "\n" + occurrence).substring(0, 12);
  }

  /** Lower case, single spaces: two texts that differ only in case or spacing share an id. */
  static String normalize(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
