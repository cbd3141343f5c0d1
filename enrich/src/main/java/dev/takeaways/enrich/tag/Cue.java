package dev.takeaways.enrich.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A cue of one practice, as written in {@code practice-cues.yml} and compiled: a sequence of steps
 * matched inside one sentence of a text's words ({@link CueTokens}). A step is a word ({@code
 * deploy}, or a prefix: {@code deploy*}), one of several word sequences ({@code (pull|merge)
 * request*}; {@code (the)?} may be left out), a number ({@code #}), or a gap of up to n words
 * ({@code ~3}). Pure.
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
      if (steps.get(i).isGap() || steps.get(i).isOptional()) {
        continue; // a gap, or a step that may be left out, is no anchor
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

  /** Where the cue matched from token {@code t} of {@code tokens} ends (exclusive), or -1. */
  int matchFrom(CueTokens tokens, int t) {
    return match(steps, 0, tokens, t);
  }

  /** Whether the cue is one word ({@code outage*}, {@code (silo|silos)}). */
  boolean isOneWord() {
    return steps.size() == 1 && steps.get(0).alternatives().stream().allMatch(a -> a.length == 1);
  }

  /** One word of a cue: a whole word, a prefix ({@code deploy*}) or any number ({@code #}). */
  record Word(String text, boolean prefix) {
    static final Word NUMBER = new Word("#", false);

    boolean matches(CueTokens tokens, int k) {
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
  record Step(List<Word[]> alternatives, int gap) {
    boolean isGap() {
      return alternatives == null;
    }

    /** Whether the step may be left out: {@code (the)?}. */
    boolean isOptional() {
      return !isGap() && alternatives.stream().anyMatch(a -> a.length == 0);
    }
  }

  /** Words too common to tell a cue's text apart: never a cue's anchor. */
  private static final Set<String> COMMON =
      Set.of("a", "an", "the", "to", "in", "into", "on", "of", "and", "or", "for", "from", "with", "by", "at", "as", "is", "are",
          "was", "were", "be", "it", "we", "our", "your", "their", "all", "every", "each", "per", "no", "not", "never", "one");

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
        i = close + 1;
        if (i < p.length() && p.charAt(i) == '?') {
          alternatives.add(new Word[0]); // (the)? may be left out
          i++;
        }
        steps.add(new Step(List.copyOf(alternatives), 0));
      } else {
        int end = p.indexOf(' ', i);
        end = end < 0 ? p.length() : end;
        steps.add(new Step(List.<Word[]>of(words(p.substring(i, end), pattern, where)), 0));
        i = end;
      }
    }
    if (steps.stream().allMatch(step -> step.isGap() || step.isOptional())) {
      throw new IllegalArgumentException(where + ": a cue needs a word that may not be left out: \"" + pattern + "\"");
    }
    if (steps.get(0).isGap() || steps.get(steps.size() - 1).isGap()) {
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

  /** Where {@code steps[s..]} matched from token {@code t} ends (exclusive), or -1. */
  private static int match(List<Step> steps, int s, CueTokens tokens, int t) {
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
}
