package dev.takeaways.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * A paragraph's plain text is its literals' text with every run of white space (no-break spaces
 * included) as one space, trimmed: whatever the literals' spaces at their ends and inside, and
 * however the text is split among them. Checked against that definition written out.
 */
class PlainTextPropertiesTest {
  private static final List<String> PIECES =
      List.of("a", "word", "Docker", "’s", "é", "😀", " ", "  ", "\n", "\t", "\r", "\u00A0", "\u2028", "\u3000", "\u000B", "\u007F", "\u0085", ".");

  @Provide
  Arbitrary<List<String>> literals() {
    Arbitrary<String> literal = Arbitraries.of(PIECES).list().ofMaxSize(8).map(parts -> String.join("", parts));
    return literal.list().ofMaxSize(6);
  }

  @Property(tries = 3000)
  void whiteSpaceIsCollapsedAcrossLiterals(@ForAll("literals") List<String> literals) {
    Paragraph paragraph = new Paragraph();
    literals.forEach(l -> paragraph.appendChild(new Text(l)));

    assertThat(new PlainText().of(paragraph)).isEqualTo(collapsed(String.join("", literals)));
  }

  @Property(tries = 1000)
  void aLineBreakBetweenLiteralsIsASpace(@ForAll("literals") List<String> literals) {
    Paragraph paragraph = new Paragraph();
    literals.forEach(l -> {
      paragraph.appendChild(new Text(l));
      paragraph.appendChild(new SoftLineBreak());
    });

    assertThat(new PlainText().of(paragraph)).isEqualTo(collapsed(String.join(" ", literals)));
  }

  @Property(tries = 500)
  void oneRendererServesTextAfterTextAsAFreshOneWould(@ForAll("paragraphs") List<List<String>> paragraphs) {
    PlainText shared = new PlainText(); // as in an extraction: wide texts and Latin-1 ones, in any order
    for (List<String> literals : paragraphs) {
      Paragraph paragraph = new Paragraph();
      literals.forEach(l -> paragraph.appendChild(new Text(l)));

      assertThat(shared.of(paragraph)).isEqualTo(collapsed(String.join("", literals)));
    }
  }

  @Provide
  Arbitrary<List<List<String>>> paragraphs() {
    return literals().list().ofMinSize(2).ofMaxSize(8);
  }

  private static String collapsed(String text) {
    StringBuilder out = new StringBuilder();
    boolean pending = false;
    for (char c : text.toCharArray()) {
      boolean space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00A0' || (c > '~' && Character.isWhitespace(c));
      if (space) {
        pending = out.length() > 0;
      } else {
        if (pending) {
          out.append(' ');
          pending = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
