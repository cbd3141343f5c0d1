package dev.takeaways.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/** Renders a node's inline content as plain text: no Markdown syntax, link text without targets. */
final class PlainText extends AbstractVisitor {
  private final StringBuilder out = new StringBuilder(128);
  private boolean pendingSpace;
  private List<String> strong;

  /** The node's text, tidy (see {@link #tidy}): collapsed while it is collected, in one pass. */
  static String of(Node node) {
    PlainText visitor = new PlainText();
    node.accept(visitor);
    return visitor.out.toString();
  }

  /** A paragraph's text and the texts of its bold spans, collected in one walk. */
  record WithStrong(String text, List<String> strong) {}

  static WithStrong withStrong(Node node) {
    PlainText visitor = new PlainText();
    visitor.strong = new ArrayList<>(0);
    node.accept(visitor);
    return new WithStrong(visitor.out.toString(), visitor.strong);
  }

  @Override
  public void visit(StrongEmphasis strongEmphasis) {
    if (strong == null) {
      visitChildren(strongEmphasis);
      return;
    }
    int start = out.length() + (pendingSpace ? 1 : 0);
    visitChildren(strongEmphasis);
    strong.add(start < out.length() ? out.substring(start).strip() : "");
  }

  /** Single spaces (of any run of white space, no-break spaces included), trimmed. */
  static String tidy(String text) {
    PlainText p = new PlainText();
    p.append(text);
    return p.out.toString();
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
      // A run: words joined by single plain spaces.
      int start = i;
      while (i < n && (!isSpace(s.charAt(i)) || (s.charAt(i) == ' ' && i + 1 < n && !isSpace(s.charAt(i + 1))))) {
        i++;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(s, start, i);
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00A0' || (c > '~' && Character.isWhitespace(c));
  }

  private void space() {
    pendingSpace = out.length() > 0;
  }

  @Override
  public void visit(Text text) {
    append(text.getLiteral());
  }

  @Override
  public void visit(Code code) {
    append(code.getLiteral());
  }

  @Override
  public void visit(SoftLineBreak softLineBreak) {
    space();
  }

  @Override
  public void visit(HardLineBreak hardLineBreak) {
    space();
  }

  @Override
  public void visit(Paragraph paragraph) {
    visitChildren(paragraph);
    space();
  }

  @Override
  public void visit(HtmlInline htmlInline) {
    // Inline HTML tags carry no text of their own.
  }
}
