package dev.takeaways.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Renders a node's inline content as plain text: no Markdown syntax, link text without targets.
 * Walks the tree with type tests rather than a visitor: one call per node, not two virtual ones.
 * One instance serves a whole extraction, reusing its buffer for every text: not thread-safe.
 */
final class PlainText {
  private StringBuilder out = new StringBuilder(1024);
  /**
   * Whether {@link #out} holds (or held) a character beyond Latin-1: a builder that did keeps two
   * bytes a character for good, which makes every later text slower to build and to copy out.
   */
  private boolean wide;
  private boolean pendingSpace;
  private List<Bold> strong;
  /** The code spans of the last walk, tidy ({@code `kind create cluster`}: kind create cluster). */
  private final List<String> codes = new ArrayList<>(0);

  /** The node's text, tidy (see {@link #tidy}): collapsed while it is collected, in one pass. */
  String of(Node node) {
    start(null);
    node(node);
    return out.toString();
  }

  /** A paragraph's text and its bold spans, collected in one walk. */
  record WithStrong(String text, List<Bold> strong) {}

  /** A bold span: its text, and where it stands in the paragraph's text ({@code end} exclusive). */
  record Bold(String text, int start, int end) {}

  WithStrong withStrong(Node node) {
    List<Bold> bolds = new ArrayList<>(0);
    start(bolds);
    node(node);
    return new WithStrong(out.toString(), bolds);
  }

  /** Single spaces (of any run of white space, no-break spaces included), trimmed. */
  String tidy(String text) {
    start(null);
    append(text);
    return out.toString();
  }

  private void start(List<Bold> bolds) {
    if (wide) {
      out = new StringBuilder(1024);
      wide = false;
    } else {
      out.setLength(0);
    }
    pendingSpace = false;
    strong = bolds;
    codes.clear();
  }

  /** The code spans of the node last rendered ({@link #of}, {@link #withStrong}), in order. */
  List<String> codes() {
    return codes.isEmpty() ? List.of() : List.copyOf(codes);
  }

  private void node(Node node) {
    if (node instanceof Text text) {
      append(text.getLiteral());
    } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
      space();
    } else if (node instanceof Code code) {
      int from = out.length() + (pendingSpace ? 1 : 0);
      append(code.getLiteral());
      if (out.length() > from) {
        codes.add(out.substring(from));
      }
    } else if (node instanceof StrongEmphasis bold) {
      strong(bold);
    } else if (node instanceof Paragraph) {
      children(node);
      space();
    } else if (!(node instanceof HtmlInline)) {
      // Inline HTML tags carry no text of their own; everything else is its children's text.
      children(node);
    }
  }

  private void children(Node node) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      node(child);
    }
  }

  private void strong(StrongEmphasis bold) {
    if (strong == null) {
      children(bold);
      return;
    }
    int start = out.length() + (pendingSpace ? 1 : 0);
    children(bold);
    int end = out.length();
    strong.add(start < end ? new Bold(out.substring(start, end).strip(), start, end) : new Bold("", end, end));
  }

  /** Appends {@code s} with white space collapsed, copying whole runs of clean text at once. */
  private void append(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(s.charAt(i))) {
        pendingSpace = out.length() > 0;
        i++;
      }
      if (i == n) {
        return;
      }
      // A run: words joined by single plain spaces. Printable ASCII is tested first: most text is.
      int start = i;
      for (; i < n; i++) {
        char c = s.charAt(i);
        if (c > ' ' && c < 0x7F) {
          continue;
        }
        wide |= c > 0xFF;
        if (c == ' ' ? i + 1 == n || isSpace(s.charAt(i + 1)) : isSpace(c)) {
          break;
        }
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      if (start == 0 && i == n) {
        out.append(s); // a whole clean literal: one array copy
      } else {
        out.append(s, start, i);
      }
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00A0' || (c > '~' && Character.isWhitespace(c));
  }

  private void space() {
    pendingSpace = out.length() > 0;
  }
}
