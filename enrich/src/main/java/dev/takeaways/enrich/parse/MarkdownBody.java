package dev.takeaways.enrich.parse;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * A note's Markdown body, whose top-level blocks are read in document order, parsed a part at a
 * time as they are read.
 *
 * <p>Why in parts: commonmark-java allocates about 60 bytes for each byte it parses, and the tree
 * of a large note ends up scattered through all of it, so that reading a 1 MB note's tree after
 * parsing it costs a third of the parse again (the address span, not the work). A part of a few
 * tens of kilobytes is read while its tree is still in the processor's caches.
 *
 * <p>A part ends only where cutting the text changes nothing of the document: before an ATX
 * heading at the start of a line that follows a blank line (every container, paragraph and table
 * has ended there), unless the part's last block may still be open at that point (an HTML block,
 * or a fenced code block that has no closing fence: the heading would be inside them), and never
 * in a body that may define link references ({@code [label]: url} applies to the whole document).
 * When a part ends in such a block, the rest of the body is parsed in one piece. The blocks come
 * out as one parse of the whole body gives them; tests hold the two against each other.
 */
public final class MarkdownBody {
  /** Parts are at least this many characters, but for the last. */
  static final int PART_CHARS = 32 * 1024;

  private final Parser markdown;
  private final String text;
  private final Node parsed;
  private final int partChars;

  MarkdownBody(Parser markdown, String text, int partChars) {
    this.markdown = markdown;
    this.text = text;
    this.parsed = null;
    this.partChars = partChars;
  }

  private MarkdownBody(Node parsed) {
    this.markdown = null;
    this.text = null;
    this.parsed = parsed;
    this.partChars = 0;
  }

  /** A body already parsed into {@code document}: its blocks are the document's children. */
  public static MarkdownBody of(Node document) {
    return new MarkdownBody(document);
  }

  /** The whole body parsed in one piece: a tree for those who want one (each call parses again). */
  public Node document() {
    return parsed != null ? parsed : markdown.parse(text);
  }

  /** The body's top-level blocks in document order; each part is parsed when its first block is reached. */
  public Iterator<Node> blocks() {
    return parsed != null ? new Parts(parsed) : new Parts();
  }

  /**
   * Where the part that starts at {@code from} may end: the start of an ATX heading line that
   * follows a blank line, {@link #partChars} or more characters on; the text's length when there is none.
   */
  private int cutAfter(int from) {
    if (partChars >= text.length() - from) {
      return text.length();
    }
    int at = from + partChars;
    while (at < text.length()) {
      int hash = text.indexOf("\n#", at - 1);
      if (hash < 0) {
        break;
      }
      hash++;
      if (isAtxHeading(hash) && followsBlankLine(hash - 1)) {
        return hash;
      }
      at = hash + 1;
    }
    return text.length();
  }

  /** Whether 1 to 6 {@code #} at {@code at} are followed by a space, a tab or the line's end. */
  private boolean isAtxHeading(int at) {
    int i = at;
    while (i < text.length() && i - at < 7 && text.charAt(i) == '#') {
      i++;
    }
    if (i - at > 6) {
      return false;
    }
    if (i == text.length()) {
      return true;
    }
    char c = text.charAt(i);
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** Whether the line before the one that {@code newline} ends is blank (spaces and tabs only). */
  private boolean followsBlankLine(int newline) {
    int i = newline - 1;
    if (i >= 0 && text.charAt(i) == '\r') {
      i--;
    }
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i--;
    }
    return i < 0 || text.charAt(i) == '\n' || text.charAt(i) == '\r';
  }

  /**
   * Whether {@code block}, a part's last, may be still open where the part was cut: a fenced code
   * block with no closing fence, or an HTML block of a kind that a blank line does not end
   * (comments, processing instructions, declarations, CDATA, {@code script}, {@code pre}, {@code
   * style} and {@code textarea}: CommonMark's HTML blocks 1 to 5).
   */
  private static boolean mayBeOpen(Node block) {
    if (block instanceof FencedCodeBlock fenced) {
      return fenced.getClosingFenceLength() == null;
    }
    if (block instanceof HtmlBlock html) {
      String literal = html.getLiteral().stripLeading();
      return literal.startsWith("<!") || literal.startsWith("<?") || startsWithIgnoreCase(literal, "<script")
          || startsWithIgnoreCase(literal, "<pre") || startsWithIgnoreCase(literal, "<style") || startsWithIgnoreCase(literal, "<textarea");
    }
    return false;
  }

  private static boolean startsWithIgnoreCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  /** Whether the body may define link references: a label's {@code ]} is followed by a colon. */
  private boolean mayDefineLinks() {
    return text.contains("]:");
  }

  private final class Parts implements Iterator<Node> {
    private int partStart;
    private Node next;
    private final boolean cut;

    Parts() {
      cut = !mayDefineLinks();
      advancePart();
    }

    /** The blocks of a body already parsed: nothing is left to parse. */
    Parts(Node document) {
      cut = false;
      partStart = -1;
      next = document.getFirstChild();
    }

    /** Parses parts from {@link #partStart} (-1: none) until one has a block, or the body ends. */
    private void advancePart() {
      while (next == null && partStart >= 0 && partStart < text.length()) {
        int end = cut ? cutAfter(partStart) : text.length();
        Node part = markdown.parse(text.substring(partStart, end));
        if (end < text.length() && part.getLastChild() != null && mayBeOpen(part.getLastChild())) {
          end = text.length();
          part = markdown.parse(text.substring(partStart));
        }
        partStart = end;
        next = part.getFirstChild();
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Node next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Node block = next;
      next = block.getNext();
      if (next == null) {
        advancePart();
      }
      return block;
    }
  }
}
