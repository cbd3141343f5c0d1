package dev.takeaways.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    assertThat(json).contains("\"kind\":\"tool-mention\"").contains("\"schema\":\"notes.enriched/v1\"");
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
