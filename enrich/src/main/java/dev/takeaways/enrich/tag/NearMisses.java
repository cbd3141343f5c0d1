package dev.takeaways.enrich.tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Misspelled tool names within one edit (a letter added, dropped, changed, or two swapped) of a
 * name the taxonomy knows: {@code Hiroku} for Heroku, {@code Kubernates} for Kubernetes; or written
 * by its sound, ph for f or f for ph, and then within one edit: {@code Graphana} for Grafana. Bounded to
 * keep precision: only single-word names of at least {@link #MIN_LENGTH} letters of unambiguous
 * tools that a curated or DevOps list names ({@link TaxonomyEntry#listed}), only words of the text
 * that are no word of the taxonomy, capitalized or of at least {@value Words#LOWER_CASE_STRANGER}
 * letters in lower case and then no word of the dictionary ({@code twistlick}), never a word of the
 * {@code not-misspellings} list (ordinary words one edit from a tool: chocolate, jerkins), and never
 * a name two tools are equally near.
 *
 * <p>Symmetric-delete index: a word and a name are one edit apart only if deleting at most one
 * letter from each gives the same string. The index holds 64-bit hashes of those strings, computed
 * without making them, behind a small Bloom filter: most words of a text are turned away in a few
 * nanoseconds. A candidate is then checked letter by letter. Immutable.
 */
final class NearMisses {
  static final int MIN_LENGTH = 6;
  private static final long BASE = 0x100000001b3L;
  /** BASE times this is 1 (mod 2^64): BASE is odd. */
  private static final long BASE_INVERSE = inverse(BASE);
  private static final int BLOOM_BITS = 1 << 18;
  private static final Object TWO_TOOLS = new Object();

  private final long[] bloom = new long[BLOOM_BITS / 64];
  /** Hashes of names and their one-letter deletions, sorted; {@link #owners} beside them. */
  private final long[] variants;
  private final Object[] owners;
  /** Each entry's names that take part, to check a candidate's distance. */
  private final Map<TaxonomyEntry, List<String>> names = new IdentityHashMap<>();
  private final Set<String> notMisspellings;
  /** The first three letters of the names, by {@link Words#startIndex}: a word in lower case is read only if it starts as one does. */
  private final boolean[] starts = new boolean[Words.STARTS];

  NearMisses(List<TaxonomyEntry> entries, Set<String> notMisspellings) {
    this.notMisspellings = Set.copyOf(notMisspellings);
    Map<Long, Object> index = new HashMap<>();
    for (TaxonomyEntry e : entries) {
      if (!e.type().equals("tool") || e.ambiguous() || !e.listed()) {
        continue;
      }
      List<String> spellings = new ArrayList<>();
      spellings.add(e.name());
      spellings.addAll(e.aliases());
      spellings.addAll(e.misspellings());
      for (String spelling : spellings) {
        String word = TaxonomyMatcher.normalize(spelling);
        if (word.length() < MIN_LENGTH || !word.chars().allMatch(Character::isLetter)) {
          continue;
        }
        names.computeIfAbsent(e, k -> new ArrayList<>()).add(word);
        starts[Words.startIndex(word, 0)] = true;
        forEachVariant(word, 0, word.length(), h -> {
          index.merge(h, e, (a, b) -> a == b ? a : TWO_TOOLS);
          return true;
        });
      }
    }
    variants = index.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    owners = new Object[variants.length];
    for (int i = 0; i < variants.length; i++) {
      owners[i] = index.get(variants[i]);
      bloom[bloomBit(variants[i]) >>> 6] |= 1L << bloomBit(variants[i]);
    }
  }

  /** The starts of the names misspellings are looked for, for {@link Words#scan}: a misspelling in lower case keeps its first three letters ("twistlick"). */
  boolean[] starts() {
    return starts;
  }

  /**
   * The tool each stranger of {@code text} misspells, or null, in order. A word met again (the same
   * key) is looked up once.
   */
  TaxonomyEntry[] near(String text, Words.Strangers strangers) {
    int count = strangers.count();
    TaxonomyEntry[] out = new TaxonomyEntry[count];
    long[] keys = strangers.keys();
    int[] spans = strangers.spans();
    // Open addressing, by key: each slot holds the index + 1 of the first stranger with that key.
    int mask = Integer.highestOneBit(count) * 4 - 1;
    int[] first = new int[mask + 1];
    for (int i = 0; i < count; i++) {
      long key = keys[i];
      int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
      while (first[slot] != 0 && keys[first[slot] - 1] != key) {
        slot = (slot + 1) & mask;
      }
      if (first[slot] != 0) {
        out[i] = out[first[slot] - 1];
      } else {
        first[slot] = i + 1;
        out[i] = near(text, spans[2 * i], spans[2 * i + 1]);
      }
    }
    return out;
  }

  /**
   * The tool that {@code text[from, to)}, a word of letters and digits, misspells, or null.
   */
  TaxonomyEntry near(String text, int from, int to) {
    if (to - from < MIN_LENGTH - 1) {
      return null;
    }
    // The index turns most words away at once: the dictionary is read only for a word near a tool.
    TaxonomyEntry found = within(text, from, to, false);
    if (found == null && !respellable(text, from, to)) {
      return null;
    }
    String word = text.substring(from, to);
    String lower = word.toLowerCase(Locale.ROOT);
    if (word.equals(word.toUpperCase(Locale.ROOT))) {
      return null; // all capitals: an acronym or a constant (UNSPEC), not a name misspelled
    }
    ToolDiscovery dictionary = ToolDiscovery.bundled();
    if (dictionary.ordinary(lower) || !Character.isUpperCase(word.charAt(0)) && dictionary.derived(lower)) {
      return null; // a word of the dictionary is that word ("Toggle"); in lower case, a word made from one too ("archival")
    }
    if (found != null) {
      return found;
    }
    // Written by its sound: ph for f or f for ph (Graphana for Grafana), then within one edit.
    String respelled = lower.contains("ph") ? lower.replace("ph", "f") : lower.replace("f", "ph");
    return notMisspellings.contains(lower) ? null : within(respelled, 0, respelled.length(), true);
  }

  /** Whether {@code text[from, to)} has an f or a ph: a word that may be written by its sound. */
  private static boolean respellable(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = (char) (text.charAt(i) | 0x20);
      if (c == 'f' || c == 'p' && i + 1 < to && (text.charAt(i + 1) | 0x20) == 'h') {
        return true;
      }
    }
    return false;
  }

  /** The one tool within one edit of {@code text[from, to)}, or no edit at all when {@code orSame}. */
  private TaxonomyEntry within(String text, int from, int to, boolean orSame) {
    Owner owner = new Owner();
    if (!forEachVariant(text, from, to, owner) || owner.found == null) {
      return null;
    }
    TaxonomyEntry found = owner.found;
    String word = text.substring(from, to).toLowerCase(Locale.ROOT);
    if (notMisspellings.contains(word)) {
      return null;
    }
    // Equal hashes are not equal strings, and the index also pairs some words two edits apart.
    for (String name : names.get(found)) {
      if (oneEditApart(word, name) || (orSame && word.equals(name))) {
        return found;
      }
    }
    return null;
  }

  /** The one tool a word's variants point to; stops at a second. */
  private final class Owner implements LongPredicate {
    private TaxonomyEntry found;

    @Override
    public boolean test(long h) {
      int bit = bloomBit(h);
      if ((bloom[bit >>> 6] & (1L << bit)) == 0) {
        return true; // most variants: turned away by one bit
      }
      int at = Arrays.binarySearch(variants, h);
      if (at < 0) {
        return true;
      }
      Object owner = owners[at];
      if (owner == TWO_TOOLS || (found != null && found != owner)) {
        return false;
      }
      found = (TaxonomyEntry) owner;
      return true;
    }
  }

  /** The multiplicative inverse of an odd number, mod 2^64 (Newton's iteration, each step doubling the correct bits). */
  static long inverse(long odd) {
    long x = odd; // right in the low 3 bits
    for (int i = 0; i < 5; i++) {
      x *= 2 - odd * x;
    }
    return x;
  }

  private static int bloomBit(long h) {
    return (int) (h ^ (h >>> 29)) & (BLOOM_BITS - 1);
  }

  /**
   * Gives {@code sink} the polynomial hash of the lower-cased word, then of each string made by
   * deleting one of its letters (the last letter's deletion first), until it says false; says
   * whether it got them all. Without an array: going back from the whole word's hash, each prefix's
   * hash is the next one's less its letter, times the inverse of the (odd) base; a deletion's hash
   * is its prefix's, shifted, plus the hash of the letters after it, kept as it goes.
   */
  static boolean forEachVariant(String text, int from, int to, LongPredicate sink) {
    long prefix = 0;
    for (int i = from; i < to; i++) {
      prefix = prefix * BASE + Character.toLowerCase(text.charAt(i));
    }
    if (!sink.test(prefix)) {
      return false;
    }
    long suffix = 0; // the hash of the letters after i
    long power = 1; // BASE^(to - 1 - i)
    for (int i = to - 1; i >= from; i--) {
      char c = Character.toLowerCase(text.charAt(i));
      prefix = (prefix - c) * BASE_INVERSE; // the hash of the letters before i
      if (!sink.test(prefix * power + suffix)) {
        return false;
      }
      suffix += c * power;
      power *= BASE;
    }
    return true;
  }

  /** Optimal string alignment distance of at most one, and not zero. */
  static boolean oneEditApart(String a, String b) {
    if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (a.length() == b.length()) {
      return a.substring(i + 1).equals(b.substring(i + 1)) // one letter changed
          || (i + 1 < a.length()
              && a.charAt(i) == b.charAt(i + 1)
              && a.charAt(i + 1) == b.charAt(i)
              && a.substring(i + 2).equals(b.substring(i + 2))); // two letters swapped
    }
    String longer = a.length() > b.length() ? a : b;
    String shorter = a.length() > b.length() ? b : a;
    return longer.substring(i + 1).equals(shorter.substring(i)); // one letter added
  }
}
