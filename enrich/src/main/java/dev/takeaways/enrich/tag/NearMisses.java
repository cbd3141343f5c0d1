package dev.takeaways.enrich.tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Misspelled tool names within one edit (a letter added, dropped, changed, or two swapped) of a
 * name the taxonomy knows: {@code Hiroku} for Heroku, {@code Kubernates} for Kubernetes. Bounded to
 * keep precision: only single-word names of at least {@link #MIN_LENGTH} letters of unambiguous
 * tools, only capitalized words of the text that are no word of the taxonomy, never a word of the
 * {@code not-misspellings} list (ordinary words one edit from a tool: chocolate, jerkins), and never
 * a name two tools are equally near. Symmetric-delete index: a word and a name are one edit apart
 * only if deleting at most one letter from each gives the same string. Immutable.
 */
final class NearMisses {
  static final int MIN_LENGTH = 6;
  private static final Object TWO_TOOLS = new Object();

  /** Deletion variant to the entry it comes from, or TWO_TOOLS. */
  private final Map<String, Object> index = new HashMap<>();
  /** Each entry's names that take part, to check a candidate's distance. */
  private final Map<TaxonomyEntry, List<String>> names = new IdentityHashMap<>();
  private final Set<String> notMisspellings;
  /**
   * A cheap first test. One edit leaves either a name's first two letters in place or its last
   * three: (letters, length) keys of both, so that most words are turned away without a string.
   */
  private final Set<Long> shapes = new HashSet<>();

  NearMisses(List<TaxonomyEntry> entries, Set<String> notMisspellings) {
    this.notMisspellings = Set.copyOf(notMisspellings);
    for (TaxonomyEntry e : entries) {
      if (!e.type().equals("tool") || e.ambiguous()) {
        continue;
      }
      addName(e.name(), e);
      e.aliases().forEach(a -> addName(a, e));
      e.misspellings().forEach(a -> addName(a, e));
    }
  }

  private void addName(String spelling, TaxonomyEntry e) {
    String word = TaxonomyMatcher.normalize(spelling);
    if (word.length() < MIN_LENGTH || !word.chars().allMatch(Character::isLetter)) {
      return;
    }
    names.computeIfAbsent(e, k -> new ArrayList<>()).add(word);
    for (int length = word.length() - 1; length <= word.length() + 1; length++) {
      shapes.add(prefixShape(word, length));
      shapes.add(suffixShape(word, length));
    }
    put(word, e);
    for (int i = 0; i < word.length(); i++) {
      put(word.substring(0, i) + word.substring(i + 1), e);
    }
  }

  private void put(String variant, TaxonomyEntry e) {
    index.merge(variant, e, (a, b) -> a == b ? a : TWO_TOOLS);
  }

  /**
   * The tool {@code word} (lower case, letters only) is a misspelling of, or null.
   */
  TaxonomyEntry near(String word) {
    if (word.length() < MIN_LENGTH - 1
        || !(shapes.contains(prefixShape(word, word.length())) || shapes.contains(suffixShape(word, word.length())))
        || notMisspellings.contains(word)) {
      return null;
    }
    TaxonomyEntry found = null;
    for (int i = -1; i < word.length(); i++) {
      String variant = i < 0 ? word : word.substring(0, i) + word.substring(i + 1);
      Object hit = index.get(variant);
      if (hit == null) {
        continue;
      }
      if (hit == TWO_TOOLS || (found != null && found != hit)) {
        return null;
      }
      found = (TaxonomyEntry) hit;
    }
    if (found == null) {
      return null;
    }
    // The index also pairs some words two edits apart: check the distance.
    for (String name : names.get(found)) {
      if (oneEditApart(word, name)) {
        return found;
      }
    }
    return null;
  }

  private static long prefixShape(String word, int length) {
    return ((long) length << 40) | ((long) word.charAt(0) << 16) | word.charAt(1);
  }

  private static long suffixShape(String word, int length) {
    int n = word.length();
    return (1L << 60) | ((long) length << 48) | ((long) word.charAt(n - 3) << 32) | ((long) word.charAt(n - 2) << 16) | word.charAt(n - 1);
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
