package dev.takeaways.enrich.tag;

import dev.takeaways.model.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Practices said without their names: "we deploy 40 times a day" (continuous delivery), "reviewers
 * approve every change" (code review), and practices shown by the tools a takeaway uses (Jenkins:
 * continuous integration). The cues and the kinds of tools that imply each practice are written from
 * the practice's definition, in {@code practice-cues.yml} beside this class, which also says the
 * cues' syntax. A cue matches inside one sentence. Immutable and thread-safe; pure.
 */
public final class PracticeCues {
  /**
   * The confidence of a practice found by a cue of several words, by a cue of one word (outage,
   * collaboration), and implied by a tool.
   */
  static final double CUE_CONFIDENCE = 0.8;

  static final double WORD_CUE_CONFIDENCE = 0.7;

  static final double IMPLIED_CONFIDENCE = 0.7;

  private static final String BUNDLED = "/dev/takeaways/enrich/tag/practice-cues.yml";

  /** One word of a cue: a whole word, a prefix ({@code deploy*}) or any number ({@code #}). */
  private record Word(String text, boolean prefix) {
    static final Word NUMBER = new Word("#", false);

    boolean matches(Tokens tokens, int k) {
      int start = tokens.start(k);
      int length = tokens.end(k) - start;
      if (this == NUMBER) {
        return Character.isDigit(tokens.chars[start]);
      }
      if (prefix ? length < text.length() : length != text.length()) {
        return false;
      }
      for (int i = 0; i < text.length(); i++) {
        if (tokens.chars[start + i] != text.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }

  /** A step of a cue: one of several word sequences, or a gap of up to {@code gap} words. */
  private record Step(List<Word[]> alternatives, int gap) {
    boolean isGap() {
      return alternatives == null;
    }
  }

  /** Words too common to tell a cue's text apart: never a cue's anchor. */
  private static final Set<String> COMMON =
      Set.of("a", "an", "the", "to", "in", "into", "on", "of", "and", "or", "for", "from", "with", "by", "at", "as", "is", "are",
          "was", "were", "be", "it", "we", "our", "your", "their", "all", "every", "each", "per", "no", "not", "never", "one");

  /**
   * A cue of one practice, as written and compiled.
   *
   * @param anchor the step looked for first: a text can only match the cue where the first word of
   *     one of this step's alternatives is one of its words. The step whose words are least common.
   */
  record Cue(String practiceId, String pattern, List<Step> steps, int anchor) {
    Cue(String practiceId, String pattern, List<Step> steps) {
      this(practiceId, pattern, steps, anchor(steps));
    }

    /** How many words at most the steps before the anchor take: where a match may start before it. */
    int reach() {
      int words = 0;
      for (int i = 0; i < anchor; i++) {
        Step step = steps.get(i);
        if (step.isGap()) {
          words += step.gap();
        } else {
          words += step.alternatives().stream().mapToInt(a -> a.length).max().orElse(0);
        }
      }
      return words;
    }

    private static int anchor(List<Step> steps) {
      int best = 0;
      int bestScore = -1;
      for (int i = 0; i < steps.size(); i++) {
        if (steps.get(i).isGap()) {
          continue;
        }
        int score = Integer.MAX_VALUE; // a step is as rare as its commonest alternative
        for (Word[] alternative : steps.get(i).alternatives()) {
          Word w = alternative[0];
          score = Math.min(score, w == Word.NUMBER || COMMON.contains(w.text()) ? 0 : w.text().length());
        }
        if (score > bestScore) {
          best = i;
          bestScore = score;
        }
      }
      return best;
    }

    /** Whether the cue is one word ({@code outage*}, {@code (silo|silos)}). */
    boolean isOneWord() {
      return steps.size() == 1 && steps.get(0).alternatives().stream().allMatch(a -> a.length == 1);
    }
  }

  /** A practice's cues and the tools and kinds of tools that imply it. */
  record Practice(String id, String definition, List<Cue> cues, List<String> impliedBy) {}

  private final Map<String, Practice> practices;
  /** Every cue, numbered. */
  private final List<Cue> cues = new ArrayList<>();
  /** The first words of every cue's anchor step, to the cues' numbers. */
  private final StepWords anchors = new StepWords();
  /** The cues whose anchor step may start with a number. */
  private int[] numberAnchors = new int[0];
  /** Practice ids by {@code tool:slug} and by {@code category:name}. */
  private final Map<String, List<String>> implied = new HashMap<>();

  private PracticeCues(Map<String, Practice> practices) {
    this.practices = Map.copyOf(practices);
    for (Practice p : practices.values()) {
      for (Cue cue : p.cues()) {
        int number = cues.size();
        cues.add(cue);
        for (Word[] alternative : cue.steps().get(cue.anchor()).alternatives()) {
          if (alternative[0] == Word.NUMBER) {
            numberAnchors = StepWords.append(numberAnchors.length == 0 ? null : numberAnchors, number);
          } else {
            anchors.add(alternative[0], number);
          }
        }
      }
      for (String source : p.impliedBy()) {
        implied.computeIfAbsent(source, k -> new ArrayList<>()).add(p.id());
      }
    }
  }

  /** The bundled cues. */
  public static PracticeCues bundled() {
    return Holder.BUNDLED_CUES;
  }

  private static final class Holder {
    static final PracticeCues BUNDLED_CUES = load();

    private static PracticeCues load() {
      try (InputStream in = PracticeCues.class.getResourceAsStream(BUNDLED)) {
        if (in == null) {
          throw new IllegalStateException("bundled practice cues missing: " + BUNDLED);
        }
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The cues of {@code yaml}, {@code practice-slug: {definition, cues, implied-by}}; {@code origin} names it in errors. */
  static PracticeCues parse(String yaml, String origin) {
    Object root = new Load(LoadSettings.builder().setLabel(origin).build()).loadFromString(yaml);
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(origin + ": expected a map of practice slugs");
    }
    Map<String, Practice> practices = new LinkedHashMap<>();
    map.forEach((slug, value) -> {
      String id = "practice:" + slug;
      if (!(value instanceof Map<?, ?> fields)) {
        throw new IllegalArgumentException(origin + ": " + slug + " must be a map");
      }
      List<Cue> cues = new ArrayList<>();
      for (String pattern : strings(fields.get("cues"))) {
        cues.add(new Cue(id, pattern, compile(pattern, origin + ": " + slug)));
      }
      Object definition = fields.get("definition");
      practices.put(id, new Practice(id, definition == null ? "" : definition.toString(), List.copyOf(cues), strings(fields.get("implied-by"))));
    });
    return new PracticeCues(practices);
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of();
  }

  /** Compiles one cue; {@code where} names it in errors. */
  static List<Step> compile(String pattern, String where) {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    String p = pattern.strip().toLowerCase(Locale.ROOT);
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == '~') {
        int end = i + 1;
        while (end < p.length() && Character.isDigit(p.charAt(end))) {
          end++;
        }
        if (end == i + 1) {
          throw new IllegalArgumentException(where + ": '~' needs a number of words in \"" + pattern + "\"");
        }
        steps.add(new Step(null, Integer.parseInt(p.substring(i + 1, end))));
        i = end;
      } else if (c == '(') {
        int close = p.indexOf(')', i);
        if (close < 0) {
          throw new IllegalArgumentException(where + ": unclosed '(' in \"" + pattern + "\"");
        }
        List<Word[]> alternatives = new ArrayList<>();
        for (String alternative : p.substring(i + 1, close).split("\\|")) {
          alternatives.add(words(alternative, pattern, where));
        }
        steps.add(new Step(List.copyOf(alternatives), 0));
        i = close + 1;
      } else {
        int end = p.indexOf(' ', i);
        end = end < 0 ? p.length() : end;
        steps.add(new Step(List.<Word[]>of(words(p.substring(i, end), pattern, where)), 0));
        i = end;
      }
    }
    if (steps.isEmpty() || steps.get(0).isGap() || steps.get(steps.size() - 1).isGap()) {
      throw new IllegalArgumentException(where + ": a cue starts and ends with words: \"" + pattern + "\"");
    }
    return List.copyOf(steps);
  }

  private static Word[] words(String text, String pattern, String where) {
    List<Word> out = new ArrayList<>();
    for (String w : text.strip().split("\\s+")) {
      if (w.equals("#")) {
        out.add(Word.NUMBER);
        continue;
      }
      boolean prefix = w.endsWith("*");
      String word = prefix ? w.substring(0, w.length() - 1) : w;
      if (word.isEmpty() || !word.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '\'')) {
        throw new IllegalArgumentException(where + ": \"" + w + "\" is not a word in \"" + pattern + "\"");
      }
      out.add(new Word(word, prefix));
    }
    return out.toArray(Word[]::new);
  }

  /** The practices of the cues, by tag id. */
  Map<String, Practice> practices() {
    return practices;
  }

  /**
   * The practices {@code text} states by a cue or by a tool it uses, other than those in {@code
   * already}: one tag per practice, with the evidence of its first cue, in order of appearance.
   *
   * @param tools the tools found in the text, with their evidence, for the practices they imply
   * @param known whether a practice id is in the taxonomy in use (a user's file may remove one)
   */
  List<Tag> tag(String text, List<Tag> already, List<TaxonomyEntry> toolEntries, List<Tag> tools,
      java.util.function.Predicate<String> known, double minConfidence) {
    List<Tag> out = new ArrayList<>();
    if (minConfidence <= CUE_CONFIDENCE) {
      Tokens tokens = Tokens.of(text);
      // Where the cues' anchors are in the text, in the order of the text: a cue can only match there.
      int[] hits = new int[16];
      int count = 0;
      for (int t = 0; t < tokens.size(); t++) {
        StepWords.Node node = anchors.root;
        int end = tokens.end(t);
        for (int i = tokens.start(t); i < end && node != null; i++) {
          node = node.next(tokens.chars[i]);
          if (node != null && (node.prefixOf != null || (i == end - 1 && node.wholeWord != null))) {
            int[] found = i == end - 1 && node.wholeWord != null ? node.wholeWord : null;
            hits = hit(hits, count, node.prefixOf, t);
            count += node.prefixOf == null ? 0 : node.prefixOf.length;
            hits = hit(hits, count, found, t);
            count += found == null ? 0 : found.length;
          }
        }
        if (Character.isDigit(tokens.chars[tokens.start(t)])) {
          hits = hit(hits, count, numberAnchors, t);
          count += numberAnchors.length;
        }
      }
      for (int h = 0; h < count; h++) {
        Cue cue = cues.get(hits[h] >>> 16);
        tryCue(cue, tokens, hits[h] & 0xFFFF, text, already, out, known, minConfidence);
      }
      if (out.size() > 1) {
        out.sort(java.util.Comparator.comparingInt(tag -> tag.evidence().start()));
      }
    }
    if (minConfidence <= IMPLIED_CONFIDENCE && !toolEntries.isEmpty() && saysMoreThanNames(text, tools)) {
      for (int i = 0; i < toolEntries.size(); i++) {
        TaxonomyEntry tool = toolEntries.get(i);
        Tag.Evidence evidence = tools.get(i).evidence();
        for (String source : List.of(tool.tagId(), "category:" + tool.category())) {
          for (String practice : implied.getOrDefault(source, List.of())) {
            if (known.test(practice) && !has(already, practice) && !has(out, practice)) {
              out.add(new Tag(practice, new Tag.Evidence(evidence.text(), evidence.start(), evidence.end(), "implied", IMPLIED_CONFIDENCE)));
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether {@code text} says something of its tools: three words or more besides their names and
   * links. A bare name ("PagerDuty."), a list of names ("Tools: Packer, vagrant") or a link names a
   * tool without stating a practice as done.
   */
  static boolean saysMoreThanNames(String text, List<Tag> tools) {
    int words = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      String token = text.substring(start, i);
      if (token.contains("://") || token.startsWith("www.") || token.indexOf('/') > token.indexOf('.') && token.indexOf('.') > 0) {
        continue; // a link
      }
      for (int j = start; j < i; j++) {
        if (Character.isLetter(text.charAt(j)) && (j == start || !Character.isLetter(text.charAt(j - 1))) && !insideTool(tools, j)) {
          int end = j;
          while (end < i && Character.isLetter(text.charAt(end))) {
            end++;
          }
          if (end - j >= 2 && ++words >= 3) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean insideTool(List<Tag> tools, int at) {
    for (Tag t : tools) {
      if (at >= t.evidence().start() && at < t.evidence().end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The tags of a note's texts without the practices that one tool implies once in the whole note
   * and nothing else states: a tool named in passing ("could we use Docker?") is not a practice the
   * note discusses; one the note keeps coming back to, or states in words too, is.
   */
  public static List<List<Tag>> withoutLoneImplications(List<List<Tag>> tags) {
    Map<String, Integer> texts = new HashMap<>();
    for (List<Tag> list : tags) {
      for (Tag t : list) {
        if (t.id().startsWith("practice:")) {
          texts.merge(t.id(), 1, Integer::sum);
        }
      }
    }
    List<List<Tag>> out = new ArrayList<>(tags.size());
    for (List<Tag> list : tags) {
      boolean lone = false;
      for (Tag t : list) {
        lone |= t.evidence().rule().equals("implied") && texts.get(t.id()) == 1;
      }
      out.add(!lone ? list : list.stream().filter(t -> !t.evidence().rule().equals("implied") || texts.get(t.id()) > 1).toList());
    }
    return out;
  }

  private static boolean has(List<Tag> tags, String id) {
    for (Tag t : tags) {
      if (t.id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** {@code hits} with the cues {@code numbers} at token {@code t} added after its first {@code count}, as {@code cue << 16 | t}. */
  private static int[] hit(int[] hits, int count, int[] numbers, int t) {
    if (numbers == null) {
      return hits;
    }
    int[] out = count + numbers.length <= hits.length ? hits : java.util.Arrays.copyOf(hits, Math.max(2 * hits.length, count + numbers.length));
    for (int i = 0; i < numbers.length; i++) {
      out[count + i] = numbers[i] << 16 | Math.min(t, 0xFFFF);
    }
    return out;
  }

  /** Adds the practice of {@code cue} where it matches around its anchor at token {@code at}, unless a tag has it. */
  private static void tryCue(Cue cue, Tokens tokens, int at, String text, List<Tag> already, List<Tag> out,
      java.util.function.Predicate<String> known, double minConfidence) {
    double confidence = cue.isOneWord() ? WORD_CUE_CONFIDENCE : CUE_CONFIDENCE;
    if (has(out, cue.practiceId()) || has(already, cue.practiceId()) || !known.test(cue.practiceId()) || confidence < minConfidence) {
      return;
    }
    for (int t = Math.max(0, at - cue.reach()); t <= at; t++) {
      int end = match(cue.steps(), 0, tokens, t);
      if (end > t) {
        int start = tokens.start(t);
        int stop = tokens.end(end - 1);
        out.add(new Tag(cue.practiceId(), new Tag.Evidence(text.substring(start, stop), start, stop, "cue", confidence)));
        return;
      }
    }
  }

  /** Where {@code steps[s..]} matched from token {@code t} ends (exclusive), or -1. */
  private static int match(List<Step> steps, int s, Tokens tokens, int t) {
    if (s == steps.size()) {
      return t;
    }
    Step step = steps.get(s);
    if (step.isGap()) {
      for (int skip = 0; skip <= step.gap() && t + skip <= tokens.size(); skip++) {
        if (skip > 0 && tokens.sentence(t + skip - 1) != tokens.sentence(t - 1)) {
          break;
        }
        int end = match(steps, s + 1, tokens, t + skip);
        if (end >= 0) {
          return end;
        }
      }
      return -1;
    }
    for (Word[] alternative : step.alternatives()) {
      int u = t;
      boolean ok = true;
      for (Word w : alternative) {
        if (u >= tokens.size() || (u > 0 && s + (u - t) > 0 && tokens.sentence(u) != tokens.sentence(u - 1)) || !w.matches(tokens, u)) {
          ok = false;
          break;
        }
        u++;
      }
      if (ok) {
        int end = match(steps, s + 1, tokens, u);
        if (end >= 0) {
          return end;
        }
      }
    }
    return -1;
  }

  /**
   * The cues by the first words of their anchor steps, in a trie of the words' letters: a token's
   * letters, read once, reach the cues whose word is a prefix of it ({@code deploy*}) and those
   * whose word it is ({@code ci}).
   */
  private static final class StepWords {
    static final class Node {
      private Node[] next;
      int[] prefixOf;
      int[] wholeWord;

      Node next(char c) {
        int i = index(c);
        return next == null || i < 0 ? null : next[i];
      }
    }

    final Node root = new Node();

    /** Letters, digits and the apostrophe have a child each; other characters end the walk. */
    private static int index(char c) {
      return c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : c == '\'' ? 36 : -1;
    }

    void add(Word word, int cue) {
      Node node = root;
      for (char c : word.text().toCharArray()) {
        int i = index(c);
        if (i < 0) {
          return; // a word no token can spell (tokens are letters, digits and apostrophes)
        }
        if (node.next == null) {
          node.next = new Node[37];
        }
        if (node.next[i] == null) {
          node.next[i] = new Node();
        }
        node = node.next[i];
      }
      if (word.prefix()) {
        node.prefixOf = append(node.prefixOf, cue);
      } else {
        node.wholeWord = append(node.wholeWord, cue);
      }
    }

    private static int[] append(int[] cues, int cue) {
      if (cues != null && cues[cues.length - 1] == cue) {
        return cues; // two alternatives of the anchor step that start with one word
      }
      int[] out = cues == null ? new int[1] : java.util.Arrays.copyOf(cues, cues.length + 1);
      out[out.length - 1] = cue;
      return out;
    }
  }

  /**
   * The words of a text: their spans in a lower-case copy of it ({@code ’} read as {@code '}), and
   * the number of the sentence each is in.
   */
  private static final class Tokens {
    final char[] chars;
    private int size;
    private int[] spans = new int[32];
    private int[] sentences = new int[16];

    private Tokens(char[] chars) {
      this.chars = chars;
    }

    static Tokens of(String text) {
      int n = text.length();
      char[] lower = new char[n];
      text.getChars(0, n, lower, 0);
      for (int i = 0; i < n; i++) {
        char c = lower[i];
        if (c >= 'A' && c <= 'Z') {
          lower[i] = (char) (c + 32);
        } else if (c >= 128) {
          lower[i] = c == '’' ? '\'' : Character.toLowerCase(c);
        }
      }
      Tokens out = new Tokens(lower);
      int sentence = 0;
      int i = 0;
      while (i < n) {
        char c = lower[i];
        if (isWordChar(c)) {
          int start = i;
          while (i < n && (isWordChar(lower[i]) || (lower[i] == '\'' && i + 1 < n && Character.isLetter(lower[i + 1])))) {
            i++;
          }
          out.add(start, i, sentence);
        } else {
          if (c == '!' || c == '?' || c == ';' || c == '\n' || c == ':'
              || (c == '.' && (i + 1 == n || Character.isWhitespace(lower[i + 1])))) {
            sentence++;
          }
          i++;
        }
      }
      return out;
    }

    private static boolean isWordChar(char c) {
      return c < 128 ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') : Character.isLetterOrDigit(c);
    }

    private void add(int start, int end, int sentence) {
      if (2 * size + 2 > spans.length) {
        spans = java.util.Arrays.copyOf(spans, spans.length * 2);
        sentences = java.util.Arrays.copyOf(sentences, sentences.length * 2);
      }
      spans[2 * size] = start;
      spans[2 * size + 1] = end;
      sentences[size++] = sentence;
    }

    int size() {
      return size;
    }

    int start(int k) {
      return spans[2 * k];
    }

    int end(int k) {
      return spans[2 * k + 1];
    }

    int sentence(int k) {
      return sentences[k];
    }
  }
}
