package dev.takeaways.ingest;

import dev.takeaways.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which source each live note of {@code notes.raw} came from, as the record's {@link
 * KafkaNoteSink#SOURCE_HEADER} says, followed on a thread of its own from the topic's start: so that
 * a note posted over HTTP cannot replace a note that git or {@code push} sent (those come from other
 * processes, which only Kafka sees). Record values are not read. A record without the header (written
 * before it existed) leaves its note unclaimed. Eventually consistent: a note sent a moment ago may
 * not be known yet.
 */
public final class NoteSources implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NoteSources.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, String> sources = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** @param kafka client settings (bootstrap servers and any security settings) */
  public NoteSources(Map<String, Object> kafka) {
    Map<String, Object> c = new HashMap<>(kafka);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "takeaways-note-sources");
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** The source kind of note {@code id} ({@code git}, {@code folder}, ...), or null when none is known. */
  public String sourceOf(String id) {
    return sources.get(id);
  }

  @Override
  public void run() {
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.NOTES_RAW.name(), Duration.ofMinutes(1)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (!closed) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
          apply(r);
        }
      }
    } catch (WakeupException e) {
      if (!closed) {
        throw e;
      }
    } catch (RuntimeException e) {
      LOG.warn("stopped following the sources of notes ({}): a POST may replace a note from git or push", e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void apply(ConsumerRecord<String, byte[]> r) {
    if (r.key() == null) {
      return;
    }
    Header source = r.headers().lastHeader(KafkaNoteSink.SOURCE_HEADER);
    if (r.value() == null || source == null) {
      sources.remove(r.key());
    } else {
      sources.put(r.key(), new String(source.value(), StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
  }
}
