package dev.takeaways.enrich.tag;

import java.util.Arrays;

/**
 * The words of the taxonomy's spellings, each numbered with one {@code char} code, so that the
 * automaton runs over words instead of characters: a word is a run of letters and digits, any other
 * character but a space is a word of its own ({@code github.com} is three words), and a word the
 * taxonomy never uses is {@link #UNKNOWN} (a run of them, one {@code UNKNOWN}). Case-insensitive; hyphens and underscores read as
 * spaces. Built with every spelling, then only read: thread-safe for reading.
 */
final class Words {
  static final char UNKNOWN = 1;
  private static final int[] NONE = new int[0];
  private static final char FIRST = 2;

  private static final int FILTER_MASK = (1 << 11) - 1;
  /** A one-hash Bloom filter of the words: 2^17 bits. */
  private final long[] filter = new long[FILTER_MASK + 1];
  private char[][] words = new char[1024][];
  private int[] hashes = new int[1024];
  private char[] codes = new char[1024];
  private int size;

  /** The codes of {@code normalized}, adding its words. */
  String add(String normalized) {
    Encoded e = encode(normalized, true);
    return new String(e.codes(), 0, e.length());
  }

  /**
   * The words of a text as codes, with where each starts and ends in the text.
   *
   * @param text the text's characters, as written
   * @param codes the words' codes; only the first {@code length} are set
   * @param strangers start and end, in pairs, of the capitalized words of at least five letters that
   *     are no word of the taxonomy (candidates for misspellings); {@code strangerCount} pairs
   */
  record Encoded(char[] text, char[] codes, int[] starts, int[] ends, int length, int[] strangers, int strangerCount) {
    char[] exactCodes() {
      return codes.length == length ? codes : Arrays.copyOf(codes, length);
    }
  }

  /**
   * The words of {@code text}, read as normalized text is: case-insensitive, with hyphens and
   * underscores as spaces. One pass, no copy of the text.
   */
  Encoded encode(String text) {
    return encode(text, false);
  }

  private Encoded encode(String string, boolean adding) {
    char[] text = string.toCharArray();
    int length = text.length;
    int capacity = length / 8 + 16;
    char[] out = new char[capacity];
    int[] starts = new int[capacity];
    int[] ends = new int[capacity];
    int n = 0;
    int i = 0;
    int[] strangers = NONE;
    int strangerCount = 0;
    while (i < length) {
      char c = fold(text[i]);
      if (c <= ' ' || (c >= 128 && Character.isWhitespace(c))) {
        i++;
        continue;
      }
      int start = i;
      int h = c;
      if (isWordChar(c)) {
        i++;
        while (i < length) {
          char d = fold(text[i]);
          if (!isWordChar(d)) {
            break;
          }
          h = 31 * h + d;
          i++;
        }
      } else {
        i++;
      }
      char code = adding ? codeOrAdd(text, start, i, spread(h)) : code(text, start, i, spread(h));
      if (code == UNKNOWN && i - start >= 5 && Character.isUpperCase(text[start])) {
        if (strangerCount * 2 == strangers.length) {
          strangers = Arrays.copyOf(strangers, Math.max(16, strangers.length * 2));
        }
        strangers[strangerCount * 2] = start;
        strangers[strangerCount * 2 + 1] = i;
        strangerCount++;
      }
      if (code == UNKNOWN && n > 0 && out[n - 1] == UNKNOWN) {
        continue; // a run of unknown words matches nothing, as one unknown word does
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
        starts = Arrays.copyOf(starts, n * 2);
        ends = Arrays.copyOf(ends, n * 2);
      }
      out[n] = code;
      starts[n] = start;
      ends[n] = i;
      n++;
    }
    return new Encoded(text, out, starts, ends, n, strangers, strangerCount);
  }

  /** Lower case, hyphens and underscores as spaces; one character for one. */
  static char fold(char c) {
    if (c < 128) {
      if (c >= 'A' && c <= 'Z') {
        return (char) (c + 32);
      }
      return c == '-' || c == '_' ? ' ' : c;
    }
    return Character.toLowerCase(c);
  }

  private static boolean isWordChar(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
    return Character.isLetterOrDigit(c);
  }

  /** MurmurHash3's finalizer: short words' hashes are close together, and would cluster. */
  private static int spread(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  private char code(char[] text, int from, int to, int hash) {
    // Most words of a text are not the taxonomy's: one bit, mostly in cache, says so.
    if ((filter[(hash >>> 6) & FILTER_MASK] & (1L << hash)) == 0) {
      return UNKNOWN;
    }
    int mask = words.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      char[] w = words[slot];
      if (w == null) {
        return UNKNOWN;
      }
      if (hashes[slot] == hash && sameWord(w, text, from, to)) {
        return codes[slot];
      }
    }
  }

  private static boolean sameWord(char[] word, char[] text, int from, int to) {
    if (word.length != to - from) {
      return false;
    }
    for (int i = 0; i < word.length; i++) {
      if (word[i] != fold(text[from + i])) {
        return false;
      }
    }
    return true;
  }

  private char codeOrAdd(char[] text, int from, int to, int hash) {
    char known = code(text, from, to, hash);
    if (known != UNKNOWN) {
      return known;
    }
    if (size + FIRST >= Character.MAX_VALUE) {
      throw new IllegalStateException("the taxonomy has more distinct words than the tagger can number");
    }
    // At most half the slots taken; the filter in front turns most unknown words away, and a small
    // table stays in cache.
    if ((size + 1) * 2 > words.length) {
      grow();
    }
    char[] word = new char[to - from];
    for (int i = 0; i < word.length; i++) {
      word[i] = fold(text[from + i]);
    }
    char code = (char) (FIRST + size++);
    put(word, hash, code);
    return code;
  }

  private void put(char[] word, int hash, char code) {
    int mask = words.length - 1;
    int slot = hash & mask;
    while (words[slot] != null) {
      slot = (slot + 1) & mask;
    }
    words[slot] = word;
    hashes[slot] = hash;
    codes[slot] = code;
    filter[(hash >>> 6) & FILTER_MASK] |= 1L << hash;
  }

  private void grow() {
    char[][] oldWords = words;
    int[] oldHashes = hashes;
    char[] oldCodes = codes;
    words = new char[oldWords.length * 2][];
    hashes = new int[oldWords.length * 2];
    codes = new char[oldWords.length * 2];
    for (int i = 0; i < oldWords.length; i++) {
      if (oldWords[i] != null) {
        put(oldWords[i], oldHashes[i], oldCodes[i]);
      }
    }
  }
}
