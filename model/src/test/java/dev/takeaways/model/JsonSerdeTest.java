package dev.takeaways.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
  private static final Tag TAG = new Tag("tool:docker", new Tag.Evidence("Docker", 4, 10, "exact"));
  private static final Session SESSION = new Session("n.md@1", "Talk", "Jane Doe", "http://x", "Day 1");
  private static final Takeaway TAKEAWAY = new Takeaway("n.md#1", "n.md@1", TakeawayKind.TOOL_MENTION, "use Docker", "Day 1 > Talk", 0, List.of(TAG));
  private static final EnrichedNote NOTE = new EnrichedNote(
      EnrichedNote.SCHEMA, "n.md", "n.md", "Title", "2025-01-02", "abc", 7, List.of(SESSION), List.of(TAKEAWAY), List.of("meetup"),
      List.of(new Tag("tool:docker", new Tag.Evidence("Docker", 0, 6, "exact"))), List.of("a warning"));

  private static <T> T roundTrip(Topics.Topic<T> topic, T value) {
    JsonSerde<T> serde = topic.serde();
    return serde.deserializer().deserialize(topic.name(), serde.serializer().serialize(topic.name(), value));
  }

  @Test
  void everyRecordTypeRoundTrips() {
    RawNote raw = RawNote.of("n.md", "n.md", new RawNote.Source(RawNote.Source.FOLDER, "/notes"), "# Title\n", 7);
    TaggedTakeaway tagged = TaggedTakeaway.of(NOTE, TAKEAWAY);
    DeadLetter letter = DeadLetter.of("n.md", "n.md", "enrich", "empty", "n.md: the note is empty", 9);

    assertThat(roundTrip(Topics.NOTES_RAW, raw)).isEqualTo(raw);
    assertThat(roundTrip(Topics.NOTES_ENRICHED, NOTE)).isEqualTo(NOTE);
    assertThat(roundTrip(Topics.TAKEAWAYS_TAGGED, tagged)).isEqualTo(tagged);
    assertThat(roundTrip(Topics.DEAD_LETTER, letter)).isEqualTo(letter);
  }

  @Test
  void kindsUseTheirWireNames() {
    String json = new String(Topics.NOTES_ENRICHED.serde().toBytes(NOTE), StandardCharsets.UTF_8);

    assertThat(json).contains("\"kind\":\"tool-mention\"").contains("\"schema\":\"notes.enriched/v2\"");
  }

  @Test
  void version2LeavesOutWhatEachTakeawayRepeats() throws Exception {
    Takeaway second = new Takeaway("n.md#2", null, TakeawayKind.POINT, "no tools here", "Day 1 > Talk", 1, List.of());
    Takeaway third = new Takeaway("n.md#3", "n.md@1", TakeawayKind.POINT, "Docker again", "Day 2", 2,
        List.of(new Tag("tool:docker", new Tag.Evidence("docker", 0, 6, "misspelling", 0.7))));
    EnrichedNote note = new EnrichedNote(EnrichedNote.SCHEMA, "n.md", "n.md", "Title", null, "abc", 7, List.of(SESSION),
        List.of(TAKEAWAY, second, third), List.of(), List.of(), List.of());

    byte[] bytes = Topics.NOTES_ENRICHED.serde().toBytes(note);
    JsonNode json = JsonSerde.mapper().readTree(bytes);

    assertThat(json.fieldNames()).toIterable().containsExactly("schema", "id", "path", "title", "contentHash", "ingestedAt", "sessions", "takeaways");
    assertThat(json.at("/sessions/0/id").asText()).isEqualTo("@1");
    assertThat(json.at("/takeaways/0/id").asText()).isEqualTo("#1");
    assertThat(json.at("/takeaways/0/sessionId").asText()).isEqualTo("@1");
    assertThat(json.at("/takeaways/0/tags/0").toString()).isEqualTo("{\"id\":\"tool:docker\",\"start\":4,\"end\":10,\"rule\":\"exact\",\"confidence\":1.0}");
    assertThat(json.at("/takeaways/1").has("section")).as("as the takeaway before").isFalse();
    assertThat(json.at("/takeaways/1").has("sessionId") || json.at("/takeaways/1").has("tags") || json.at("/takeaways/1").has("position")).isFalse();
    assertThat(json.at("/takeaways/2/section").asText()).isEqualTo("Day 2");
    assertThat(json.at("/takeaways/2/tags/0/text").asText()).as("not the text's own letters").isEqualTo("docker");
    assertThat(Topics.NOTES_ENRICHED.serde().fromBytes(bytes)).isEqualTo(note);
  }

  @Test
  void aPositionThatIsNotTheIndexIsKept() {
    Takeaway late = new Takeaway("n.md#9", null, TakeawayKind.POINT, "later", "", 9, List.of());
    EnrichedNote note = new EnrichedNote(EnrichedNote.SCHEMA, "n.md", "n.md", "Title", null, "abc", 7, List.of(), List.of(late), List.of(),
        List.of(), List.of());

    assertThat(roundTrip(Topics.NOTES_ENRICHED, note)).isEqualTo(note);
  }

  @Test
  void aVersion1RecordIsStillRead() {
    byte[] v1 = ("{\"schema\":\"notes.enriched/v1\",\"id\":\"n.md\",\"path\":\"n.md\",\"title\":\"Title\",\"created\":null,"
        + "\"contentHash\":\"abc\",\"ingestedAt\":7,\"sessions\":[],\"takeaways\":[{\"id\":\"n.md#1\",\"sessionId\":null,"
        + "\"kind\":\"point\",\"text\":\"use Docker\",\"section\":\"Day 1\",\"position\":0,\"tags\":[{\"id\":\"tool:docker\","
        + "\"evidence\":{\"text\":\"Docker\",\"start\":4,\"end\":10,\"rule\":\"exact\"}}]}],\"keywords\":[],\"tags\":[],\"warnings\":[]}")
        .getBytes(StandardCharsets.UTF_8);

    EnrichedNote note = Topics.NOTES_ENRICHED.serde().fromBytes(v1);

    assertThat(note.schema()).isEqualTo("notes.enriched/v1");
    assertThat(note.takeaways()).containsExactly(
        new Takeaway("n.md#1", null, TakeawayKind.POINT, "use Docker", "Day 1", 0, List.of(new Tag("tool:docker", new Tag.Evidence("Docker", 4, 10, "exact")))));
  }

  @Test
  void aVersion2TagWhoseSpanIsOutsideItsTextIsRefused() {
    byte[] bad = ("{\"schema\":\"notes.enriched/v2\",\"id\":\"n.md\",\"title\":\"T\",\"ingestedAt\":1,\"takeaways\":[{\"id\":\"#1\","
        + "\"kind\":\"point\",\"text\":\"short\",\"tags\":[{\"id\":\"tool:x\",\"start\":2,\"end\":40,\"rule\":\"exact\",\"confidence\":1}]}]}")
        .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Topics.NOTES_ENRICHED.serde().fromBytes(bad)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("EnrichedNote");
  }

  @Test
  void nullIsATombstoneBothWays() {
    JsonSerde<RawNote> serde = Topics.NOTES_RAW.serde();

    assertThat(serde.toBytes(null)).isNull();
    assertThat(serde.fromBytes(null)).isNull();
  }

  @Test
  void unknownFieldsFromANewerProducerAreIgnored() {
    byte[] json = "{\"schema\":\"notes.dead-letter/v1\",\"noteId\":\"n\",\"stage\":\"x\",\"reason\":\"r\",\"detail\":\"d\",\"at\":1,\"extra\":true}"
        .getBytes(StandardCharsets.UTF_8);

    assertThat(Topics.DEAD_LETTER.serde().fromBytes(json).reason()).isEqualTo("r");
  }

  @Test
  void malformedJsonIsASerializationException() {
    assertThatThrownBy(() -> Topics.NOTES_RAW.serde().fromBytes("{".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("RawNote");
  }

  @Test
  void recordsRejectBadArgumentsByName() {
    assertThatThrownBy(() -> new Tag("docker", TAG.evidence())).hasMessageContaining("tool: or practice:");
    assertThatThrownBy(() -> new Tag.Evidence("x", 5, 2, "exact")).hasMessageContaining("bad span");
  }
}
