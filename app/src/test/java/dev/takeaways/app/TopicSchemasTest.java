package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.takeaways.enrich.EnrichResult;
import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.model.DeadLetter;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.JsonSerde;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.TaggedTakeaway;
import dev.takeaways.model.Topics;
import dev.takeaways.testsupport.Notes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas in {@code schemas/} are the topics' contract with subscribers: every record the
 * pipeline makes of our notes and the seed validates against its topic's schema, and a record that
 * breaks the contract does not.
 */
class TopicSchemasTest {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  static Schema schema(String topic) throws IOException {
    return schema(topic, topic.equals("notes.enriched") ? "v2" : "v1");
  }

  static Schema schema(String topic, String version) throws IOException {
    return REGISTRY.getSchema(JsonSerde.mapper().readTree(Notes.projectRoot().resolve("schemas/" + topic + "." + version + ".json").toFile()));
  }

  static List<String> errors(Schema schema, Object record) {
    JsonNode json = JsonSerde.mapper().valueToTree(record);
    return schema.validate(json).stream().map(Error::toString).toList();
  }

  @Test
  void everyRecordOfOurNotesValidatesAgainstItsTopicsSchema() throws IOException {
    Schema raw = schema("notes.raw");
    Schema enriched = schema("notes.enriched");
    Schema tagged = schema("takeaways.tagged");
    NoteEnricher enricher = NoteEnricher.withBundledTaxonomy();
    List<Path> notes = new ArrayList<>(Notes.examples());
    notes.add(Notes.seedPath());
    int takeaways = 0;
    for (Path file : notes) {
      String id = file.getFileName().toString();
      for (String kind : List.of(RawNote.Source.FOLDER, RawNote.Source.CLI, RawNote.Source.GIT, RawNote.Source.HTTP)) {
        RawNote note = RawNote.of(id, id, new RawNote.Source(kind, kind.equals("cli") ? null : "somewhere"), Files.readString(file), 1);
        assertThat(errors(raw, note)).as(id + " on notes.raw").isEmpty();
      }
      EnrichedNote note = ((EnrichResult.Enriched) enricher.enrich(RawNote.of(id, id, new RawNote.Source("cli", null), Files.readString(file), 1))).note();
      assertThat(errors(enriched, note)).as(id + " on notes.enriched").isEmpty();
      for (var t : note.takeaways()) {
        assertThat(errors(tagged, TaggedTakeaway.of(note, t))).as(id + " on takeaways.tagged").isEmpty();
        takeaways++;
      }
    }
    assertThat(takeaways).isGreaterThan(150);
  }

  @Test
  void aNoteWrittenInTheOldSchemaValidatesAgainstItAndIsStillRead() throws IOException {
    Schema v1 = schema("notes.enriched", "v1");
    String id = Notes.SEED_NAME;
    EnrichedNote note = ((EnrichResult.Enriched) NoteEnricher.withBundledTaxonomy()
        .enrich(RawNote.of(id, id, new RawNote.Source("cli", null), Notes.seed(), 1))).note();
    // v1 is the records' own mapping: what the mapper wrote before v2 had its own writer.
    EnrichedNote old = new EnrichedNote("notes.enriched/v1", note.id(), note.path(), note.title(), note.created(), note.contentHash(),
        note.ingestedAt(), note.sessions(), note.takeaways(), note.keywords(), note.tags(), note.warnings());
    JsonNode written = new ObjectMapper().valueToTree(old);
    assertThat(v1.validate(written)).extracting(Error::toString).isEmpty();

    EnrichedNote read = Topics.NOTES_ENRICHED.serde().fromBytes(JsonSerde.mapper().writeValueAsBytes(written));
    assertThat(read).isEqualTo(old);
    assertThat(Topics.NOTES_ENRICHED.serde().toBytes(note).length).as("v2 is smaller").isLessThan(JsonSerde.mapper().writeValueAsBytes(written).length * 2 / 3);
  }

  @Test
  void deadLettersOfEveryStageValidate() throws IOException {
    Schema dead = schema("notes.dead-letter");
    for (String stage : List.of("ingest", "enrich", "publish")) {
      assertThat(errors(dead, DeadLetter.of("n.md", stage.equals("publish") ? null : "n.md", stage, "empty", "n.md: the note is empty", 9))).isEmpty();
    }
  }

  @Test
  void aRecordThatBreaksTheContractDoesNotValidate() throws IOException {
    Schema tagged = schema("takeaways.tagged");
    ObjectNode record = JsonSerde.mapper().createObjectNode();
    record.put("schema", "takeaways.tagged/v2");
    record.put("id", "n.md#1");
    assertThat(tagged.validate(record)).extracting(Error::getMessage).isNotEmpty();
  }
}
