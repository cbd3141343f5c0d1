package dev.takeaways.enrich.extract;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import dev.takeaways.enrich.text.LongCounts;
import dev.takeaways.enrich.text.Swar;
import dev.takeaways.model.TakeawayKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Stable ids of takeaways and sessions. A takeaway id is the note id, {@code #}, and a 64-bit hash
 * (XXH3, hex) of the takeaway's section, normalized text and occurrence number, so that re-ingesting
 * a note yields the same ids and an edit changes only the ids of the takeaways it touched. XXH3 is a
 * fixed, portable function: the same input gives the same id on every machine and version; it is
 * fast enough to cost nothing next to parsing. A session id is the note id, {@code @}, and a hash of
 * its section path. Note ids themselves are {@link dev.takeaways.model.NoteIds}'.
 */
public final class TakeawayIds {
  private static final Hasher64 XXH3 = Hashing.xxh3_64();

  private TakeawayIds() {}

  /**
   * The id of a takeaway: the note id, {@code #}, and 16 hex digits: the XXH3 of its section and
   * kind combined with the XXH3 of its normalized text (UTF-8); a repeated text (same section, kind
   * and text) is told apart by its occurrence number.
   *
   * @param occurrence 0 for the first takeaway with this section, kind and text in the note, 1 for
   *     the second, and so on
   */
  public static String takeawayId(String noteId, String section, TakeawayKind kind, String text, int occurrence) {
    long textHash = combine(placeHash(section, kind), hash(normalize(text)));
    return hex(noteId + "#", occurrenceHash(textHash, occurrence));
  }

  private static long placeHash(String section, TakeawayKind kind) {
    return hash(section + "\n" + kind.wireName());
  }

  /** Mixes two 64-bit hashes into one (MurmurHash3's finalizer over an asymmetric combination). */
  private static long combine(long a, long b) {
    long h = a ^ (Long.rotateLeft(b, 31) * 0x9E3779B97F4A7C15L);
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  private static long occurrenceHash(long textHash, int occurrence) {
    if (occurrence == 0) {
      return textHash;
    }
    // XXH3 of the twelve bytes a hash stream's putLong(textHash).putInt(occurrence) gives (little
    // endian), hashed in one call: a stream object per repeated text costs more than the hash.
    byte[] bytes = new byte[Long.BYTES + Integer.BYTES];
    Swar.LONGS.set(bytes, 0, textHash);
    Swar.INTS.set(bytes, Long.BYTES, occurrence);
    return XXH3.hashBytesToLong(bytes);
  }

  /** XXH3 of the UTF-8 bytes (encoding is an intrinsic; hashing chars one by one is not). */
  private static long hash(String s) {
    return XXH3.hashBytesToLong(utf8(s));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Hands out the takeaway ids of one note in document order, counting repeated texts, by the
   * definition of {@link #takeawayId}. Not thread-safe: one per note being extracted.
   */
  public static final class TakeawayIdSequence {
    private final String idPrefix;
    private final LongCounts seen = new LongCounts();
    private String lastSection;
    /** The place hashes of {@link #lastSection} by kind; 0 where not computed yet. */
    private final long[] places = new long[TakeawayKind.values().length];

    public TakeawayIdSequence(String noteId) {
      this.idPrefix = noteId + "#";
    }

    /**
     * The id of the next takeaway with this section, kind and text.
     *
     * @param tidyText the text with single spaces and no white space at its ends, in any case (it
     *     is lower-cased here, as {@link TakeawayIds#takeawayId} would)
     */
    public String next(String section, TakeawayKind kind, String tidyText) {
      if (!section.equals(lastSection)) {
        Arrays.fill(places, 0L);
        lastSection = section;
      }
      if (places[kind.ordinal()] == 0L) {
        places[kind.ordinal()] = placeHash(section, kind);
      }
      // The place hash carries the section and kind, so equal texts elsewhere count separately.
      long hash = combine(places[kind.ordinal()], lowerCaseHash(tidyText));
      int occurrence = seen.count(hash);
      return hex(idPrefix, occurrenceHash(hash, occurrence));
    }

    /**
     * {@code hash(text.toLowerCase(Locale.ROOT))}: an ASCII text (most are) is encoded (one
     * intrinsic copy) and lower-cased in place, eight bytes at a time.
     */
    private static long lowerCaseHash(String text) {
      byte[] bytes = utf8(text);
      return Swar.toLowerCaseAscii(bytes) ? XXH3.hashBytesToLong(bytes) : hash(text.toLowerCase(Locale.ROOT));
    }
  }

  /** The id of a session: the note id, {@code @}, and a short hash of its section path and title. */
  public static String sessionId(String noteId, String sectionPath, int occurrence) {
    return hex(noteId + "@", hash(sectionPath + "\n" + occurrence));
  }

  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  /** {@code prefix} and then 16 lower-case hex digits, leading zeros included: in one string. */
  private static String hex(String prefix, long hash) {
    int p = prefix.length();
    char[] chars = new char[p + 16];
    prefix.getChars(0, p, chars, 0);
    for (int i = p + 15; i >= p; i--) {
      chars[i] = HEX_DIGITS[(int) (hash & 0xF)];
      hash >>>= 4;
    }
    return new String(chars);
  }

  /** Lower case, single spaces: two texts that differ only in case or spacing share an id. */
  static String normalize(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return isSingleSpaced(lower) ? lower : collapse(lower);
  }

  private static boolean isSingleSpaced(String s) {
    if (s.isEmpty()) {
      return true;
    }
    if (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) && (c != ' ' || Character.isWhitespace(s.charAt(i + 1)))) {
        return false;
      }
    }
    return true;
  }

  private static String collapse(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
