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
import java.util.TreeSet;
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

    boolean matches(String token) {
      if (this == NUMBER) {
        return Character.isDigit(token.charAt(0));
      }
      return prefix ? token.startsWith(text) : token.equals(text);
    }
  }

  /** A step of a cue: one of several word sequences, or a gap of up to {@code gap} words. */
  private record Step(List<Word[]> alternatives, int gap) {
    boolean isGap() {
      return alternatives == null;
    }
  }

  /** A cue of one practice, as written and compiled. */
  record Cue(String practiceId, String pattern, List<Step> steps) {
    /** Whether the cue is one word ({@code outage*}, {@code (silo|silos)}). */
    boolean isOneWord() {
      return steps.size() == 1 && steps.get(0).alternatives().stream().allMatch(a -> a.length == 1);
    }
  }

  /** A practice's cues and the tools and kinds of tools that imply it. */
  record Practice(String id, String definition, List<Cue> cues, List<String> impliedBy) {}

  private final Map<String, Practice> practices;
  /** Cues by their first word when it is a whole word, and by the text of a prefix otherwise. */
  private final Map<String, List<Cue>> byWord = new HashMap<>();
  private final Map<String, List<Cue>> byPrefix = new HashMap<>();
  private final List<Cue> byNumber = new ArrayList<>();
  private final int[] prefixLengths;
  /** Practice ids by {@code tool:slug} and by {@code category:name}. */
  private final Map<String, List<String>> implied = new HashMap<>();

  private PracticeCues(Map<String, Practice> practices) {
    this.practices = Map.copyOf(practices);
    Set<Integer> lengths = new TreeSet<>();
    for (Practice p : practices.values()) {
      for (Cue cue : p.cues()) {
        for (Word[] alternative : cue.steps().get(0).alternatives()) {
          Word first = alternative[0];
          if (first == Word.NUMBER) {
            byNumber.add(cue);
          } else if (first.prefix()) {
            byPrefix.computeIfAbsent(first.text(), k -> new ArrayList<>()).add(cue);
            lengths.add(first.text().length());
          } else {
            byWord.computeIfAbsent(first.text(), k -> new ArrayList<>()).add(cue);
          }
        }
      }
      for (String source : p.impliedBy()) {
        implied.computeIfAbsent(source, k -> new ArrayList<>()).add(p.id());
      }
    }
    prefixLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
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
      for (int t = 0; t < tokens.size(); t++) {
        String token = tokens.word(t);
        tryCues(byWord.get(token), tokens, t, text, already, out, known, minConfidence);
        for (int length : prefixLengths) {
          if (length > token.length()) {
            break;
          }
          tryCues(byPrefix.get(token.substring(0, length)), tokens, t, text, already, out, known, minConfidence);
        }
        if (Character.isDigit(token.charAt(0))) {
          tryCues(byNumber, tokens, t, text, already, out, known, minConfidence);
        }
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

  private static void tryCues(List<Cue> cues, Tokens tokens, int t, String text, List<Tag> already, List<Tag> out,
      java.util.function.Predicate<String> known, double minConfidence) {
    if (cues == null) {
      return;
    }
    for (Cue cue : cues) {
      double confidence = cue.isOneWord() ? WORD_CUE_CONFIDENCE : CUE_CONFIDENCE;
      if (has(out, cue.practiceId()) || has(already, cue.practiceId()) || !known.test(cue.practiceId()) || confidence < minConfidence) {
        continue;
      }
      int end = match(cue.steps(), 0, tokens, t);
      if (end > t) {
        int start = tokens.start(t);
        int stop = tokens.end(end - 1);
        out.add(new Tag(cue.practiceId(), new Tag.Evidence(text.substring(start, stop), start, stop, "cue", confidence)));
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
        if (u >= tokens.size() || (u > 0 && s + (u - t) > 0 && tokens.sentence(u) != tokens.sentence(u - 1)) || !w.matches(tokens.word(u))) {
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

  /** The words of a text, in lower case, with their spans and the number of the sentence each is in. */
  private static final class Tokens {
    private final List<String> words = new ArrayList<>();
    private int[] spans = new int[32];
    private int[] sentences = new int[16];

    static Tokens of(String text) {
      Tokens out = new Tokens();
      int sentence = 0;
      int i = 0;
      int n = text.length();
      while (i < n) {
        char c = text.charAt(i);
        if (Character.isLetterOrDigit(c)) {
          int start = i;
          while (i < n && (Character.isLetterOrDigit(text.charAt(i))
              || (isApostrophe(text.charAt(i)) && i + 1 < n && Character.isLetter(text.charAt(i + 1))))) {
            i++;
          }
          out.add(text.substring(start, i).toLowerCase(Locale.ROOT).replace('’', '\''), start, i, sentence);
        } else {
          if (c == '!' || c == '?' || c == ';' || c == '\n' || c == ':'
              || (c == '.' && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1))))) {
            sentence++;
          }
          i++;
        }
      }
      return out;
    }

    private static boolean isApostrophe(char c) {
      return c == '\'' || c == '’';
    }

    private void add(String word, int start, int end, int sentence) {
      int k = words.size();
      if (2 * k + 2 > spans.length) {
        spans = java.util.Arrays.copyOf(spans, spans.length * 2);
        sentences = java.util.Arrays.copyOf(sentences, sentences.length * 2);
      }
      words.add(word);
      spans[2 * k] = start;
      spans[2 * k + 1] = end;
      sentences[k] = sentence;
    }

    int size() {
      return words.size();
    }

    String word(int k) {
      return words.get(k);
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
