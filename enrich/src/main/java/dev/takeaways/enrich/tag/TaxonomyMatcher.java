package dev.takeaways.enrich.tag;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import dev.takeaways.model.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the taxonomy's tools and practices in text, in one pass of an Aho-Corasick automaton (a
 * double-array trie) over normalized text: lower case, hyphens and underscores read as spaces,
 * whole words only, plurals of practices. Overlapping matches keep the leftmost longest ({@code
 * Test Kitchen} over {@code Kitchen}).
 *
 * <p>Names that are also ordinary words need more than the word:
 *
 * <ul>
 *   <li>an entry with context words (Chef: cookbook, knife, ...) counts when one of them appears in
 *       the same note, or another tool in the same text;
 *   <li>an ambiguous entry without context words ({@code Harbor}) counts only when written as a
 *       proper noun inside a sentence: with the display name's capitals, not at the start of a
 *       sentence, and not inside a run of capitalized words (a title);
 * </ul>
 *
 * Such matches carry the rule {@code context}. Immutable and thread-safe once built.
 */
public final class TaxonomyMatcher {
  private enum Need {
    NOTHING,
    CONTEXT,
    PROPER_NOUN
  }

  /** What a spelling means: a keyword of an entry, a context word, or both. */
  private record Spelling(TaxonomyEntry entry, String rule, Need need, String key, boolean isContext) {
    boolean isKeyword() {
      return entry != null;
    }
  }

  private final AhoCorasickDoubleArrayTrie<Spelling> trie = new AhoCorasickDoubleArrayTrie<>();
  private final int size;

  public TaxonomyMatcher(Taxonomy taxonomy) {
    Map<String, Spelling> byKey = new HashMap<>();
    // Names first, then aliases, then misspellings: an entry's name beats another entry's alias.
    for (TaxonomyEntry e : taxonomy.entries()) {
      Need need = !e.ambiguous() ? Need.NOTHING : e.context().isEmpty() ? Need.PROPER_NOUN : Need.CONTEXT;
      addKeyword(byKey, e.name(), e, "exact", need);
      addKeyword(byKey, e.slug(), e, "exact", need);
    }
    for (TaxonomyEntry e : taxonomy.entries()) {
      e.aliases().forEach(a -> addKeyword(byKey, a, e, "alias", Need.NOTHING));
    }
    for (TaxonomyEntry e : taxonomy.entries()) {
      e.misspellings().forEach(a -> addKeyword(byKey, a, e, "misspelling", Need.NOTHING));
    }
    for (TaxonomyEntry e : taxonomy.entries()) {
      for (String c : e.context()) {
        String k = normalize(c);
        if (!k.isBlank()) {
          byKey.merge(k, new Spelling(null, null, Need.NOTHING, k, true), (a, b) -> withContext(a));
        }
      }
    }
    trie.build(new TreeMap<>(byKey));
    size = byKey.size();
  }

  private static Spelling withContext(Spelling s) {
    return new Spelling(s.entry(), s.rule(), s.need(), s.key(), true);
  }

  private static void addKeyword(Map<String, Spelling> out, String text, TaxonomyEntry e, String rule, Need need) {
    String k = normalize(text);
    if (k.isBlank()) {
      return;
    }
    out.putIfAbsent(k, new Spelling(e, rule, need, k, false));
    if ("practice".equals(e.type()) && !k.endsWith("s")) {
      out.putIfAbsent(k + "s", new Spelling(e, rule, need, k, false));
    }
  }

  /** How many spellings (names, aliases, misspellings, plurals, context words) the automaton holds. */
  public int size() {
    return size;
  }

  /** Lower case with hyphens and underscores as spaces, one character for one: offsets stay in place. */
  static String normalize(String text) {
    return new String(normalized(text)).strip().replaceAll(" +", " ");
  }

