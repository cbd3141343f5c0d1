package dev.takeaways.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.enrich.EnrichContract;
import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.metrics.AssertionChecker;
import dev.takeaways.metrics.MetricNames;
import dev.takeaways.model.DeadLetter;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.JsonSerde;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.TaggedTakeaway;
import dev.takeaways.model.Takeaway;
import dev.takeaways.model.Topics;
import dev.takeaways.testsupport.Notes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {
  private static final NoteEnricher ENRICHER = NoteEnricher.withBundledTaxonomy();
  private static final JsonSerde<RawNote> RAW = Topics.NOTES_RAW.serde();
  private static final RawNote.Source CLI = new RawNote.Source(RawNote.Source.CLI, null);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AssertionChecker checker = new AssertionChecker(registry, EnrichContract.ALL);
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, byte[]> enriched;
  private TestOutputTopic<String, byte[]> tagged;
  private TestOutputTopic<String, byte[]> dead;

  @BeforeEach
  void start() {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put("processing.exception.handler.global.enabled", true);
    driver = new TopologyTestDriver(EnrichTopology.build(ENRICHER, registry, checker, Clock.systemUTC(), config), config);
    raw = driver.createInputTopic(Topics.NOTES_RAW.name(), new StringSerializer(), new ByteArraySerializer());
    enriched = driver.createOutputTopic(Topics.NOTES_ENRICHED.name(), new StringDeserializer(), new ByteArrayDeserializer());
    tagged = driver.createOutputTopic(Topics.TAKEAWAYS_TAGGED.name(), new StringDeserializer(), new ByteArrayDeserializer());
    dead = driver.createOutputTopic(Topics.DEAD_LETTER.name(), new StringDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  private void send(String id, String content) {
    raw.pipeInput(id, RAW.toBytes(RawNote.of(id, id, CLI, content, 1)));
  }

  /** The latest value per key, as a compacted topic would keep it (null = deleted). */
  private static Map<String, byte[]> latest(List<TestRecord<String, byte[]>> records) {
    Map<String, byte[]> state = new HashMap<>();
    records.forEach(r -> state.put(r.key(), r.value()));
    state.values().removeIf(v -> v == null);
    return state;
  }

  @Test
  void theSeedBecomesOneEnrichedNoteAndATaggedRecordPerTakeaway() {
    send("seed.md", Notes.seed());

    EnrichedNote note = Topics.NOTES_ENRICHED.serde().fromBytes(enriched.readValue());
    List<TestRecord<String, byte[]>> records = tagged.readRecordsToList();
    assertThat(note.schema()).isEqualTo("notes.enriched/v2");
    assertThat(note.sessions()).hasSize(17);
    assertThat(records).hasSize(note.takeaways().size());
    TaggedTakeaway first = Topics.TAKEAWAYS_TAGGED.serde().fromBytes(records.get(0).value());
    assertThat(first.noteId()).isEqualTo("seed.md");
    assertThat(records)
        .allSatisfy(r -> assertThat(new String(r.headers().lastHeader(Topics.HEADER_NOTE_ID).value(), StandardCharsets.UTF_8)).isEqualTo("seed.md"));
    assertThat(records).anySatisfy(r ->
        assertThat(new String(r.headers().lastHeader(Topics.HEADER_TAGS).value(), StandardCharsets.UTF_8)).contains("tool:serverspec"));
    assertThat(registry.get(MetricNames.ENRICH_NOTES).tag(MetricNames.OUTCOME, "enriched").counter().count()).isEqualTo(1.0);
    assertThat(checker.counts(EnrichContract.NOTE_ENRICHED_OR_DEAD_LETTERED).passed()).isEqualTo(1);
  }

  @Test
  void anEditTombstonesTheTakeawaysThatAreGone() {
    send("n.md", "# Conf\n\n## Talk\n\n- keep Docker\n- drop Vagrant\n");
    Map<String, byte[]> before = latest(tagged.readRecordsToList());
    send("n.md", "# Conf\n\n## Talk\n\n- keep Docker\n- add Packer\n");
    List<TestRecord<String, byte[]>> afterEdit = tagged.readRecordsToList();

    assertThat(before).hasSize(2);
    assertThat(afterEdit).filteredOn(r -> r.value() == null).hasSize(1);
    Map<String, byte[]> state = new HashMap<>(before);
    afterEdit.forEach(r -> state.put(r.key(), r.value()));
    state.values().removeIf(v -> v == null);
    assertThat(state.values())
        .extracting(v -> Topics.TAKEAWAYS_TAGGED.serde().fromBytes(v).text())
        .containsExactlyInAnyOrder("keep Docker", "add Packer");
  }

  @Test
  void aDeletionTombstonesTheNoteAndAllItsTakeaways() {
    send("n.md", "# Conf\n\n## Talk\n\n- Docker\n- Vagrant\n");
    tagged.readRecordsToList();
    enriched.readRecordsToList();

    raw.pipeInput("n.md", (byte[]) null);

    assertThat(enriched.readRecord().value()).isNull();
    assertThat(tagged.readRecordsToList()).hasSize(2).allSatisfy(r -> assertThat(r.value()).isNull());
    assertThat(registry.get(MetricNames.ENRICH_NOTES).tag(MetricNames.OUTCOME, "deleted").counter().count()).isEqualTo(1.0);
  }

  @Test
  void badRecordsAreDeadLetteredAndTheStreamGoesOn() {
    raw.pipeInput("garbage.md", "not json".getBytes(StandardCharsets.UTF_8));
    send("empty.md", "   ");
    send("good.md", "# A\n\n## B\n\n- Docker\n");

    List<DeadLetter> letters = dead.readValuesToList().stream().map(Topics.DEAD_LETTER.serde()::fromBytes).toList();
    assertThat(letters).extracting(DeadLetter::noteId, DeadLetter::reason)
        .containsExactly(Tuple.tuple("garbage.md", "bad-record"), Tuple.tuple("empty.md", "empty"));
    assertThat(letters.get(1).detail()).contains("empty.md");
    assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("good.md");
    assertThat(checker.counts(EnrichContract.RECORD_IS_A_NOTE).failed()).isEqualTo(1);
    assertThat(registry.get(MetricNames.ENRICH_NOTES).tag(MetricNames.REASON, "empty").counter().count()).isEqualTo(1.0);
  }

  @Test
  void aNoteUnderTheSizeLimitWhoseRecordWouldNotFitKeepsTheTakeawaysThatFitAndSaysSo() {
    // A conference journal of short bullets: each line of the note becomes a takeaway record several
    // times its size, so a note of a few MiB would make a notes.enriched record over the topics' limit.
    StringBuilder journal = new StringBuilder("# KubeCon journal\n\n");
    int lines = 0;
    for (int day = 1; journal.length() < 2_500_000; day++) {
      journal.append("\n## Day ").append(day).append("\n\n");
      for (int i = 0; i < 500; i++, lines++) {
        journal.append("- talk ").append(i).append(": Kubernetes operators with Helm and Argo CD\n");
      }
    }
    assertThat(journal.length()).isLessThan(Topics.MAX_NOTE_BYTES);
    send("journal.md", journal.toString());
    send("good.md", "# A\n\n## B\n\n- Docker\n");

    assertThat(dead.readValuesToList()).isEmpty();
    List<KeyValue<String, byte[]>> records = enriched.readKeyValuesToList();
    assertThat(records).extracting(kv -> kv.key).containsExactly("journal.md", "good.md");
    assertThat(records.get(0).value.length).isLessThanOrEqualTo(EnrichProcessor.MAX_OUTPUT_BYTES).isGreaterThan(EnrichProcessor.MAX_OUTPUT_BYTES * 9 / 10);
    EnrichedNote kept = Topics.NOTES_ENRICHED.serde().fromBytes(records.get(0).value);
    assertThat(kept.takeaways().size()).isPositive().isLessThan(lines);
    assertThat(kept.takeaways()).extracting(Takeaway::position).as("the first ones, in order").startsWith(0, 1, 2);
    String said = "kept the first " + kept.takeaways().size() + " of " + lines + " takeaways";
    assertThat(kept.warnings()).anySatisfy(w -> assertThat(w).contains(said));
    assertThat(tagged.readKeyValuesToList()).hasSize(kept.takeaways().size() + 1);
    assertThat(checker.counts(EnrichContract.NOTE_ENRICHED_OR_DEAD_LETTERED).failed()).isZero();
  }

  @Test
  void reprocessingTheSameNoteGivesTheSameRecords() {
    send("n.md", Notes.seed());
    List<String> first = tagged.readKeyValuesToList().stream().map(kv -> kv.key).toList();
    send("n.md", Notes.seed());
    List<TestRecord<String, byte[]>> second = tagged.readRecordsToList();

    assertThat(second).extracting(TestRecord::key).containsExactlyElementsOf(first);
    assertThat(second).noneMatch(r -> r.value() == null);
  }
}
