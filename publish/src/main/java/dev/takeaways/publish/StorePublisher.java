package dev.takeaways.publish;

import dev.takeaways.metrics.AssertionChecker;
import dev.takeaways.metrics.ComponentCounters;
import dev.takeaways.metrics.MetricNames;
import dev.takeaways.metrics.Stage;
import dev.takeaways.model.DeadLetter;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.JsonSerde;
import dev.takeaways.model.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code notes.enriched} and applies each record to the store, one note per transaction.
 * Offsets are committed only after the store has committed, and writes are idempotent, so a crash
 * at any point loses nothing and duplicates nothing. When the store fails, the same record is
 * retried with exponential backoff until it succeeds; the publisher reports itself not ready
 * meanwhile. A record that can never be applied goes to {@code notes.dead-letter}.
 */
public final class StorePublisher implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StorePublisher.class);
  public static final String GROUP_ID = "takeaways-publish";
  private static final JsonSerde<EnrichedNote> ENRICHED = Topics.NOTES_ENRICHED.serde();
  private static final JsonSerde<DeadLetter> DEAD = Topics.DEAD_LETTER.serde();
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  /**
   * The most notes one store transaction applies: 50, or the system property {@code
   * takeaways.publish.batch} (1 applies each note alone, as before batching; BENCHMARKS.md compares).
   */
  static final int MAX_BATCH = Math.max(1, Integer.getInteger("takeaways.publish.batch", 50));

  private final NoteStore store;
  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> deadLetters;
  private final KafkaClientMetrics consumerMetrics;
  private final AssertionChecker checker;
  private final Clock clock;
  private final MeterRegistry registry;
  private final Timer latency;
  private final Timer duration;
  private final DistributionSummary batches;
  private final Counter errors;
  private final ComponentCounters components;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile boolean started;
  private volatile boolean storeHealthy = true;
  private final Admin admin;
  /** The id of notes.enriched as of the last assignment ("" if unknown): the same name made again is another topic. */
  private volatile String topicId = "";

  /**
   * @param kafka client settings shared by the consumer and the dead-letter producer (bootstrap
   *     servers and any security settings); a {@code group.instance.id} makes the consumer a static
   *     member of the group, which takes its partitions back at once after a crash
   */
  public StorePublisher(Map<String, Object> kafka, NoteStore store, MeterRegistry registry, AssertionChecker checker, Clock clock) {
    this.store = store;
    this.registry = registry;
    this.checker = checker;
    this.clock = clock;
    Map<String, Object> c = new HashMap<>(kafka);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
    // A crashed member holds its partitions until its session expires: keep that short.
    c.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    c.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    Map<String, Object> client = new HashMap<>(kafka);
    client.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG); // the consumer's identity, not the producer's or the admin's
    this.admin = Admin.create(client);
    Map<String, Object> p = new HashMap<>(client);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.deadLetters = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    this.consumerMetrics = new KafkaClientMetrics(consumer);
    consumerMetrics.bindTo(registry);
    this.latency =
        Timer.builder(MetricNames.E2E_LATENCY)
            .description("Time from a source reading a note to the store committing it")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(5))
            .maximumExpectedValue(Duration.ofSeconds(60))
            .register(registry);
    this.duration = Timer.builder(MetricNames.PUBLISH_DURATION)
        .description("Time to apply one note to the store and commit (a transaction of several notes: its time shared among them)")
        .register(registry);
    this.batches = DistributionSummary.builder(MetricNames.PUBLISH_BATCH_NOTES)
        .description("Notes applied together in one store transaction, when more than one was waiting")
        .register(registry);
    this.errors = Counter.builder(MetricNames.PUBLISH_ERRORS).description("Store errors met by publish (each retried)").register(registry);
    this.components = new ComponentCounters(registry, Stage.PUBLISH);
    for (String outcome : List.of("stored", "deleted", "stale")) {
      outcome(outcome);
    }
  }

  private Counter outcome(String outcome) {
    return Counter.builder(MetricNames.PUBLISH_NOTES)
        .description("Enriched records applied to the store, by outcome")
        .tag(MetricNames.OUTCOME, outcome)
        .register(registry);
  }

  /**
   * Runs the path of one record before the first real one: reads {@code sample} back from its JSON
   * and rehearses it in the store (rolled back). A cold first note took about a second more than the
   * next ones. Nothing is stored, counted or published; a failure here is the first record's to meet.
   */
  public void warmUp(EnrichedNote sample) {
    try {
      for (int i = 0; i < 20; i++) {
        store.rehearse(ENRICHED.fromBytes(ENRICHED.toBytes(sample)));
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("could not warm up the store path ({}); the first note will be slower", e.getMessage());
    }
  }

  /** Readiness: false while the store is failing. */
  public boolean isHealthy() {
    return storeHealthy && running;
  }

  @Override
  public void run() {
    started = true;
    try {
      consumer.subscribe(List.of(Topics.NOTES_ENRICHED.name()), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
          topicId = topicId();
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}
      });
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
          continue;
        }
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        List<ConsumerRecord<String, byte[]>> polled = new ArrayList<>(records.count());
        records.forEach(polled::add);
        for (int from = 0; from < polled.size(); from += MAX_BATCH) {
          List<ConsumerRecord<String, byte[]>> batch = polled.subList(from, Math.min(polled.size(), from + MAX_BATCH));
          if (!applyBatch(batch)) {
            break;
          }
          for (ConsumerRecord<String, byte[]> record : batch) {
            done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
          }
        }
        // Only now, with every record above committed to the store, do the offsets move on.
        if (!done.isEmpty()) {
          try {
            consumer.commitSync(done);
          } catch (CommitFailedException e) {
            // The group moved the partitions on: their records come again, and applying a record
            // twice gives the same rows.
            LOG.warn("offsets not committed ({}); the records will be applied again", e.getMessage());
          }
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      consumerMetrics.close();
      admin.close(Duration.ofSeconds(5));
      consumer.close(Duration.ofSeconds(5));
      stopped.countDown();
    }
  }

  /**
   * Applies the records of one poll, up to {@link #MAX_BATCH}, in one store transaction: what is
   * waiting is written together, and nothing waits for more to come. Each note keeps its own
   * outcome (stored, deleted, stale, dead-lettered), checks and log line. When the transaction
   * fails, each record is applied alone, so that a store outage is retried and a note the store
   * rejects is dead-lettered by itself.
   *
   * @return false when asked to stop before every record was applied
   */
  private boolean applyBatch(List<ConsumerRecord<String, byte[]>> batch) {
    List<ConsumerRecord<String, byte[]>> pending = new ArrayList<>(batch.size());
    List<NoteStore.Change> changes = new ArrayList<>(batch.size());
    for (ConsumerRecord<String, byte[]> record : batch) {
      components.received(record.value() == null ? 0 : record.value().length);
      NoteStore.Change change = change(record);
      if (change != null) {
        pending.add(record);
        changes.add(change);
      }
    }
    if (changes.isEmpty()) {
      return true;
    }
    int alone = 0; // from here on, the records are applied one at a time
    if (storeHealthy && changes.size() > 1) {
      long start = System.nanoTime();
      List<Boolean> applied;
      try {
        applied = store.applyAll(changes);
      } catch (SQLException e) {
        errors.increment();
        components.error(isPermanent(e) ? "store-rejected" : "store-unavailable");
        LOG.debug("a transaction of {} notes failed ({}); applying them one at a time", changes.size(), e.getMessage());
        applied = null;
      }
      if (applied != null) {
        long each = (System.nanoTime() - start) / changes.size();
        batches.record(changes.size());
        try {
          for (; alone < changes.size(); alone++) {
            applied(pending.get(alone), changes.get(alone), applied.get(alone), each);
          }
          return true;
        } catch (SQLException e) {
          // Committed, but not read back: this one and the rest go through the one-at-a-time path,
          // which finds them stored (stale) and goes on.
          LOG.warn("could not read back a note after its commit ({}); applying the rest one at a time", e.getMessage());
        }
      }
    }
    for (ConsumerRecord<String, byte[]> record : pending.subList(alone, pending.size())) {
      if (!applyUntilDone(record)) {
        return false;
      }
    }
    return true;
  }

  /** Applies one record, retrying store failures; false when asked to stop before it succeeded. */
  private boolean applyUntilDone(ConsumerRecord<String, byte[]> record) {
    Duration backoff = Duration.ofMillis(100);
    while (running) {
      try {
        apply(record);
        if (!storeHealthy) {
          LOG.info("store is back; publishing resumed");
          storeHealthy = true;
          consumer.resume(consumer.paused());
        }
        return true;
      } catch (SQLException e) {
        errors.increment();
        components.error(isPermanent(e) ? "store-rejected" : "store-unavailable");
        if (isPermanent(e)) {
          deadLetter(record, "store-rejected", record.key() + ": the store rejected the note: " + e.getMessage());
          return true;
        }
        if (storeHealthy) {
          LOG.warn("store unavailable ({}); retrying with backoff up to {} s", e.getMessage(), MAX_BACKOFF.toSeconds());
          storeHealthy = false;
          // Stay in the group however long the outage lasts: poll, with the partitions paused.
          consumer.pause(consumer.assignment());
        }
        waitPolling(backoff);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
    }
    return false;
  }

  /** The id of notes.enriched, or the one known so far when Kafka does not say. */
  private String topicId() {
    String name = Topics.NOTES_ENRICHED.name();
    try {
      return admin.describeTopics(List.of(name)).allTopicNames().get(10, TimeUnit.SECONDS).get(name).topicId().toString();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("could not read the id of {} ({}); comparing offsets as before", name, e.getMessage());
      return topicId;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return topicId;
    }
  }

  /**
   * A record older than what the store holds of its note: another publisher (or this one, before a
   * rebalance gave the partition back) applied a later one. Nothing changes; counted, not an error.
   */
  private void stale(String noteId, NoteStore.Position at) {
    outcome("stale").increment();
    LOG.info("{}: already stored from later in partition {} than offset {}; left as it is", noteId, at.partition(), at.offset());
  }

  /** Whether retrying cannot help: the store refuses this record, not everything. */
  static boolean isPermanent(SQLException e) {
    String state = e.getSQLState();
    // Class 23: integrity constraint violation; class 22: data exception.
    if (state != null) {
      return state.startsWith("23") || state.startsWith("22");
    }
    // SQLite's driver gives no SQL state, only SQLite's result code: CONSTRAINT (19), MISMATCH (20),
    // TOOBIG (18), RANGE (25).
    if (e.getClass().getName().startsWith("org.sqlite.")) {
      int primary = e.getErrorCode() & 0xff;
      return primary == 19 || primary == 20 || primary == 18 || primary == 25;
    }
    return false;
  }

  /** What a record asks of the store, or null when it cannot be read (it is dead-lettered). */
  private NoteStore.Change change(ConsumerRecord<String, byte[]> record) {
    String noteId = record.key();
    if (noteId == null) {
      deadLetter(record, "bad-record", "a record on notes.enriched has no note id (key)");
      return null;
    }
    NoteStore.Position at = new NoteStore.Position(topicId, record.partition(), record.offset());
    if (record.value() == null) {
      return new NoteStore.Change(noteId, null, at);
    }
    try {
      return new NoteStore.Change(noteId, ENRICHED.fromBytes(record.value()), at);
    } catch (SerializationException e) {
      deadLetter(record, "bad-record", noteId + ": the record is not a notes.enriched note");
      return null;
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) throws SQLException {
    NoteStore.Change change = change(record);
    if (change == null) {
      return;
    }
    long start = System.nanoTime();
    boolean changed = store.applyAll(List.of(change)).get(0);
    applied(record, change, changed, System.nanoTime() - start);
  }

  /** After the transaction: the note's outcome, its checks against the store, and its log line. */
  private void applied(ConsumerRecord<String, byte[]> record, NoteStore.Change change, boolean changed, long nanos) throws SQLException {
    String noteId = change.noteId();
    if (!changed) {
      stale(noteId, change.at());
      return;
    }
    if (change.note() == null) {
      Optional<NoteStore.StoredNote> left = store.find(noteId);
      checker.check(PublishContract.DELETED_AFTER_COMMIT, left.isEmpty(), () -> noteId + " is still in the store");
      outcome("deleted").increment();
      components.sent(0);
      LOG.info("{}: deleted", noteId);
      return;
    }
    EnrichedNote note = change.note();
    duration.record(nanos, TimeUnit.NANOSECONDS);
    Optional<NoteStore.StoredNote> stored = store.find(note.id());
    checker.check(
        PublishContract.STORED_AFTER_COMMIT,
        stored.isPresent()
            && stored.get().contentHash().equals(note.contentHash())
            && stored.get().sessions() == note.sessions().size()
            && stored.get().takeaways() == note.takeaways().size(),
        () -> note.id() + " is not in the store as written: " + stored);
    long ms = Math.max(0, clock.millis() - note.ingestedAt());
    latency.record(ms, TimeUnit.MILLISECONDS);
    checker.check(PublishContract.E2E_LATENCY, ms <= PublishContract.E2E_LATENCY_BOUND_MS, () -> note.path() + " took " + ms + " ms");
    outcome("stored").increment();
    components.sent(record.value().length);
    LOG.info(
        "{}: {} sessions, {} takeaways, {} tools, {} practices ({} ms)",
        note.path(),
        note.sessions().size(),
        note.takeaways().size(),
        note.distinctTags("tool"),
        note.distinctTags("practice"),
        ms);
  }

  private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, String detail) {
    String key = record.key() == null ? "unknown" : record.key();
    LOG.warn("dead-lettered {}: {}", key, detail);
    outcome("dead-lettered").increment();
    components.discarded(false);
    try {
      deadLetters
          .send(new ProducerRecord<>(Topics.DEAD_LETTER.name(), key, DEAD.toBytes(DeadLetter.of(key, null, "publish", reason, detail, clock.millis()))))
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Without the dead letter, moving on would lose the record: stop here and retry on restart.
      throw new IllegalStateException("cannot write the dead letter for " + key, e);
    }
  }

  /**
   * Waits {@code d} while polling, so that an outage longer than {@code max.poll.interval.ms} does
   * not cost the consumer its place in the group. Paused partitions return nothing; a partition
   * assigned meanwhile may, and is rewound, so that no record is skipped.
   */
  private void waitPolling(Duration d) {
    long until = System.nanoTime() + d.toNanos();
    while (running && System.nanoTime() < until) {
      long leftMs = Math.max(1, (until - System.nanoTime()) / 1_000_000);
      ConsumerRecords<String, byte[]> unexpected = consumer.poll(Duration.ofMillis(Math.min(100, leftMs)));
      for (TopicPartition partition : unexpected.partitions()) {
        consumer.seek(partition, unexpected.records(partition).get(0).offset());
      }
      consumer.pause(consumer.assignment());
    }
  }

  /** Stops polling, waits for the current record to finish, and closes the Kafka clients. */
  @Override
  public void close() {
    running = false;
    if (started) {
      consumer.wakeup();
      try {
        stopped.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      consumerMetrics.close();
      consumer.close(Duration.ofSeconds(5));
    }
    deadLetters.close(Duration.ofSeconds(5));
  }
}
