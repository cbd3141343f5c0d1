package dev.takeaways.enrich.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/**
 * A body read in parts gives the blocks one parse of the whole body gives: checked by rendering
 * both to HTML, on bodies made of the constructs that could leak across a cut (fences and HTML
 * blocks left open, headings inside them, link references defined after their use, tables, lists,
 * quotes, headings with no blank line before them).
 */
class MarkdownBodyTest {
  private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();

  private static final List<String> HEADINGS = List.of("# Title\n", "## Talks, Day 1\n", "###### Six\n", "#\n", "# a | b\n");
  private static final List<String> PLAIN = List.of(
      "####### Seven hashes\n", "#not a heading\n", "A paragraph line.\n", "Another line, **bold**.\n", "A [link][ref] and [ref].\n",
      "- an item\n", "- a\n\n  # inside the item\n", "  continued\n", "```\ncode\n```\n", "    indented code\n", "> a quote\n",
      "| a | b |\n| --- | --- |\n| 1 | 2 |\n", "a lazy row\n", "Setext\n===\n", "---\n", "  \n", "\t\n");
  /** What opens a block that a blank line and a heading may not end, and what closes it. */
  private static final List<String> OPENING_AND_CLOSING = List.of(
      "- an item\n  ```\n  code\n", "1. one\n   ```\n", "```\n", "~~~~\n", "```sh\n# a shell comment\n",
      "<!--\n", "-->\n", "<div>\n", "</div>\n", "<pre>\n", "</pre>\n", "<?php\n", "?>\n", "<![CDATA[\n", "]]>\n",
      "<!DOCTYPE html\n", ">\n", "<script>\n", "</script>\n", "<STYLE>\n", "</style>\n", "> ```\n");

  @Provide
  Arbitrary<String> bodies() {
    // Headings often (the cuts are before them); a link reference definition rarely (none is cut where one may be).
    Arbitrary<String> piece = Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.of(HEADINGS)), Tuple.of(20, Arbitraries.of(PLAIN)), Tuple.of(5, Arbitraries.of(OPENING_AND_CLOSING)),
        Tuple.of(1, Arbitraries.just("[ref]: https://example.com/x\n")));
    Arbitrary<String> separator = Arbitraries.frequency(Tuple.of(2, ""), Tuple.of(3, "\n"), Tuple.of(1, "\n\n"));
    return Arbitraries.lazy(() -> piece.list().ofMinSize(4).ofMaxSize(30)).flatMap(pieces ->
        separator.list().ofSize(pieces.size()).map(separators -> {
          StringBuilder body = new StringBuilder();
          for (int i = 0; i < pieces.size(); i++) {
            body.append(pieces.get(i)).append(separators.get(i));
          }
          return body.toString();
        }));
  }

  @Property(tries = 3000)
  void blocksReadInPartsAreTheBlocksOfTheWholeBody(@ForAll("bodies") String body, @ForAll @IntRange(min = 1, max = 40) int partChars,
      @ForAll boolean crlf) {
    String text = crlf ? body.replace("\n", "\r\n") : body;
    MarkdownBody parts = new MarkdownBody(NoteParser.markdownParser(), text, partChars);

    List<Node> blocks = blocks(parts);
    Statistics.label("parts").collect(parents(blocks) > 1 ? "several" : "one");
    Statistics.label("parts").coverage(c -> c.check("several").percentage(p -> p > 30));
    assertThat(render(blocks)).isEqualTo(HTML.render(NoteParser.markdownParser().parse(text)));
  }

  @Test
  void aLongBodyIsReadInSeveralPartsCutBeforeHeadings() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      body.append("# Part ").append(i).append("\n\nSome text of part ").append(i).append(".\n\n- a point\n- another\n\n");
    }
    List<Node> blocks = blocks(new NoteParser().parse(body.toString()).body());

    assertThat(parents(blocks)).isGreaterThan(1);
    for (Node block : blocks) {
      if (block.getPrevious() == null) {
        assertThat(block).isInstanceOf(Heading.class); // each part after the first opens with its heading
      }
    }
    assertThat(render(blocks)).isEqualTo(HTML.render(NoteParser.markdownParser().parse(body.toString())));
  }

  @Test
  void aHeadingInsideAnOpenCommentFenceOrPreIsNotACut() {
    for (String open : List.of("<!--\n", "```\n", "~~~\n", "<pre>\n", "<script>\n", "<?x\n", "<!DOCTYPE y\n", "<![CDATA[\n")) {
      String body = "# Before\n\ntext\n\n" + open + "\n# not a heading\n\nmore\n\n# also not\n";
      List<Node> blocks = blocks(new MarkdownBody(NoteParser.markdownParser(), body, 1));

      assertThat(blocks).as(open).filteredOn(Heading.class::isInstance).hasSize(1);
      assertThat(render(blocks)).as(open).isEqualTo(HTML.render(NoteParser.markdownParser().parse(body)));
    }
  }

  @Test
  void aLinkReferenceDefinedAfterALaterHeadingStillResolves() {
    String body = "# One\n\nSee [the talk][talk].\n\n# Two\n\n[talk]: https://example.com/talk\n";
    List<Node> blocks = blocks(new MarkdownBody(NoteParser.markdownParser(), body, 1));

    Node link = blocks.get(1).getFirstChild().getNext();
    assertThat(link).isInstanceOfSatisfying(Link.class, l -> assertThat(l.getDestination()).isEqualTo("https://example.com/talk"));
  }

  @Test
  void aBodyAlreadyParsedGivesItsDocumentsChildren() {
    Node document = NoteParser.markdownParser().parse("# A\n\nb\n");
    List<Node> blocks = blocks(MarkdownBody.of(document));

    assertThat(blocks).containsExactly(document.getFirstChild(), document.getLastChild());
    assertThat(((Text) blocks.get(1).getFirstChild()).getLiteral()).isEqualTo("b");
  }

  private static List<Node> blocks(MarkdownBody body) {
    List<Node> blocks = new ArrayList<>();
    for (Iterator<Node> it = body.blocks(); it.hasNext(); ) {
      blocks.add(it.next());
    }
    return blocks;
  }

  /** How many parses the blocks came from. */
  private static int parents(List<Node> blocks) {
    Map<Node, Boolean> parents = new IdentityHashMap<>();
    blocks.forEach(b -> parents.put(b.getParent(), true));
    return parents.size();
  }

  private static String render(List<Node> blocks) {
    StringBuilder html = new StringBuilder();
    blocks.forEach(b -> html.append(HTML.render(b)));
    return html.toString();
  }
}
