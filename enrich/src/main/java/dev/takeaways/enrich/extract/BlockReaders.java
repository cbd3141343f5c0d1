package dev.takeaways.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * The text of the blocks that are not plain Markdown: HTML blocks (read through jsoup, never
 * rendered) and GFM tables. What the text says is the label rules' business ({@link LineLabels}),
 * where it stands in the note the walk's ({@link TakeawayExtractor}).
 */
final class BlockReaders {
  /** The HTML elements whose text is read as a block's; compiled once (evaluators are thread-safe). */
  private static final Evaluator HTML_TEXT_BLOCKS = Selector.evaluatorOf("p, li, dd, blockquote");

  private BlockReaders() {}

  /** A text block of HTML: its text, and whether it is a quotation or an item of a list. */
  record HtmlText(String text, boolean quote, boolean listItem) {}

  /**
   * The text blocks of an HTML block, in order: each {@code p}, {@code li}, {@code dd} and
   * {@code blockquote} with no such block inside it (pages exported from CMSs keep their text in HTML).
   */
  static List<HtmlText> html(String literal) {
    List<HtmlText> out = new ArrayList<>();
    Element body = Jsoup.parseBodyFragment(literal).body();
    for (Element e : body.select(HTML_TEXT_BLOCKS)) {
      if (e.select(HTML_TEXT_BLOCKS).size() == 1) { // the element itself: no text block inside it
        out.add(new HtmlText(e.text(), e.tagName().equals("blockquote"), e.tagName().equals("li")));
      }
    }
    return out;
  }

  /**
   * The rows of a table's body as text, cells joined by {@code " | "}; a table that is only a header
   * (a bar of links, say) is read by its header.
   */
  static List<String> tableRows(TableBlock table, PlainText plain) {
    boolean hasBody = false;
    for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
      hasBody |= part instanceof TableBody && part.getFirstChild() != null;
    }
    List<String> rows = new ArrayList<>();
    for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
      if (hasBody == (part instanceof TableBody)) {
        for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
          if (row instanceof TableRow) {
            rows.add(tableRow(row, plain));
          }
        }
      }
    }
    return rows;
  }

  private static String tableRow(Node row, PlainText plain) {
    List<String> cells = new ArrayList<>();
    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
      String c = plain.of(cell);
      if (!c.isEmpty()) {
        cells.add(c);
      }
    }
    return String.join(" | ", cells);
  }
}
