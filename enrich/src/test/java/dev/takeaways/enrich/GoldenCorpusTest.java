package dev.takeaways.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.Session;
import dev.takeaways.model.Takeaway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our own notes in many styles, each with its expected extraction (title, date, sessions,
 * takeaways with kind, text, section and session) in {@code golden/NAME.expected.json}, compared
 * structurally. Tags are left out: tagging has its own evaluation. After a deliberate change,
 * regenerate with {@code -Dgolden.update=true} and review the diff before committing it.
 */
public class GoldenCorpusTest {
  private static final Path DIR = Path.of("src/test/resources/golden");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final NoteEnricher ENRICHER = NoteEnricher.withBundledTaxonomy();

  /** The corpus's notes, sorted by name. */
  public static Stream<Path> notes() throws IOException {
    return Files.list(DIR).filter(p -> p.toString().endsWith(".md")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notes")
  void extractionMatchesTheExpectedJson(Path note) throws IOException {
    String name = note.getFileName().toString();
    String text = Files.readString(note, StandardCharsets.UTF_8);
    EnrichResult result = ENRICHER.enrich(RawNote.of(name, name, new RawNote.Source(RawNote.Source.CLI, null), text, 0));
    assertThat(result).isInstanceOf(EnrichResult.Enriched.class);
    JsonNode actual = project(((EnrichResult.Enriched) result).note());

    Path expectedFile = DIR.resolve(name.replaceFirst("\\.md$", ".expected.json"));
    if (Boolean.getBoolean("golden.update")) {
      JSON.writerWithDefaultPrettyPrinter().writeValue(expectedFile.toFile(), actual);
    }
    JsonNode expected = JSON.readTree(expectedFile.toFile());
    assertThat(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual))
        .isEqualTo(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected));
  }

  /** What the golden files pin down: everything but ids, hashes and tags. */
  static JsonNode project(EnrichedNote note) {
    ObjectNode out = JSON.createObjectNode();
    out.put("title", note.title());
    out.put("created", note.created());
    out.set("keywords", JSON.valueToTree(note.keywords()));
    out.put("warnings", note.warnings().size());
    ArrayNode sessions = out.putArray("sessions");
    for (Session s : note.sessions()) {
      sessions.addObject().put("title", s.title()).put("speaker", s.speaker()).put("url", s.url()).put("section", s.section());
    }
    ArrayNode takeaways = out.putArray("takeaways");
    for (Takeaway t : note.takeaways()) {
      String session = note.sessions().stream().filter(s -> s.id().equals(t.sessionId())).map(Session::title).findFirst().orElse(null);
      takeaways.addObject().put("kind", t.kind().wireName()).put("text", t.text()).put("section", t.section()).put("session", session);
    }
    return out;
  }
}
