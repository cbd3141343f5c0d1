package dev.takeaways.enrich.tag;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

/**
 * The automaton over word codes (see {@link Words}), with a scan that knows two things the
 * library's general one cannot: the codes fill only the first {@code length} places of their array
 * (no copy to an exact array per text), and no spelling holds an unknown word, so at {@link
 * Words#UNKNOWN} the automaton goes back to its root at once instead of following failure links
 * there. Otherwise the library's own transitions and outputs.
 */
final class WordTrie<V> extends AhoCorasickDoubleArrayTrie<V> {
  /** Reports each spelling found in {@code codes[0, length)}, as the library's {@code parseText} does. */
  void parse(char[] codes, int length, IHitFull<V> hits) {
    int state = 0;
    for (int i = 0; i < length; i++) {
      char code = codes[i];
      if (code == Words.UNKNOWN) {
        state = 0;
        continue;
      }
      int next;
      while ((next = transitionWithRoot(state, code)) == -1) {
        state = fail[state];
      }
      state = next;
      int[] found = output[state];
      if (found != null) {
        for (int index : found) {
          hits.hit(i + 1 - l[index], i + 1, v[index], index);
        }
      }
    }
  }
}
