package dev.takeaways.enrich.topology;

import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.metrics.AssertionChecker;
import dev.takeaways.model.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich topology: {@code notes.raw} in; {@code notes.enriched}, {@code takeaways.tagged} and
 * {@code notes.dead-letter} out. It only wires {@link NoteEnricher}; all logic is there and in
 * {@link EnrichProcessor}.
 */
public final class EnrichTopology {
  public static final String SOURCE = "notes-raw";
  public static final String PROCESSOR = "enrich";
  public static final String ENRICHED_SINK = "notes-enriched";
  public static final String TAGGED_SINK = "takeaways-tagged";
  public static final String DEAD_LETTER_SINK = "notes-dead-letter";
  /**
   * Note id to the ids of its current takeaways, to tombstone the ones an edit removes. Held in
   * memory and rebuilt from its changelog at each start: under exactly-once a persistent store that
   * was not closed cleanly is wiped and rebuilt anyway, and Kafka Streams 4.4 sometimes never
   * finished that rebuild after a SIGKILL (the task, found corrupted while initializing, stayed
   * unrestored and the instance never reached RUNNING; {@code CrashRecoveryIT}).
   */
  public static final String TAKEAWAY_IDS_STORE = "note-takeaway-ids";

  private EnrichTopology() {}

  /**
   * Builds the topology.
   *
   * @param config the Streams settings it will run with (see {@link EnrichStreams#config})
   */
  public static Topology build(NoteEnricher enricher, MeterRegistry registry, AssertionChecker checker, Clock clock, Properties config) {
    Topology topology = new Topology(new TopologyConfig(new StreamsConfig(config)));
    topology.addSource(SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), Topics.NOTES_RAW.name());
    topology.addProcessor(PROCESSOR, () -> new EnrichProcessor(enricher, new EnrichMetrics(registry), checker, clock), SOURCE);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TAKEAWAY_IDS_STORE), Serdes.String(), Serdes.String()),
        PROCESSOR);
    topology.addSink(ENRICHED_SINK, Topics.NOTES_ENRICHED.name(), new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
    topology.addSink(TAGGED_SINK, Topics.TAKEAWAYS_TAGGED.name(), new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
    topology.addSink(DEAD_LETTER_SINK, Topics.DEAD_LETTER.name(), new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
    return topology;
  }
}
