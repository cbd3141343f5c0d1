package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takeaways.enrich.EnrichResult;
import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.metrics.AssertionChecker;
import dev.takeaways.metrics.MetricNames;
import dev.takeaways.model.DeadLetter;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.JsonSerde;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.Takeaway;
import dev.takeaways.model.Topics;
import dev.takeaways.publish.JdbcNoteStore;
import dev.takeaways.publish.PublishContract;
import dev.takeaways.publish.StorePublisher;
import dev.takeaways.testsupport.PostgresDatabase;
import dev.takeaways.testsupport.PostgresServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher against a real PostgreSQL server whose connections are cut under it, again and
 * again, in the middle of its batches, on a real broker: the store ends exactly as the topic says,
 * nothing lost, nothing duplicated, no stale row; and the one record the store refuses for good is
 * dead-lettered while the rest go on.
 */
class PublisherFaultsIT {
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final String APPLICATION = "takeaways-publisher-under-fault";
  private static final int NOTES = 200;
  private static final int MAX_CUTS = 40;

  @TempDir Path dir;
  private KafkaFixture kafka;
  private StorePublisher publisher;
  private Thread publishing;

  @BeforeEach
  void startBroker() throws Exception {
    kafka = KafkaFixture.start(dir);
    TopicInstaller.install(Map.of("bootstrap.servers", kafka.bootstrapServers()), true);
  }

