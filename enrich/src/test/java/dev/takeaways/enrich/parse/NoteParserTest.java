package dev.takeaways.enrich.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.testsupport.Notes;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NoteParserTest {
  private final NoteParser parser = new NoteParser();

  @Test
  void readsTheSeedsFrontMatterWithEpochDateAndSpacedSlug() {
    FrontMatter fm = parser.parse(Notes.seed()).frontMatter();

    assertThat(fm.title()).isEqualTo("Notes and Summary from DevOps Days Boston 2014");
    assertThat(fm.date()).isEqualTo(LocalDate.of(2014, 9, 23));
    assertThat(fm.slug()).isEqualTo("notes-summary-from-devops-days-boston-2014");
    assertThat(fm.excerpt()).startsWith("These are my notes");
  }

  @Test
  void isoDatesAndTagListsAreRead() {
    FrontMatter fm = parser.parse("---\ntitle: x\ndate: 2025-11-12\ntags: [a, b]\ncategories: c\n---\n# H\n").frontMatter();

    assertThat(fm.date()).isEqualTo(LocalDate.of(2025, 11, 12));
    assertThat(fm.tags()).containsExactly("a", "b", "c");
  }

  @Test
  void brokenFrontMatterBecomesAWarningNotAnException() {
    ParsedNote note = parser.parse("---\ntitle: [unclosed\n---\n# Body\n");

    assertThat(note.frontMatter()).isEqualTo(FrontMatter.EMPTY);
    assertThat(note.warnings()).singleElement().asString().contains("not valid YAML");
    assertThat(note.document().getFirstChild()).isNotNull();
  }

  @Test
  void aliasBombsAreRejectedQuickly() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char prev = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
          .append(", *").append(prev).append(", *").append(prev).append("]\n");
    }
    ParsedNote note = parser.parse("---\n" + yaml + "---\nbody\n");

    assertThat(note.frontMatter()).isEqualTo(FrontMatter.EMPTY);
    assertThat(note.warnings()).isNotEmpty();
  }

  @Test
  void deeplyNestedFrontMatterIsRejectedNotAStackOverflow() throws InterruptedException {
    String[] yaml = {"a: " + "[".repeat(50_000), "a: " + "{b: ".repeat(10_000) + "c" + "}".repeat(10_000), "- ".repeat(20_000) + "x"};
    for (String bomb : yaml) {
      AtomicReference<Object> result = new AtomicReference<>();
      // On a Streams-sized thread stack, as in the pipeline.
      Thread t = new Thread(null, () -> {
        try {
          result.set(parser.parse("---\n" + bomb + "\n---\nbody\n"));
        } catch (Throwable e) {
          result.set(e);
        }
      }, "enrich-like", 512 * 1024);
      t.start();
      t.join();
      assertThat(result.get()).isInstanceOfSatisfying(ParsedNote.class, note -> {
        assertThat(note.frontMatter()).isEqualTo(FrontMatter.EMPTY);
        assertThat(note.warnings()).anySatisfy(w -> assertThat(w).contains("nested more than 64 levels"));
      });
    }
    assertThat(NoteParser.nestingDepth("title: A talk\ntags: [docker, chef]\nauthor:\n  name: Jane\n")).isLessThan(8);
  }

  @Test
  void tomlFrontMatterIsRead() {
    ParsedNote note = parser.parse("+++\ntitle = \"A talk\"\ndate = \"2016-07-15T22:06:24-06:00\"\ntype = \"talk\"\n+++\n\nbody\n");

    assertThat(note.frontMatter().title()).isEqualTo("A talk");
    assertThat(note.frontMatter().date()).isEqualTo(LocalDate.of(2016, 7, 15));
    assertThat(note.frontMatter().type()).isEqualTo("talk");
  }

  @Test
  void windowsLineEndingsAreFine() {
    ParsedNote note = parser.parse("---\r\ntitle: Win\r\n---\r\n# H\r\n\r\ntext\r\n");

    assertThat(note.frontMatter().title()).isEqualTo("Win");
    assertThat(note.warnings()).isEmpty();
  }

  @Test
  void aNoteWithoutFrontMatterIsAllBody() {
    ParsedNote note = parser.parse("# Title\n\ntext\n");

    assertThat(note.frontMatter()).isEqualTo(FrontMatter.EMPTY);
    assertThat(note.warnings()).isEmpty();
  }

  @Test
  void slugsWithSpacesBecomeKebabCase() {
    assertThat(NoteParser.slug("notes summary from devops days boston 2014 ")).isEqualTo("notes-summary-from-devops-days-boston-2014");
  }

  @Test
  void frontMatterFencesAreFoundAsTheRegularExpressionsOfTheirDefinitionFindThem() {
    // The definition, as regular expressions (LF and CRLF notes: a lone CR ends no line here).
    Pattern yaml = Pattern.compile(
        "\\A\\uFEFF?---[ \\t]*\\r?\\n(.*?)^(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)",
        Pattern.DOTALL | Pattern.MULTILINE);
    Pattern toml = Pattern.compile(
        "\\A\\uFEFF?\\+\\+\\+[ \\t]*\\r?\\n(.*?)^\\+\\+\\+[ \\t]*(?:\\r?\\n|\\z)",
        Pattern.DOTALL | Pattern.MULTILINE);
    String[] opens = {"---", "\uFEFF---", "--- \t", "---x", "+++", "+++ ", "", "----"};
    String[] ends = {"\n", "\r\n", "", " \n"};
    String[] contents = {"", "a: 1\n", "a: 1\r\n", "a: ---\n", "----\n", "---x\n", "b: 2\n...x\n", "t = 1\n"};
    String[] closes = {"---", "...", "+++", "--- ", "---\t", "----", ". . .", ""};
    String[] afters = {"\n# Body\n", "\r\nbody", "", "x\n", "\n---\nmore\n"};
    int found = 0;
    for (String open : opens) {
      for (String end : ends) {
        for (String content : contents) {
          for (String close : closes) {
            for (String after : afters) {
              String text = open + end + content + close + after;
              found += agrees(text, yaml, NoteParser.Fenced.find(text, "---", "..."));
              found += agrees(text, toml, NoteParser.Fenced.find(text, "+++", "+++"));
            }
          }
        }
      }
    }
    assertThat(found).as("variants with front matter").isGreaterThan(500);
  }

  private static int agrees(String text, Pattern definition, NoteParser.Fenced fenced) {
    Matcher m = definition.matcher(text);
    if (!m.lookingAt()) {
      assertThat(fenced).as("front matter in %s", text.replace("\n", "\\n").replace("\r", "\\r")).isNull();
      return 0;
    }
    assertThat(fenced).as("front matter in %s", text.replace("\n", "\\n").replace("\r", "\\r")).isNotNull();
    assertThat(fenced.content(text)).isEqualTo(m.group(1));
    assertThat(fenced.bodyStart()).isEqualTo(m.end());
    return 1;
  }
}
