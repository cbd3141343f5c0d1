package dev.takeaways.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.enrich.GoldenCorpusTest;
import dev.takeaways.enrich.parse.NoteParser;
import dev.takeaways.testsupport.Notes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Extraction from a body read in parts ({@code MarkdownBody}) is extraction from the whole body:
 * the same title, sessions and takeaways, ids and positions included, when every heading that
 * may start a part does.
 */
class ExtractionInPartsTest {
  private final TakeawayExtractor extractor = new TakeawayExtractor();
  private final NoteParser whole = new NoteParser(Integer.MAX_VALUE);
  private final NoteParser smallestParts = new NoteParser(1);

  @Test
  void ourNotesComeOutAsFromTheWholeBody() throws IOException {
    List<Path> notes = new ArrayList<>(Notes.examples());
    try (Stream<Path> golden = GoldenCorpusTest.notes()) {
      golden.forEach(notes::add);
    }
    assertThat(notes).hasSizeGreaterThan(15);
    notes.forEach(this::assertSameInParts);
  }

  @Test
  void theSeedAndTheDevSetComeOutAsFromTheWholeBody() {
    assertSameInParts(Notes.seedPath());
    Notes.evalNotes().forEach(this::assertSameInParts);
  }

  @Test
  void aHeadingThatStartsALaterPartIsNotTheHeadingTheBodyOpensWith() {
    String text = "Some text first.\n\n## A later heading\n\n- a point\n";

    assertThat(extractor.extract("n", smallestParts.parse(text)).firstHeading()).isNull();
    assertThat(extractor.extract("n", smallestParts.parse("## Opening\n\ntext\n\n## Later\n")).firstHeading()).isEqualTo("Opening");
  }

  private void assertSameInParts(Path note) {
    String text = Notes.read(note);
    Extraction expected = extractor.extract("n", whole.parse(text));

    assertThat(extractor.extract("n", smallestParts.parse(text))).as(note.toString()).isEqualTo(expected);
  }
}