  @AfterEach
  void stop() throws Exception {
    if (publisher != null) {
      publisher.close();
      publishing.join(30_000);
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  private static EnrichedNote enrich(String id, String markdown) {
    EnrichResult r = NoteEnricher.withBundledTaxonomy().enrich(RawNote.of(id, id, new RawNote.Source(RawNote.Source.CLI, null), markdown, 1));
    return ((EnrichResult.Enriched) r).note();
  }

  @Test
  void cuttingTheStoreConnectionMidBatchLosesAndDuplicatesNothingAndARejectedRecordIsDeadLettered() throws Exception {
    String server = PostgresDatabase.create();
    String url = server + (server.contains("?") ? "&" : "?") + "ApplicationName=" + APPLICATION;

    Map<String, EnrichedNote> expected = new TreeMap<>();
    List<ProducerRecord<String, byte[]>> records = records(expected, true);
    send(records);

    // Cut the publisher's connection whenever it is inside a transaction that has written (it has a
    // transaction id), up to MAX_CUTS times or until it has applied every record. Without a bound, a
    // transaction that writes from its first statement (the note's version is claimed first) was cut
    // so often that the backoff outlasted the test's patience. Not any busy connection: cutting the
    // reconnection's own check too made the publisher back off for up to 30 s at a time, and the test
    // outlasted its patience on a machine where that check was often caught.
    AtomicInteger cuts = new AtomicInteger();
    AtomicBoolean cutting = new AtomicBoolean(true);
    Thread cutter = new Thread(() -> {
      try (Connection admin = DriverManager.getConnection(server); Statement s = admin.createStatement()) {
        while (cutting.get() && cuts.get() < MAX_CUTS) {
          try (ResultSet rs = s.executeQuery(
              "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + APPLICATION
                  + "' AND backend_xid IS NOT NULL) killed")) {
            rs.next();
            cuts.addAndGet(rs.getInt(1));
          }
          Thread.sleep(20); // a pace for the fault, not a wait for a condition
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "cutter");
    SimpleMeterRegistry registry = startPublisher(url); // opens (and migrates) the store first
    cutter.start();

    double applied = records.size() - 1.0; // all but the refused record are stored or deleted
    await().atMost(PATIENCE).until(() -> outcomes(registry, "stored") + outcomes(registry, "deleted") + outcomes(registry, "stale") >= applied);
    cutting.set(false);
    cutter.join();

    assertThat(cuts.get()).as("connections cut mid-transaction").isGreaterThanOrEqualTo(5);
    assertThat(registry.get(MetricNames.PUBLISH_ERRORS).counter().count()).isGreaterThanOrEqualTo(5);
    await().atMost(PATIENCE).until(publisher::isHealthy);
    assertThat(storeContents(server)).isEqualTo(expectedContents(expected));

    List<ConsumerRecord<String, byte[]>> dead =
        kafka.readFromStart(Topics.DEAD_LETTER.name(), PATIENCE, Duration.ofSeconds(1), rs -> !rs.isEmpty());
    assertThat(dead).extracting(ConsumerRecord::key).containsExactly("refused.md");
    DeadLetter letter = Topics.DEAD_LETTER.serde().fromBytes(dead.get(0).value());
    assertThat(letter.stage()).isEqualTo("publish");
    assertThat(letter.reason()).isEqualTo("store-rejected");
  }

  /**
   * The records: new notes, edits of every fifth, deletions of every seventh, and (if {@code
   * refused}) one note the store must refuse (two takeaways with one id break the primary key);
   * {@code expected} receives what the store must hold in the end.
   */
  private static List<ProducerRecord<String, byte[]>> records(Map<String, EnrichedNote> expected, boolean refused) {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    JsonSerde<EnrichedNote> serde = Topics.NOTES_ENRICHED.serde();
    String topic = Topics.NOTES_ENRICHED.name();
    for (int i = 0; i < NOTES; i++) {
      String id = "n" + i + ".md";
      EnrichedNote note = enrich(id, "# Note " + i + "\n\n## Build day " + i + " (Jane Doe)\n\n- baked images with Packer, run " + i
          + "\n- kept Chef for config\n- code review before every merge\n");
      records.add(new ProducerRecord<>(topic, id, serde.toBytes(note)));
      expected.put(id, note);
      if (refused && i == NOTES / 2) {
        List<Takeaway> twice = new ArrayList<>(note.takeaways());
        twice.add(note.takeaways().get(0));
        EnrichedNote bad = new EnrichedNote(note.schema(), "refused.md", "refused.md", note.title(), note.created(), "bad",
            note.ingestedAt(), note.sessions(), twice, note.keywords(), note.tags(), note.warnings());
        records.add(new ProducerRecord<>(topic, "refused.md", serde.toBytes(bad)));
      }
    }
    for (int i = 0; i < NOTES; i += 5) {
      String id = "n" + i + ".md";
      EnrichedNote edited = enrich(id, "# Note " + i + " (edited)\n\n- moved to Terraform\n");
      records.add(new ProducerRecord<>(topic, id, serde.toBytes(edited)));
      expected.put(id, edited);
    }
    for (int i = 0; i < NOTES; i += 7) {
      String id = "n" + i + ".md";
      records.add(new ProducerRecord<>(topic, id, null));
      expected.remove(id);
    }
    return records;
  }

  private void send(List<ProducerRecord<String, byte[]>> records) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
      records.forEach(producer::send);
      producer.flush();
    }
  }

  private SimpleMeterRegistry startPublisher(String url) throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    JdbcNoteStore store = JdbcNoteStore.open(url, Clock.systemUTC());
    publisher = new StorePublisher(Map.of("bootstrap.servers", kafka.bootstrapServers()), store, registry,
        new AssertionChecker(registry, PublishContract.ALL), Clock.systemUTC());
    publishing = new Thread(publisher, "publisher");
    publishing.start();
    return registry;
  }

  @Test
  void postgresStoppedForThirtySecondsWhileThePublisherWritesLosesAndDuplicatesNothing() throws Exception {
    try (PostgresServer server = PostgresServer.start(dir)) {
      Map<String, EnrichedNote> expected = new TreeMap<>();
      List<ProducerRecord<String, byte[]>> records = records(expected, false);
      send(records);
      SimpleMeterRegistry registry = startPublisher(server.url());
      await().atMost(PATIENCE).until(() -> outcomes(registry, "stored") >= 20);
      // Everything was waiting when the publisher started: it applied several notes per transaction.
      assertThat(registry.get(MetricNames.PUBLISH_BATCH_NOTES).summary().count()).isPositive();
      assertThat(registry.get(MetricNames.PUBLISH_BATCH_NOTES).summary().max()).isGreaterThan(1).isLessThanOrEqualTo(50);

      server.stop();
      await().atMost(PATIENCE).until(() -> !publisher.isHealthy());
      Thread.sleep(30_000); // the outage itself: 30 seconds of PostgreSQL down, not a wait for a condition
      assertThat(publisher.isHealthy()).isFalse();
      server.startAgain();

      await().atMost(PATIENCE).until(() -> outcomes(registry, "stored") + outcomes(registry, "deleted") + outcomes(registry, "stale") >= records.size());
      await().atMost(PATIENCE).until(publisher::isHealthy);
      assertThat(storeContents(server.url())).isEqualTo(expectedContents(expected));
      assertThat(registry.get(MetricNames.PUBLISH_ERRORS).counter().count()).isGreaterThanOrEqualTo(2);
      assertThat(kafka.readToEnd(Topics.DEAD_LETTER.name(), PATIENCE)).isEmpty();
    }
  }

  private static double outcomes(SimpleMeterRegistry registry, String outcome) {
    return registry.get(MetricNames.PUBLISH_NOTES).tag(MetricNames.OUTCOME, outcome).counter().count();
  }

  /** Each note's hash with its ordered takeaway ids and texts, as rows the store holds. */
  private static Map<String, String> storeContents(String url) throws Exception {
    Map<String, StringBuilder> rows = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT n.id, n.content_hash, t.id, t.text FROM notes n JOIN takeaways t ON t.note_id = n.id ORDER BY n.id, t.position, t.id")) {
      while (rs.next()) {
        String hash = rs.getString(2);
        rows.computeIfAbsent(rs.getString(1), id -> new StringBuilder(hash)).append('|').append(rs.getString(3)).append('=').append(rs.getString(4));
      }
    }
    Map<String, String> out = new TreeMap<>();
    rows.forEach((id, b) -> out.put(id, b.toString()));
    return out;
  }

  private static Map<String, String> expectedContents(Map<String, EnrichedNote> notes) {
    Map<String, String> rows = new LinkedHashMap<>();
    notes.forEach((id, note) -> {
      StringBuilder b = new StringBuilder(note.contentHash());
      note.takeaways().forEach(t -> b.append('|').append(t.id()).append('=').append(t.text()));
      rows.put(id, b.toString());
    });
    return new TreeMap<>(rows);
  }
}
