package dev.takeaways.model;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Stable, meaningful ids. A note id is the note's path relative to the watched root (or
 * repository), with forward slashes; the same file always gets the same id. A takeaway id is the
 * note id, {@code #}, and a 64-bit hash (XXH3, hex) of the takeaway's section, normalized text and
 * occurrence number, so that re-ingesting a note yields the same ids and an edit changes only the
 * ids of the takeaways it touched. XXH3 is a fixed, portable function: the same input gives the
 * same id on every machine and version; it is fast enough to cost nothing next to parsing.
 */
public final class NoteIds {
  private static final Hasher64 XXH3 = Hashing.xxh3_64();

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
    LONGS.set(bytes, 0, textHash);
    INTS.set(bytes, Long.BYTES, occurrence);
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
    private final Occurrences seen = new Occurrences();
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
     *     is lower-cased here, as {@link NoteIds#takeawayId} would)
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
      return toLowerCaseAscii(bytes) ? XXH3.hashBytesToLong(bytes) : hash(text.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * How often each 64-bit hash was counted: open addressing over primitive arrays, since the keys
   * are already uniform hashes (no boxing, no node per key). Grows at half full.
   */
  private static final class Occurrences {
    private long[] keys = new long[256];
    private int[] counts = new int[256];
    private int size;
    /** The key 0 has no slot: 0 marks an empty one. */
    private int zeros;

    /** Counts {@code key}; how often it was counted before. */
    int count(long key) {
      if (key == 0) {
        return zeros++;
      }
      if (2 * (size + 1) > keys.length) {
        grow();
      }
      int i = slot(key);
      if (keys[i] == 0) {
        keys[i] = key;
        size++;
      }
      return counts[i]++;
    }

    /** The slot that holds {@code key}, or the empty one where it goes. */
    private int slot(long key) {
      int mask = keys.length - 1;
      int i = (int) key & mask;
      while (keys[i] != 0 && keys[i] != key) {
        i = (i + 1) & mask;
      }
      return i;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldCounts = counts;
      keys = new long[2 * oldKeys.length];
      counts = new int[keys.length];
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != 0) {
          int i = slot(oldKeys[j]);
          keys[i] = oldKeys[j];
          counts[i] = oldCounts[j];
        }
      }
    }
  }

  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Lower-cases ASCII bytes in place and says true; says false (the bytes half done) at the first
   * byte that is not ASCII. Eight bytes at a time: in a word whose bytes are all below 0x80, adding
   * 0x3F to each sets its high bit where the byte is at least 'A', adding 0x25 where it is above 'Z'
   * (no byte carries into the next); the bytes with the first and not the second get 0x20 added.
   */
  static boolean toLowerCaseAscii(byte[] bytes) {
    int n = bytes.length;
    int i = 0;
    for (; i + Long.BYTES <= n; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i);
      if ((word & HIGH_BITS) != 0) {
        return false;
      }
      long upper = (word + 0x3F3F3F3F3F3F3F3FL) & ~(word + 0x2525252525252525L) & HIGH_BITS;
      LONGS.set(bytes, i, word | (upper >>> 2));
    }
    for (; i < n; i++) {
      int c = bytes[i];
      if (c < 0) {
        return false;
      }
      bytes[i] = (byte) (c + ((char) (c - 'A') < 26 ? 'a' - 'A' : 0));
    }
    return true;
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
