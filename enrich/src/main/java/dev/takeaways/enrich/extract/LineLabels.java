package dev.takeaways.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels that say what a line of a note is ({@code Summary:}, {@code Speakers:}, {@code Tools:},
 * {@code Note:}, bracketed asides, bold highlights), read from the line's opening. Pure and
 * stateless; {@link TakeawayExtractor} applies them in order. Cheap tests on the opening come
 * first, so that the regular expressions run only where they may match.
 */
final class LineLabels {
  // The label patterns match a text's opening only (lookingAt): what follows the label is the rest of
  // the text, so the regular expression never scans a long paragraph to its end.
  private static final Pattern SUMMARY =
      Pattern.compile(
          "(?:[\\p{L}.'’ -]{1,40}['’]s?\\s+summary|summary|in\\s+summary|tl;?\\s?dr|(?:my\\s+|key\\s+)?takeaways?)\\s*[:\\-–—]\\s*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TOOLS = Pattern.compile("tools?\\s*:", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOTE_LINE = Pattern.compile("(?:note|nb|n\\.b\\.|q|question|aside|idea)\\s*:", Pattern.CASE_INSENSITIVE);
  private static final Pattern SPEAKERS =
      Pattern.compile("(?:speakers?|presenters?|presented by|speaker\\(s\\))\\s*:?\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern WHOLE_ASIDE = Pattern.compile("^\\[([^\\[\\]]+)]\\.?$", Pattern.DOTALL);
  private static final Pattern INLINE_ASIDE =
      Pattern.compile("\\[((?:Q|Question|Note|Idea|Interesting thought|Thought|Aside|TODO)\\s*:[^\\[\\]]+)]", Pattern.CASE_INSENSITIVE);
  /** The first letters of the labels {@link #NOTE_LINE} knows. */
  private static final String NOTE_LABEL_START = "nqai";
  /** Long enough for the longest label the patterns know ({@code X's summary:} with a 40-letter name). */
  private static final int OPENING_CHARS = 64;
  /** What may follow a summary label ({@link #SUMMARY}). */
  private static final String LABEL_SEPARATORS = ":-\u2013\u2014";
  private static final int MIN_SENTENCE_WORDS = 3;

  private LineLabels() {}

  /** Whether the text is a {@code Tools:} line with something after the label. */
  static boolean toolMention(String text) {
    return opensWith(text, "tool") && labelled(TOOLS, text);
  }

  /** What a text that is one bracketed aside ({@code [...]}) says, or null. */
  static String wholeAside(String text) {
    if (!text.startsWith("[")) {
      return null;
    }
    Matcher m = WHOLE_ASIDE.matcher(text);
    return m.matches() ? m.group(1) : null;
  }

  /** Whether the text is a {@code Note:}, {@code Q:}, {@code Idea:} ... line. */
  static boolean noteLine(String text) {
    return mayBeNoteLine(text) && labelled(NOTE_LINE, text);
  }

  /** The bracketed asides inside a text ({@code [Q: ...]}, {@code [Note: ...]}), in order. */
  static List<String> inlineAsides(String text) {
    if (text.indexOf('[') < 0) {
      return List.of();
    }
    List<String> asides = new ArrayList<>();
    Matcher inline = INLINE_ASIDE.matcher(text);
    while (inline.find()) {
      asides.add(inline.group(1));
    }
    return asides;
  }

  /** Whether {@code text} starts with {@code word}, in any case. */
  private static boolean opensWith(String text, String word) {
    return lettersAt(text, 0, word);
  }

  /**
   * Whether {@code word}, lower-case ASCII letters, stands at {@code at} in {@code text} in any
   * case. A letter matches its upper case by one bit, so there is no case mapping per character.
   */
  private static boolean lettersAt(String text, int at, String word) {
    if (at + word.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if ((text.charAt(at + k) | 0x20) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean mayBeNoteLine(String text) {
    if (text.isEmpty() || NOTE_LABEL_START.indexOf(Character.toLowerCase(text.charAt(0))) < 0) {
      return false;
    }
    for (int i = 1; i < Math.min(text.length(), 10); i++) {
      if (text.charAt(i) == ':') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a summary label may open the text: every label ends with {@code summary}, {@code
   * takeaway(s)} or {@code dr} (TL;DR), then a colon or a dash. So only the words before the
   * separators in the opening are looked at, and those are found by {@code indexOf}, which scans
   * many characters at a time; most texts have none.
   */
  private static boolean mayBeSummary(String text) {
    int end = Math.min(text.length(), OPENING_CHARS);
    for (int s = 0; s < LABEL_SEPARATORS.length(); s++) {
      char separator = LABEL_SEPARATORS.charAt(s);
      for (int at = text.indexOf(separator); at >= 0 && at < end; at = text.indexOf(separator, at + 1)) {
        int word = at;
        while (word > 0 && Character.isWhitespace(text.charAt(word - 1))) {
          word--;
        }
        if (lettersBefore(text, word, "summary") || lettersBefore(text, word, "takeaway")
            || lettersBefore(text, word, "takeaways") || lettersBefore(text, word, "dr")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code word}, lower-case ASCII letters, ends at {@code end} in {@code text}, in any case. */
  private static boolean lettersBefore(String text, int end, String word) {
    return end >= word.length() && lettersAt(text, end - word.length(), word);
  }

  /**
   * Bold text is a highlight when it is the whole line (but for punctuation) or a sentence of its
   * own; a bold word inside a sentence, bold punctuation and bold labels ({@code **Title:**
   * ...}) are not.
   */
  static boolean isHighlight(PlainText.Bold bold, String line) {
    String text = bold.text();
    if (!hasLetter(text)) {
      return false;
    }
    boolean label = text.endsWith(":");
    // The bold span is the whole line when no letter or digit stands outside it.
    if (!hasWordChar(line, 0, bold.start()) && !hasWordChar(line, bold.end(), line.length())) {
      return !(label && wordCount(text) <= 2);
    }
    return !label && wordCount(text) >= MIN_SENTENCE_WORDS;
  }

  private static boolean hasWordChar(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (isWordChar(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** A letter or digit; ASCII without a table lookup. */
  private static boolean isWordChar(char c) {
    if (c < 0x80) {
      return (char) ((c | 0x20) - 'a') < 26 || (char) (c - '0') < 10;
    }
    return Character.isLetterOrDigit(c);
  }

  /** How many runs of letters and digits {@code text} has. */
  private static int wordCount(String text) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = isWordChar(text.charAt(i));
      if (letter && !inWord) {
        count++;
      }
      inWord = letter;
    }
    return count;
  }

  /** What follows the {@code Speakers:} label, or null when {@code text} is not such a line. */
  static String speakersLine(String text) {
    if (text.length() > 120 || !(opensWith(text, "speaker") || opensWith(text, "present"))) {
      return null;
    }
    return afterLabel(SPEAKERS, text);
  }

  /** What follows a summary label ({@code Summary:}, {@code X's summary -}), or null when there is none. */
  static String summary(String text) {
    return mayBeSummary(text) ? afterLabel(SUMMARY, text) : null;
  }

  /** The text after {@code label} when the text opens with it, else null. */
  private static String afterLabel(Pattern label, String text) {
    Matcher m = label.matcher(text);
    return m.lookingAt() ? text.substring(m.end()) : null;
  }

  /** Whether the text opens with {@code label} and has something after it. */
  private static boolean labelled(Pattern label, String text) {
    Matcher m = label.matcher(text);
    return m.lookingAt() && m.end() < text.length();
  }

  static String withoutTrailingColon(String text) {
    String t = text.strip();
    return t.endsWith(":") ? t.substring(0, t.length() - 1).strip() : t;
  }

  /** A lead-in such as {@code Interesting tools:} introduces what follows; it says nothing alone. */
  static boolean isLabel(String text) {
    return text.endsWith(":") && text.length() <= 40;
  }


  static boolean hasLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