  private static char[] normalized(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      char c = text.charAt(i);
      if (c < 128) {
        if (c >= 'A' && c <= 'Z') {
          c += 32;
        } else if (c == '-' || c == '_') {
          c = ' ';
        }
      } else {
        c = Character.toLowerCase(c);
      }
      out[i] = c;
    }
    return out;
  }

  /** The tags of one text on its own: its own words are its context. */
  public List<Tag> tag(String text) {
    return tagAll(List.of(text)).get(0);
  }

  /**
   * The tags of each text of one note, in order: context words count anywhere in the note. One tag
   * per tool or practice per text, with the evidence of its first mention, in order of appearance.
   */
  public List<List<Tag>> tagAll(List<String> texts) {
    List<List<Match>> matches = new ArrayList<>(texts.size());
    Set<String> noteContext = new HashSet<>();
    for (String text : texts) {
      matches.add(scan(text, noteContext));
    }
    List<List<Tag>> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      out.add(resolve(texts.get(i), matches.get(i), noteContext));
    }
    return out;
  }

  private record Match(int start, int end, Spelling spelling) {}

  /** One pass: the leftmost-longest whole-word keyword matches, and the context words seen. */
  private List<Match> scan(String text, Set<String> context) {
    char[] chars = normalized(text);
    List<Match> hits = new ArrayList<>();
    trie.parseText(
        chars,
        (int begin, int end, Spelling s, int index) -> {
          if (!wholeWord(chars, begin, end)) {
            return;
          }
          if (s.isContext()) {
            context.add(s.key());
          }
          if (s.isKeyword()) {
            hits.add(new Match(begin, end, s));
          }
        });
    if (hits.size() <= 1) {
      return hits;
    }
    Match[] sorted = hits.toArray(Match[]::new);
    Arrays.sort(sorted, (a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
    List<Match> kept = new ArrayList<>(sorted.length);
    int covered = 0;
    for (Match m : sorted) {
      if (m.start() >= covered) {
        kept.add(m);
        covered = m.end();
      }
    }
    return kept;
  }

  private static boolean wholeWord(char[] chars, int begin, int end) {
    return (begin == 0 || !Character.isLetterOrDigit(chars[begin - 1]))
        && (end == chars.length || !Character.isLetterOrDigit(chars[end]));
  }

  private List<Tag> resolve(String text, List<Match> matches, Set<String> noteContext) {
    if (matches.isEmpty()) {
      return List.of();
    }
    boolean otherTool = false;
    for (Match m : matches) {
      otherTool |= m.spelling().need() == Need.NOTHING && "tool".equals(m.spelling().entry().type());
    }
    Map<String, Tag> found = new LinkedHashMap<>();
    for (Match m : matches) {
      Spelling s = m.spelling();
      TaxonomyEntry e = s.entry();
      String rule =
          switch (s.need()) {
            case NOTHING -> s.rule();
            case CONTEXT -> otherTool || e.context().stream().map(TaxonomyMatcher::normalize).anyMatch(noteContext::contains)
                ? "context"
                : null;
            case PROPER_NOUN -> properNoun(text, m.start(), m.end(), e.name()) ? "context" : null;
          };
      if (rule != null && !found.containsKey(e.tagId()) && !profileLink(text, m.start(), m.end())) {
        found.put(e.tagId(), new Tag(e.tagId(), new Tag.Evidence(text.substring(m.start(), m.end()), m.start(), m.end(), rule)));
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * Whether the match is the host of a link to one account's page ({@code
   * https://github.com/someone}): that names a person, not a use of the service. A repository link
   * ({@code github.com/org/repo}) or the bare host counts.
   */
  static boolean profileLink(String text, int start, int end) {
    int from = start;
    while (from > 0 && !Character.isWhitespace(text.charAt(from - 1)) && text.charAt(from - 1) != '(') {
      from--;
    }
    int to = end;
    while (to < text.length() && !Character.isWhitespace(text.charAt(to)) && text.charAt(to) != ')') {
      to++;
    }
    String url = text.substring(from, to).replaceFirst("^[a-zA-Z]+://", "").replaceAll("[/.,;]+$", "");
    int offset = text.substring(from, to).length() - text.substring(from, to).replaceFirst("^[a-zA-Z]+://", "").length();
    int slash = url.indexOf('/');
    if (slash < 0 || start - from - offset >= slash) {
      return false;
    }
    return url.indexOf('/', slash + 1) < 0;
  }

  /**
   * Whether {@code text[start, end)} reads as the proper noun {@code name}: written with its
   * capitals, inside a sentence, and not one of a run of capitalized words.
   */
  static boolean properNoun(String text, int start, int end, String name) {
    String written = text.substring(start, end);
    if (written.equals(written.toLowerCase(Locale.ROOT)) || !sameLetters(written, name)) {
      return false;
    }
    int before = start - 1;
    while (before >= 0 && text.charAt(before) == ' ') {
      before--;
    }
    if (before < 0 || ".!?:;\n\"“(".indexOf(text.charAt(before)) >= 0) {
      return false;
    }
    int after = end;
    while (after < text.length() && text.charAt(after) == ' ') {
      after++;
    }
    boolean capitalAfter = after > end && after < text.length() && Character.isUpperCase(text.charAt(after));
    boolean capitalBefore = Character.isUpperCase(text.charAt(wordStart(text, before)));
    return !capitalAfter && !capitalBefore;
  }

  private static int wordStart(String text, int last) {
    int i = last;
    while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static boolean sameLetters(String written, String name) {
    String a = written.replaceAll("[-_ ]", "");
    String b = name.replaceAll("[-_ ]", "");
    return a.equals(b);
  }
}
