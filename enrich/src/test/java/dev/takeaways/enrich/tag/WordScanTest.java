package dev.takeaways.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * {@link Words#scan} reads ASCII words eight bytes at a time and the rest character by character;
 * what it finds must be what a plain reading of the text, one character at a time, finds: checked
 * against such a reading, written here from the rules (fold to lower case, hyphens and underscores
 * are spaces, a run of letters and digits is a word, any other character but white space is a word
 * of its own), on texts built around the cases the fast reading could get wrong: words of 7 to 9
 * and 15 to 17 letters, letters beside the bytes just outside the letter ranges ({@code @ [ ` {}),
 * words that go on beyond ASCII, characters beyond Latin-1 (read as {@code ?} in the bytes), pairs
 * of surrogates (emoji: the encoder gives one {@code ?} for two characters), a real {@code ?}, characters beyond ASCII that fold into it (the kelvin sign, dotted capital I), white
 * space beyond ASCII, and words glued together.
 */
class WordScanTest {
  /** The taxonomy of the test: spellings of one or more words. */
  private static final List<String> SPELLINGS = List.of(
      "go", "k6", "it", "c", "k8s", "c++", "github.com", ".net", "node.js", "test kitchen", "infrastructure as code",
      "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopqrstuvwxy",
      "café", "naïve", "straße", "привет мир", "東京", "idée fixe", "a@b", "x[y]", "q`z", "w{v}", "what?", "ok ?");
  private static final List<String> OTHER_WORDS = List.of(
      "Abcdefghij", "Zebra", "Packer", "Going", "ABCDEFGH", "ABCDEFGHI", "Kitchens", "cafés", "Über", "Naïveté", "Привет", "東京都",
      "\u212A8s", "\u0130t", "G\u0130THUB", "ÀÉÎÕÜ", "Ωmega", "x", "Q", "9lives", "Abcdefghijklmnopqrstuvwxyz0123", "\u00DFtraße",
      "😀", "Go😀", "\uD835\uDD18nicode", "Pa\uD83D\uDE00cker");
  private static final List<String> SYMBOLS = List.of(
      ".", ",", "?", "!", "@", "[", "]", "`", "{", "}", "/", "+", "*", "#", "\u007F", "\u00A0", "–", "—", "…", "€", "\u00D7");
  private static final List<String> GAPS = List.of(" ", " ", " ", "  ", "-", "_", "\t", "\n", "\r\n", "", "\u2003", "\u3000", "\u0000");

  private static final Map<String, Integer> VOCABULARY = new HashMap<>();
  private static final Words WORDS = new Words();
  private static final WordTrie<String> TRIE = new WordTrie<>();

  static {
    Map<String, String> byCodes = new TreeMap<>();
    for (String spelling : SPELLINGS) {
      for (Token t : read(spelling)) {
        VOCABULARY.putIfAbsent(t.folded(), VOCABULARY.size());
      }
      byCodes.put(WORDS.add(TaxonomyMatcher.normalize(spelling)), spelling);
    }
    TRIE.build(byCodes);
  }

  /** A word of the plain reading: folded, with where it is in the text. */
  private record Token(String folded, int start, int end) {}

  private static char fold(char c) {
    if (c == '-' || c == '_') {
      return ' ';
    }
    return c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
  }

  private static boolean isSpace(char folded) {
    return folded <= ' ' || (folded >= 128 && Character.isWhitespace(folded));
  }

  /** The plain reading, one character at a time. */
  private static List<Token> read(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char f = fold(text.charAt(i));
      if (isSpace(f)) {
        i++;
        continue;
      }
      int start = i++;
      StringBuilder folded = new StringBuilder().append(f);
      while (Character.isLetterOrDigit(f) && i < text.length() && Character.isLetterOrDigit(fold(text.charAt(i)))) {
        folded.append(fold(text.charAt(i++)));
      }
      tokens.add(new Token(folded.toString(), start, i));
    }
    return tokens;
  }

  /** Every spelling at every place where its words follow one another in the text. */
  private static List<String> expectedHits(String text, List<Token> tokens) {
    List<String> hits = new ArrayList<>();
    for (String spelling : SPELLINGS) {
      List<String> words = read(spelling).stream().map(Token::folded).toList();
      for (int p = 0; p + words.size() <= tokens.size(); p++) {
        boolean match = true;
        for (int k = 0; k < words.size() && match; k++) {
          match = tokens.get(p + k).folded().equals(words.get(k));
        }
        if (match) {
          hits.add(tokens.get(p).start() + ".." + tokens.get(p + words.size() - 1).end() + " " + spelling);
        }
      }
    }
    // A word the vocabulary lacks that is a one-word spelling with a version glued on (etcd3).
    for (Token t : tokens) {
      String spelling = gluedSpelling(t);
      if (spelling != null) {
        hits.add(t.start() + ".." + (t.start() + read(spelling).get(0).folded().length()) + " " + spelling);
      }
    }
    return hits;
  }

  /** The one-word spelling a word the vocabulary lacks is, with a version glued on; or null. */
  private static String gluedSpelling(Token t) {
    String word = t.folded();
    if (VOCABULARY.containsKey(word) || word.length() < 4 || !Character.isDigit(word.charAt(word.length() - 1))) {
      return null;
    }
    String name = word.replaceAll("[0-9.]+$", "");
    if (name.length() < 3 || !Character.isLetter(name.charAt(name.length() - 1))) {
      return null;
    }
    for (String spelling : SPELLINGS) {
      if (read(spelling).size() == 1 && read(spelling).get(0).folded().equals(name)) {
        return spelling;
      }
    }
    return null;
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> word = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(SPELLINGS).flatMap(WordScanTest::inSomeCase)),
        Tuple.of(4, Arbitraries.of(OTHER_WORDS)),
        Tuple.of(3, Arbitraries.of(SYMBOLS)),
        Tuple.of(3, Arbitraries.strings().withChars("aZ09xyzKÉ").ofMinLength(1).ofMaxLength(20)));
    Arbitrary<String> pair = Combinators.combine(word, Arbitraries.of(GAPS)).as((w, g) -> w + g);
    return pair.list().ofMinSize(0).ofMaxSize(40).map(parts -> String.join("", parts));
  }

  private static Arbitrary<String> inSomeCase(String spelling) {
    String title = spelling.isEmpty() ? spelling : Character.toUpperCase(spelling.charAt(0)) + spelling.substring(1);
    return Arbitraries.of(spelling, spelling.toUpperCase(Locale.ROOT), title, spelling.replace(' ', '-'), spelling.replace(' ', '_'));
  }

  @Property(tries = 3000)
  void scanFindsWhatAPlainReadingFinds(@ForAll("texts") String text) {
    List<Token> tokens = read(text);
    List<String> hits = new ArrayList<>();
    Words.Strangers strangers = WORDS.scan(text, TRIE, (start, end, spelling) -> hits.add(start + ".." + end + " " + spelling), null);

    assertThat(hits).containsExactlyInAnyOrderElementsOf(expectedHits(text, tokens));

    List<Token> expected = tokens.stream()
        .filter(t -> !VOCABULARY.containsKey(t.folded())
            && Character.isUpperCase(text.charAt(t.start())) && t.end() - t.start() >= 5
            && gluedSpelling(t) == null)
        .toList();
    List<String> spans = new ArrayList<>();
    for (int i = 0; i < strangers.count(); i++) {
      spans.add(strangers.spans()[2 * i] + ".." + strangers.spans()[2 * i + 1]);
    }
    assertThat(spans).containsExactlyElementsOf(expected.stream().map(t -> t.start() + ".." + t.end()).toList());
    // The same word folded, the same key; different words, different keys.
    for (int i = 0; i < expected.size(); i++) {
      for (int j = 0; j < expected.size(); j++) {
        assertThat(strangers.keys()[i] == strangers.keys()[j])
            .as("%s and %s", expected.get(i).folded(), expected.get(j).folded())
            .isEqualTo(expected.get(i).folded().equals(expected.get(j).folded()));
      }
    }
    Statistics.label("hits").collect(hits.isEmpty() ? "none" : hits.size() < 4 ? "1-3" : "4+");
    Statistics.label("beyond Latin-1").collect(text.chars().anyMatch(c -> c > 0xFF));
    Statistics.label("strangers").collect(strangers.count() > 0);
  }

  @Test
  void shortWordsAreTheirKeysExactly() {
    // Up to eight ASCII letters or digits, the key is the folded word itself, a byte a letter.
    assertThat(Words.key("Go", 0, 2)).isEqualTo((long) ('g' | 'o' << 8));
    assertThat(Words.key("ABCDEFGH", 0, 8)).isEqualTo(Words.key("abcdefgh", 0, 8));
    Set<Long> keys = new HashSet<>();
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (char a : alphabet.toCharArray()) {
      for (char b : alphabet.toCharArray()) {
        assertThat(keys.add(Words.key("" + a + b, 0, 2))).isTrue();
      }
    }
  }

  @Test
  void longWordsDifferingInTwoPlacesHaveDifferentKeys() {
    // With the long words of a key mixed as rotate(h * m) ^ next, these two shared one.
    assertThat(Words.key("aubernetesandmorewoodsxyz", 0, 25)).isNotEqualTo(Words.key("aubernetesandmotewordsxyz", 0, 25));
    Set<String> words = new HashSet<>();
    Set<Long> keys = new HashSet<>();
    for (char a = 'a'; a <= 'z'; a++) {
      for (char b = 'a'; b <= 'z'; b++) {
        for (int at = 8; at < 24; at++) {
          StringBuilder word = new StringBuilder("kubernetesandmorewordsxyz");
          word.setCharAt(0, a);
          word.setCharAt(at, b);
          words.add(word.toString());
          keys.add(Words.key(word, 0, word.length()));
        }
      }
    }
    assertThat(keys).hasSameSizeAs(words);
  }
}
