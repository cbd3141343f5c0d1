package dev.takeaways.ingest;

import dev.takeaways.model.DeadLetter;
import dev.takeaways.model.JsonSerde;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces notes to {@code notes.raw} with an idempotent producer and {@code acks=all}. Each note's
 * record carries its source kind in the header {@link #SOURCE_HEADER} ({@link NoteSources} reads it).
 */
public final class KafkaNoteSink implements NoteSink, AutoCloseable {
  /** The header of a {@code notes.raw} record that names its source kind: {@code folder}, {@code git}, {@code http}, {@code cli}. */
  public static final String SOURCE_HEADER = "takeaways.source";
  private static final JsonSerde<RawNote> RAW = Topics.NOTES_RAW.serde();
  private static final JsonSerde<DeadLetter> DEAD = Topics.DEAD_LETTER.serde();

  private final KafkaProducer<String, byte[]> producer;
  private final KafkaClientMetrics metrics;
  private final Duration timeout;
  private volatile boolean failed;

  /**
   * @param kafka client settings (bootstrap servers and any security settings)
   * @param timeout how long one write may take before it counts as failed
   */
  public KafkaNoteSink(Map<String, Object> kafka, Duration timeout, MeterRegistry registry) {
    this.producer = new KafkaProducer<>(producerConfig(kafka, timeout), new StringSerializer(), new ByteArraySerializer());
    this.metrics = new KafkaClientMetrics(producer);
    metrics.bindTo(registry);
    this.timeout = timeout;
  }

  /** The producer settings ingest writes notes with: {@code kafka}'s, plus acknowledgement, idempotence, compression and limits. */
  public static Map<String, Object> producerConfig(Map<String, Object> kafka, Duration timeout) {
    Map<String, Object> p = new HashMap<>(kafka);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RECORD_BYTES);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 1000));
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
    return p;
  }

  @Override
  public void send(RawNote note) throws SinkException {
    sendLater(note).await();
  }

  @Override
  public Write sendLater(RawNote note) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.NOTES_RAW.name(), note.id(), RAW.toBytes(note));
    record.headers().add(SOURCE_HEADER, note.source().kind().getBytes(StandardCharsets.UTF_8));
    return start(record, note.path());
  }

  @Override
  public void delete(String noteId) throws SinkException {
    write(new ProducerRecord<>(Topics.NOTES_RAW.name(), noteId, null), noteId);
  }

  @Override
  public void deadLetter(DeadLetter letter) throws SinkException {
    write(new ProducerRecord<>(Topics.DEAD_LETTER.name(), letter.noteId(), DEAD.toBytes(letter)), letter.noteId());
  }

  private void write(ProducerRecord<String, byte[]> record, String what) throws SinkException {
    start(record, what).await();
  }

  /** Hands {@code record} to the producer; the write it returns waits for Kafka's acknowledgement. */
  private Write start(ProducerRecord<String, byte[]> record, String what) {
    Future<RecordMetadata> sent;
    try {
      sent = producer.send(record);
    } catch (RuntimeException e) {
      SinkException failed = failure(what, e);
      return () -> {
        throw failed;
      };
    }
    return () -> await(sent, what);
  }

  private void await(Future<RecordMetadata> sent, String what) throws SinkException {
    try {
      sent.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw failure(what, e instanceof ExecutionException ? e.getCause() : e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException(what + ": interrupted while writing to Kafka", e);
    }
  }

  private SinkException failure(String what, Throwable cause) {
    failed = true;
    return new SinkException(what + ": could not write to Kafka: " + cause.getMessage(), cause);
  }

  @Override
  public void close() {
    metrics.close();
    // After a failed write nothing more can be delivered in time: do not wait for it.
    producer.close(failed ? Duration.ZERO : Duration.ofSeconds(5));
  }
}
