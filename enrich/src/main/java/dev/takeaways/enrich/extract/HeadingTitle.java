package dev.takeaways.enrich.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A heading read as a talk: its title and, where the heading names one, its speaker. Recognizes
 * {@code Title - Speaker} (also with en and em dashes), {@code Title (Speaker)} and {@code Speaker:
 * Title}, where the speaker part must look like a person's name; speakers written as one CamelCase
 * word ({@code JohnRyding}) are split into words.
 */
record HeadingTitle(String title, String speaker) {
  private static final Pattern PARENS = Pattern.compile("^(.+?)\\s*\\(([^()]+)\\)$");
  private static final Pattern COLON = Pattern.compile("^([^:]+):\\s+(.+)$");
  /** Longer than any person's name in a heading: four long words. */
  private static final int MAX_NAME_CHARS = 80;
  private static final Pattern CAMEL_NAME = Pattern.compile("^\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+){1,3}$");
  private static final Pattern WORDS_NAME =
      Pattern.compile("^\\p{Lu}[\\p{L}.'’-]*(?: (?:\\p{Lu}[\\p{L}.'’-]*|van|von|de|da|del|der|le|la)){1,3}$");

  static HeadingTitle parse(String heading) {
    String text = heading.strip();
    // Cheap tests first: most headings have none of the separators, and the patterns backtrack.
    int dash = lastDashSeparator(text);
    if (dash > 0) {
      int end = dash;
      while (end < text.length() && isDash(text.charAt(end))) {
        end++;
      }
      String speaker = speaker(text.substring(end));
      if (speaker != null) {
        return new HeadingTitle(text.substring(0, dash).strip(), speaker);
      }
    }
    if (text.endsWith(")")) {
      Matcher m = PARENS.matcher(text);
      String speaker = m.matches() ? speaker(m.group(2)) : null;
      if (speaker != null) {
        return new HeadingTitle(m.group(1).strip(), speaker);
      }
    }
    int colon = text.indexOf(':');
    if (colon > 0 && colon < 60) {
      Matcher m = COLON.matcher(text);
      String speaker = m.matches() ? speaker(m.group(1)) : null;
      if (speaker != null) {
        return new HeadingTitle(m.group(2).strip(), speaker);
      }
    }
    return new HeadingTitle(text, null);
  }

  /** Where the last run of dashes with white space on both sides starts, or -1. */
  private static int lastDashSeparator(String text) {
    for (int i = text.length() - 2; i > 0; i--) {
      if (isDash(text.charAt(i)) && !isDash(text.charAt(i - 1))) {
        int end = i;
        while (end < text.length() && isDash(text.charAt(end))) {
          end++;
        }
        if (Character.isWhitespace(text.charAt(i - 1)) && end < text.length() && Character.isWhitespace(text.charAt(end))) {
          return i;
        }
      }
    }
    return -1;
  }

  private static boolean isDash(char c) {
    return c == '-' || c == '\u2013' || c == '\u2014';
  }

  /** The speaker {@code candidate} names, as shown ({@code JohnRyding} split), or null when it is no person's name. */
  private static String speaker(String candidate) {
    String s = candidate.strip();
    // A name starts with a capital and is a few words long: most headings fail that without a pattern.
    if (s.isEmpty() || !Character.isUpperCase(s.charAt(0)) || s.length() > MAX_NAME_CHARS) {
      return null;
    }
    if (CAMEL_NAME.matcher(s).matches()) {
      return splitCamelCase(s);
    }
    return WORDS_NAME.matcher(s).matches() ? s : null;
  }

  /** {@code JohnRyding} is {@code John Ryding}: a space before each capital that follows a small letter. */
  private static String splitCamelCase(String s) {
    StringBuilder out = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(s.charAt(i - 1))) {
        out.append(' ');
      }
      out.append(c);
    }
    return out.toString();
  }
}
