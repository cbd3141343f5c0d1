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

  @Test
  void takeawayIdsAreStableAndIgnoreCaseAndSpacing() {
    TakeawayKind p = TakeawayKind.POINT;
    assertThat(NoteIds.takeawayId("n.md", "A > B", p, "Use  Docker", 0)).isEqualTo(NoteIds.takeawayId("n.md", "A > B", p, "use docker", 0));
    assertThat(NoteIds.takeawayId("n.md", "A > B", p, "use docker", 0)).isNotEqualTo(NoteIds.takeawayId("n.md", "A > B", p, "use docker", 1));
    assertThat(NoteIds.takeawayId("n.md", "A > B", p, "use docker", 0)).isNotEqualTo(NoteIds.takeawayId("n.md", "A > B", TakeawayKind.HIGHLIGHT, "use docker", 0));

    // Pinned: a stored takeaway keeps its id across versions, so the function must never change.
    assertThat(NoteIds.takeawayId("n.md", "A > B", p, "Use docker", 0)).isEqualTo("n.md#a253a06df534c6bb");
    assertThat(NoteIds.takeawayId("n.md", "A > B", p, "Use docker", 1)).isEqualTo("n.md#bba897423d75b536");
    assertThat(NoteIds.takeawayId("n.md", "A > B", p, "Use docker", 1000)).isEqualTo("n.md#5c3281af9db7aa2b");
    assertThat(NoteIds.sessionId("n.md", "Talks > Immutable servers", 0)).isEqualTo("n.md@834355e8e8e84ea6");

    NoteIds.TakeawayIdSequence ids = new NoteIds.TakeawayIdSequence("n.md");
    assertThat(ids.next("A > B", p, "use docker")).isEqualTo(NoteIds.takeawayId("n.md", "A > B", p, "use docker", 0));
    assertThat(ids.next("A > C", p, "use docker")).isEqualTo(NoteIds.takeawayId("n.md", "A > C", p, "use docker", 0));
    assertThat(ids.next("A > B", p, "use docker")).isEqualTo(NoteIds.takeawayId("n.md", "A > B", p, "use docker", 1));
    // The sequence lower-cases for itself: ASCII in its own pass, other text as String.toLowerCase does.
    assertThat(ids.next("A > B", p, "Use DOCKER")).isEqualTo(NoteIds.takeawayId("n.md", "A > B", p, "use docker", 2));
    assertThat(ids.next("A > B", p, "Über İstanbul ÇA")).isEqualTo(NoteIds.takeawayId("n.md", "A > B", p, "Über İstanbul ÇA", 0));
    String longText = "Z".repeat(300) + " and more";
    assertThat(ids.next("A > B", p, longText)).isEqualTo(NoteIds.takeawayId("n.md", "A > B", p, longText, 0));
    assertThat(ids.next("A > B", p, "short")).isEqualTo(NoteIds.takeawayId("n.md", "A > B", p, "SHORT", 0));
    assertThat(NoteIds.noteId(java.nio.file.Path.of("/notes"), java.nio.file.Path.of("/notes/day1/talk.md"))).isEqualTo("day1/talk.md");
  }

  @Test
  void theSequenceLowerCasesTextBeyondAsciiAsStringDoes() {
    TakeawayKind p = TakeawayKind.POINT;
    List<String> texts = List.of(
        "It\u2019s Docker\u2019s Day \u2014 \u201cOK\u201d", "caf\u00e9 AU LAIT", "Stra\u00dfe", "\u00c9T\u00c9", "\u03a3\u0399\u03a3\u03a5\u03a6\u039f\u03a3 runs",
        "\u0130stanbul", "\ud801\udc00 Deseret", "\ud83d\ude00 Docker", "\u00b5s and \u00aa", "\u1e9e capital sharp s");
    for (String noteId : List.of("n.md", "caf\u00e9/n.md", "\u7b14\u8bb0/\u65e5.md")) {
      NoteIds.TakeawayIdSequence ids = new NoteIds.TakeawayIdSequence(noteId);
      for (String text : texts) {
        assertThat(ids.next("A > B", p, text)).as(noteId + ": " + text).isEqualTo(NoteIds.takeawayId(noteId, "A > B", p, text, 0));
      }
    }
  }

  @Test
  void theSequenceCountsRepeatsAcrossItsTablesGrowth() {
    TakeawayKind p = TakeawayKind.POINT;
    NoteIds.TakeawayIdSequence ids = new NoteIds.TakeawayIdSequence("n.md");
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 1000; i++) {
        String text = "point " + i;
        assertThat(ids.next("A", p, text)).as(text).isEqualTo(NoteIds.takeawayId("n.md", "A", p, text, round));
      }
    }
  }

  @Test
  void asciiIsLowerCasedWordWiseExactlyAsStringDoes() {
    // Every ASCII character at every place in an eight-byte word and in the tail after the words.
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      all.append(c);
    }
    for (int shift = 0; shift < 9; shift++) {
      String text = "x".repeat(shift) + all;
      byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(NoteIds.toLowerCaseAscii(bytes)).isTrue();
      assertThat(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(text.toLowerCase(java.util.Locale.ROOT));
    }
    // A byte that is not ASCII, in a word or in the tail, is refused: the caller lower-cases the string.
    assertThat(NoteIds.toLowerCaseAscii("Caf\u00e9 au lait".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isFalse();
    assertThat(NoteIds.toLowerCaseAscii("caf\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isFalse();
  }
}
