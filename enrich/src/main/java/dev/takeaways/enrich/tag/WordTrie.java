package dev.takeaways.enrich.tag;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.Arrays;
import java.util.Map;

/**
 * The automaton over word codes (see {@link Words}), stepped one known word at a time by {@link
 * Words#scan} as it reads a text, with no array of codes in between. No spelling holds an unknown
 * word, so at one the scan sends the automaton back to its root at once instead of following
 * failure links. Otherwise the library's own transitions, failure links and outputs.
 */
final class WordTrie<V> extends AhoCorasickDoubleArrayTrie<V> {
  private int longest;

  @Override
  public void build(Map<String, V> map) {
    super.build(map);
    longest = Arrays.stream(l).max().orElse(1);
  }

  /** The most words a spelling has. */
  int longest() {
    return longest;
  }

  /** The state after a known word's code. */
  int next(int state, char code) {
    int next;
    while ((next = transitionWithRoot(state, code)) == -1) {
      state = fail[state];
    }
    return next;
  }

  /** The spellings that end at {@code state}, by index, or null. */
  int[] found(int state) {
    return output[state];
  }

  /** How many words the spelling has. */
  int words(int spelling) {
    return l[spelling];
  }

  V value(int spelling) {
    return v[spelling];
  }
}
