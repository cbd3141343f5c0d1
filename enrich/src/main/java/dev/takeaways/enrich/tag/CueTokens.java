package dev.takeaways.enrich.tag;

import java.util.Arrays;

/**
 * The words of a text: their spans in a lower-case copy of it ({@code ’} read as {@code '}), and
 * the number of the sentence each is in.
 */
final class CueTokens {
  final char[] chars;
  private int size;
  private int[] spans = new int[32];
  private int[] sentences = new int[16];

  private CueTokens(char[] chars) {
    this.chars = chars;
  }

  static CueTokens of(String text) {
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
    CueTokens out = new CueTokens(lower);
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
      spans = Arrays.copyOf(spans, spans.length * 2);
      sentences = Arrays.copyOf(sentences, sentences.length * 2);
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
