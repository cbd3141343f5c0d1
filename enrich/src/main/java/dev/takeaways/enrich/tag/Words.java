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
  /**
   * The words by their 64-bit keys (open addressing; a slot is free when its code is 0), so that no
   * word is compared letter by letter. A word of up to four characters is its key exactly (its
   * characters packed, see {@link #key}); a longer one is a multiply-rotate hash of them, where two
   * words sharing 64 bits is not a case to plan for. (A 31-polynomial hash will not do: {@code it}
   * and {@code k6} share one.)
   */
  private long[] hashes = new long[1024];
  private char[] codes = new char[1024];
  private int size;

  /**
   * The codes of {@code normalized}, adding its words. It reads words as {@link #encode} does,
   * with the same folding, kinds and keys, but in a loop of its own: when the taxonomy's thousands
   * of spellings ran through encode's loop, the JIT compiled that loop for adding, and text was then
   * encoded about 10% slower.
   */
  String add(String normalized) {
    StringBuilder codes = new StringBuilder();
    int length = normalized.length();
    int i = 0;
    while (i < length) {
      char f = fold(normalized.charAt(i));
      byte kind = kindOf(f);
      i++;
      if (kind == SPACE) {
        continue;
      }
      long h = f;
      int letters = 1;
      while (kind == WORD && i < length && kindOf(fold(normalized.charAt(i))) == WORD) {
        h = key(h, letters++, fold(normalized.charAt(i)));
        i++;
      }
      codes.append(codeOrAdd(spread(h)));
    }
    return codes.toString();
  }

  /**
   * The words of a text as codes, with where each starts and ends in the text.
   *
   * @param text the text's characters, as written
   * @param codes the words' codes; only the first {@code length} are set
   * @param strangers start and end, in pairs, of the capitalized words of at least five letters that
   *     are no word of the taxonomy (candidates for misspellings); {@code strangerCount} pairs
   */
  record Encoded(char[] text, char[] codes, int[] starts, int[] ends, int length, int[] strangers, int strangerCount) {}

  /**
   * The words of {@code text}, read as normalized text is: case-insensitive, with hyphens and
   * underscores as spaces. One pass.
   */
  Encoded encode(String string) {
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
      char c = text[i];
      char f = c < 128 ? ASCII_FOLD[c] : Character.toLowerCase(c);
      byte kind = c < 128 ? ASCII_KIND[c] : kindOf(f);
      if (kind == SPACE) {
        i++;
        continue;
      }
      int start = i;
      long h = f;
      int letters = 1;
      i++;
      if (kind == WORD) {
        while (i < length) {
          char d = text[i];
          char g;
          if (d < 128) {
            g = ASCII_WORD_FOLD[d];
            if (g == 0) {
              break;
            }
          } else {
            g = Character.toLowerCase(d);
            if (!isWordChar(g)) {
              break;
            }
          }
          h = key(h, letters++, g);
          i++;
        }
      }
      char code = code(spread(h));
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

  private static final byte SPACE = 0;
  private static final byte WORD = 1;
  private static final byte SYMBOL = 2;
  /** fold and the kind of character it gives, for ASCII: a table instead of branches. */
  private static final char[] ASCII_FOLD = new char[128];
  private static final byte[] ASCII_KIND = new byte[128];
  /** The folded letter or digit, or 0 for a character that ends a word: one load per character. */
  private static final char[] ASCII_WORD_FOLD = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_FOLD[c] = fold(c);
      ASCII_KIND[c] = kindOf(ASCII_FOLD[c]);
      ASCII_WORD_FOLD[c] = ASCII_KIND[c] == WORD ? ASCII_FOLD[c] : 0;
    }
  }

  /** Of a folded character: white space (read as a gap between words), a letter or digit, or a symbol (a word of its own). */
  private static byte kindOf(char folded) {
    if (folded <= ' ' || (folded >= 128 && Character.isWhitespace(folded))) {
      return SPACE;
    }
    return isWordChar(folded) ? WORD : SYMBOL;
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

  /**
   * The key of a word so far ({@code h}, of {@code letters} characters) and its next character:
   * the first four characters (never 0) are packed 16 bits each, an exact key; after them each
   * character is mixed in by rotating and multiplying.
   */
  private static long key(long h, int letters, char next) {
    return letters < 4 ? (h << 16) | next : (Long.rotateLeft(h, 26) ^ next) * 0x9E3779B97F4A7C15L;
  }

  /** MurmurHash3's 64-bit finalizer: short words' hashes are close together, and would cluster. */
  private static long spread(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** The code of the word with this (spread) hash, or {@link #UNKNOWN}. */
  private char code(long hash) {
    // Most words of a text are not the taxonomy's: one bit, mostly in cache, says so.
    if ((filter[(int) (hash >>> 6) & FILTER_MASK] & (1L << hash)) == 0) {
      return UNKNOWN;
    }
    int mask = codes.length - 1;
    for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
      char code = codes[slot];
      if (code == 0 || hashes[slot] == hash) {
        return code == 0 ? UNKNOWN : code;
      }
    }
  }

  private char codeOrAdd(long hash) {
    char known = code(hash);
    if (known != UNKNOWN) {
      return known;
    }
    if (size + FIRST >= Character.MAX_VALUE) {
      throw new IllegalStateException("the taxonomy has more distinct words than the tagger can number");
    }
    // At most half the slots taken; the filter in front turns most unknown words away, and a small
    // table stays in cache.
    if ((size + 1) * 2 > codes.length) {
      grow();
    }
    char code = (char) (FIRST + size++);
    put(hash, code);
    return code;
  }

  private void put(long hash, char code) {
    int mask = codes.length - 1;
    int slot = (int) hash & mask;
    while (codes[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    hashes[slot] = hash;
    codes[slot] = code;
    filter[(int) (hash >>> 6) & FILTER_MASK] |= 1L << hash;
  }

  private void grow() {
    long[] oldHashes = hashes;
    char[] oldCodes = codes;
    hashes = new long[oldCodes.length * 2];
    codes = new char[oldCodes.length * 2];
    for (int i = 0; i < oldCodes.length; i++) {
      if (oldCodes[i] != 0) {
        put(oldHashes[i], oldCodes[i]);
      }
    }
  }
}
