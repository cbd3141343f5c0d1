package dev.takeaways.enrich.tag;

import dev.takeaways.enrich.text.Swar;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The words of the taxonomy's spellings, each numbered with one {@code char} code, so that the
 * automaton runs over words instead of characters: a word is a run of letters and digits, any other
 * character but a space is a word of its own ({@code github.com} is three words), and a word the
 * taxonomy never uses is {@link #UNKNOWN}. Case-insensitive; hyphens and underscores read as
 * spaces. Built with every spelling, then only read: thread-safe for reading.
 */
final class Words {
  private static final char UNKNOWN = 1;
  private static final int[] NONE = new int[0];
  private static final long[] NO_KEYS = new long[0];
  private static final char FIRST = 2;

  /** A one-hash Bloom filter of the words: 2^17 bits, indexed by the top 17 bits of a spread key. */
  private final long[] filter = new long[1 << 11];
  /**
   * The words by their 64-bit keys, spread (open addressing; a slot is free when its code is 0), so
   * that no word is compared letter by letter. A word of up to eight ASCII letters and digits is its
   * key exactly (see {@link #key}); a longer one is a hash of them, where two words sharing 64 bits is
   * not a case to plan for. (A 31-polynomial hash will not do: {@code it} and {@code k6} share one.)
   */
  private long[] hashes = new long[1024];
  private char[] codes = new char[1024];
  /** 64 less log2 of the table's size: a spread key's top bits are its slot. */
  private int shift = 64 - 10;
  private int size;

  /**
   * The codes of {@code normalized}, adding its words. It reads words as {@link #scan} does, with
   * the same folding and kinds, one character at a time: the keys are {@link #key}'s, which scan's
   * eight-at-a-time reading of ASCII words reproduces. (A loop of its own: when the taxonomy's
   * thousands of spellings ran through the text's loop, the JIT compiled that loop for adding, and
   * text was then read about 10% slower.)
   */
  String add(String normalized) {
    StringBuilder codes = new StringBuilder();
    int length = normalized.length();
    int i = 0;
    while (i < length) {
      byte kind = kindOf(fold(normalized.charAt(i)));
      if (kind == SPACE) {
        i++;
        continue;
      }
      int start = i++;
      while (kind == WORD && i < length && kindOf(fold(normalized.charAt(i))) == WORD) {
        i++;
      }
      codes.append(codeOrAdd(spread(key(normalized, start, i))));
    }
    return codes.toString();
  }

  /**
   * The key of the word {@code text[start, end)} (or of one symbol), folded: for a word of ASCII
   * letters and digits, its folded characters a byte each, eight to a long (little-endian), the
   * first long being the key of a word of up to eight characters exactly and a longer word's longs
   * mixed ({@link #mix}); for a word with any other character, a hash of its folded characters.
   */
  static long key(CharSequence text, int start, int end) {
    boolean ascii = true;
    for (int i = start; i < end; i++) {
      ascii &= fold(text.charAt(i)) < 128;
    }
    if (!ascii) {
      return wideKey(text, start, end);
    }
    long h = 0;
    for (int i = start; i < end; i += 8) {
      long chunk = 0;
      for (int j = Math.min(end, i + 8) - 1; j >= i; j--) {
        chunk = chunk << 8 | fold(text.charAt(j));
      }
      h = i == start ? chunk : mix(h, chunk);
    }
    return h;
  }

  /** A word with a character beyond ASCII: its folded characters mixed in one by one. */
  private static long wideKey(CharSequence text, int start, int end) {
    long h = WIDE_SEED;
    for (int i = start; i < end; i++) {
      h = (h ^ fold(text.charAt(i))) * M;
      h ^= h >>> 32;
    }
    return h;
  }

  private static final long WIDE_SEED = 0x2545F4914F6CDD1DL;
  private static final long M = 0xc6a4a7935bd1e995L;

  /**
   * The key so far and a word's next eight characters (or fewer, at its end), as MurmurHash64A mixes
   * a block: the block is scrambled through a multiply, a shift down and a multiply before it joins
   * the key. A multiply alone spreads a change only towards the high bits, and a rotation does not
   * undo that: with {@code rotate(h * m) ^ chunk}, a change in one chunk's last letter could be
   * cancelled by one in the next chunk's middle ({@code ...andmotewords...} and {@code
   * ...andmorewoods...} shared a key).
   */
  private static long mix(long h, long chunk) {
    long k = chunk * M;
    k ^= k >>> 47;
    k *= M;
    return (h ^ k) * M;
  }

  /** Where {@link #scan} reports what the automaton finds. */
  interface Hits<V> {
    /** One of the automaton's spellings, {@code text[start, end)}. */
    void spelling(int start, int end, V value);
  }

  /** The fewest letters of a word in lower case that may be a misspelling ("twistlick"): shorter ones are too often other words. */
  static final int LOWER_CASE_STRANGER = 8;

  /** How many values {@link #startIndex} takes. */
  static final int STARTS = 27 * 27 * 27;

  /** The first three characters of the word at {@code start}, lower-cased letters (anything else counts as one), as a number below {@link #STARTS}. */
  static int startIndex(CharSequence text, int start) {
    int index = 0;
    for (int i = start; i < start + 3; i++) {
      char c = i < text.length() ? Character.toLowerCase(text.charAt(i)) : ' ';
      index = index * 27 + (c >= 'a' && c <= 'z' ? c - 'a' + 1 : 0);
    }
    return index;
  }

  /**
   * The words that are no word of the taxonomy, capitalized and of at least five letters, or in lower
   * case, of at least {@value #LOWER_CASE_STRANGER} and starting as some name does: candidates for misspellings.
   *
   * @param spans start and end in the text, in pairs; {@code count} pairs
   * @param keys each word's key, folded ({@link #key}): the same word, the same key
   */
  record Strangers(int[] spans, long[] keys, int count) {}


  /**
   * Reads the words of {@code text} as normalized text is read (case-insensitive, hyphens and
   * underscores as spaces) and runs {@code trie} over their codes as it goes, reporting each
   * spelling found to {@code hits}; a word the taxonomy does not know sends the automaton back to its
   * root, since no spelling holds one. One pass, over the text as bytes (a character beyond Latin-1
   * is a {@code ?} there, read again from the text): an ASCII word is found and keyed eight
   * characters at a time ({@link Swar#wordBytes}); a word with any other character goes character by
   * character. Words in lower case are strangers only where {@code lowerCaseStarts} holds their first
   * three letters ({@link #startIndex}); none when it is null.
   */
  <V> Strangers scan(String text, WordTrie<V> trie, Hits<V> hits, boolean[] lowerCaseStarts) {
    int length = text.length();
    byte[] bytes = bytes(text);
    // Where the last known words started: a spelling found ends at the current word and spans at
    // most the automaton's longest spelling of known words.
    int ringMask = Integer.highestOneBit(trie.longest()) * 2 - 1;
    int[] ring = new int[ringMask + 1];
    int known = 0;
    int state = 0;
    int[] spans = NONE;
    long[] keys = NO_KEYS;
    int strangers = 0;
    int i = 0;
    while (i < length) {
      int c = bytes[i] & 0xFF;
      byte kind = BYTE_KIND[c];
      if (kind == SPACE) {
        i++;
        continue;
      }
      int start = i;
      long h;
      if (kind == WORD) {
        long w = (long) Swar.LONGS.get(bytes, i);
        int run = Swar.wordBytes(w);
        if (run < 8) {
          h = (w | Swar.CASE) & ((1L << (run << 3)) - 1);
          i += run;
        } else {
          h = w | Swar.CASE;
          i += 8;
          do {
            w = (long) Swar.LONGS.get(bytes, i);
            run = Swar.wordBytes(w);
            if (run == 0) {
              break;
            }
            h = mix(h, (w | Swar.CASE) & (run == 8 ? -1L : (1L << (run << 3)) - 1));
            i += run;
          } while (run == 8);
        }
        // (past the text's end the bytes are zeros, white space: OTHER is always a character of it)
        if (BYTE_KIND[bytes[i] & 0xFF] == OTHER && isWordChar(fold(text.charAt(i)))) {
          i = wordEnd(text, i, length); // the word goes on beyond ASCII
          h = key(text, start, i);
        }
      } else if (kind == SYMBOL) {
        h = c;
        i++;
      } else {
        byte other = kindOf(fold(text.charAt(i)));
        if (other == SPACE) {
          i++;
          continue;
        }
        i = other == WORD ? wordEnd(text, i + 1, length) : i + 1;
        h = key(text, start, i); // as add keys it: some characters beyond ASCII fold into it (K, the kelvin sign)
      }
      char code = code(spread(h));
      if (code == UNKNOWN) {
        state = 0;
        boolean named = i - start >= 4 && isDigit(text.charAt(i - 1)) && gluedVersion(text, start, i, trie, hits);
        if (!named && (Character.isUpperCase(text.charAt(start)) ? i - start >= 5
            : i - start >= LOWER_CASE_STRANGER && lowerCaseStarts != null && lowerCaseStarts[startIndex(text, start)])) {
          if (strangers == keys.length) {
            keys = Arrays.copyOf(keys, Math.max(8, strangers * 2));
            spans = Arrays.copyOf(spans, keys.length * 2);
          }
          spans[strangers * 2] = start;
          spans[strangers * 2 + 1] = i;
          keys[strangers++] = h;
        }
        continue;
      }
      ring[known++ & ringMask] = start;
      state = trie.next(state, code);
      int[] found = trie.found(state);
      if (found != null) {
        for (int spelling : found) {
          hits.spelling(ring[(known - trie.words(spelling)) & ringMask], i, trie.value(spelling));
        }
      }
    }
    return new Strangers(spans, keys, strangers);
  }

  /**
   * A one-word name with its version glued on ({@code etcd3}, {@code centos7}, {@code
   * elasticsearch5.6}): reported as the name, without the version.
   */
  private <V> boolean gluedVersion(String text, int start, int end, WordTrie<V> trie, Hits<V> hits) {
    int name = end;
    while (name > start && (isDigit(text.charAt(name - 1)) || text.charAt(name - 1) == '.')) {
      name--;
    }
    if (name - start < 3 || !Character.isLetter(text.charAt(name - 1))) {
      return false;
    }
    char code = code(spread(key(text, start, name)));
    if (code == UNKNOWN) {
      return false;
    }
    int[] found = trie.found(trie.next(0, code));
    boolean any = false;
    if (found != null) {
      for (int spelling : found) {
        if (trie.words(spelling) == 1) {
          hits.spelling(start, name, trie.value(spelling));
          any = true;
        }
      }
    }
    return any;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The text's characters a byte each, {@code ?} for those beyond Latin-1, and eight zeros (white
   * space) after them, so that a word's last eight bytes can always be read. The encoder gives one
   * byte for each character, but one {@code ?} for a pair of surrogates (an emoji, say), which would
   * put every later byte one place before its character: then the text is copied a character at a
   * time.
   */
  private static byte[] bytes(String text) {
    int length = text.length();
    byte[] encoded = text.getBytes(StandardCharsets.ISO_8859_1);
    if (encoded.length == length) {
      return Arrays.copyOf(encoded, length + 8);
    }
    byte[] bytes = new byte[length + 8];
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      bytes[i] = c <= 0xFF ? (byte) c : (byte) '?';
    }
    return bytes;
  }

  /** Where the word that goes on at {@code i} ends: character by character. */
  private static int wordEnd(String text, int i, int length) {
    while (i < length && isWordChar(fold(text.charAt(i)))) {
      i++;
    }
    return i;
  }

  private static final byte SPACE = 0;
  private static final byte WORD = 1;
  private static final byte SYMBOL = 2;
  /** Not ASCII, or a {@code ?} that may stand for a character beyond Latin-1: read from the text. */
  private static final byte OTHER = 3;
  /** The kind of each byte of a text's ISO-8859-1 bytes. */
  private static final byte[] BYTE_KIND = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      BYTE_KIND[c] = c >= 128 || c == '?' ? OTHER : kindOf(fold((char) c));
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
   * A key multiplied by an odd constant: one to one, so spread keys are equal exactly when keys are,
   * and its high bits depend on every bit of the key. The table and the filter index by those.
   */
  private static long spread(long h) {
    return h * 0x9E3779B97F4A7C15L;
  }

  /** The code of the word with this (spread) hash, or {@link #UNKNOWN}. */
  private char code(long hash) {
    // Most words of a text are not the taxonomy's: one bit, mostly in cache, says so.
    if ((filter[(int) (hash >>> 53)] & (1L << (hash >>> 47))) == 0) {
      return UNKNOWN;
    }
    int mask = codes.length - 1;
    for (int slot = (int) (hash >>> shift); ; slot = (slot + 1) & mask) {
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
    int slot = (int) (hash >>> shift);
    while (codes[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    hashes[slot] = hash;
    codes[slot] = code;
    filter[(int) (hash >>> 53)] |= 1L << (hash >>> 47);
  }

  private void grow() {
    long[] oldHashes = hashes;
    char[] oldCodes = codes;
    hashes = new long[oldCodes.length * 2];
    codes = new char[oldCodes.length * 2];
    shift--;
    for (int i = 0; i < oldCodes.length; i++) {
      if (oldCodes[i] != 0) {
        put(oldHashes[i], oldCodes[i]);
      }
    }
  }
}
