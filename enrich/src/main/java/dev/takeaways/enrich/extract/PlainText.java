package dev.takeaways.enrich.extract;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** Renders a node's inline content as plain text: no Markdown syntax, link text without targets. */
final class PlainText extends AbstractVisitor {
  private final StringBuilder out = new StringBuilder();

  static String of(Node node) {
    PlainText visitor = new PlainText();
    node.accept(visitor);
    return tidy(visitor.out.toString());
  }

  /** Single spaces, trimmed. */
  static String tidy(String text) {
    return text.replaceAll("[\\s\\u00A0]+", " ").strip();
  }

  @Override
  public void visit(Text text) {
    out.append(text.getLiteral());
  }

  @Override
  public void visit(Code code) {
    out.append(code.getLiteral());
  }

  @Override
  public void visit(SoftLineBreak softLineBreak) {
    out.append(' ');
  }

  @Override
  public void visit(HardLineBreak hardLineBreak) {
    out.append(' ');
  }

  @Override
  public void visit(Paragraph paragraph) {
    visitChildren(paragraph);
    out.append(' ');
  }

  @Override
  public void visit(HtmlInline htmlInline) {
    // Inline HTML tags carry no text of their own.
  }
}
