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
  private static final Pattern CAMEL_BOUNDARY = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");
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
      String speaker = text.substring(end).strip();
      if (!speaker.isEmpty() && isName(speaker)) {
        return new HeadingTitle(text.substring(0, dash).strip(), name(speaker));
      }
    }
    if (text.endsWith(")")) {
      Matcher m = PARENS.matcher(text);
      if (m.matches() && isName(m.group(2))) {
        return new HeadingTitle(m.group(1).strip(), name(m.group(2)));
      }
    }
    int colon = text.indexOf(':');
    if (colon > 0 && colon < 60) {
      Matcher m = COLON.matcher(text);
      if (m.matches() && isName(m.group(1))) {
        return new HeadingTitle(m.group(2).strip(), name(m.group(1)));
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

  private static boolean isName(String candidate) {
    String s = candidate.strip();
    return CAMEL_NAME.matcher(s).matches() || WORDS_NAME.matcher(s).matches();
  }

  private static String name(String candidate) {
    String s = candidate.strip();
    if (CAMEL_NAME.matcher(s).matches()) {
      return CAMEL_BOUNDARY.matcher(s).replaceAll(" ");
    }
    return s;
  }
}
