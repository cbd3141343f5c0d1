package dev.takeaways.app.bench;

import dev.takeaways.enrich.parse.NoteParser;
import dev.takeaways.ingest.KafkaNoteSink;
import dev.takeaways.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.commonmark.parser.Parser;

/**
 * What the pipeline is measured against, on the same notes in the same run: commonmark-java parsing
 * alone, and Kafka producing and consuming the notes with ingest's own producer settings (batching
 * aside).
 */
public final class ReferenceRates {
  /** The bytes of a MB, as every figure of the benchmark counts them. */
  public static final double MB = 1024.0 * 1024.0;

  private ReferenceRates() {}

  /** MB/s of commonmark-java parsing {@code notes} ({@code bytes} in all) on one thread, after a warm-up. */
  public static double parseOnlyMbPerSec(List<String> notes, long bytes) {
    Parser parser = NoteParser.markdownParser();
    for (int i = 0; i < Math.min(notes.size(), 2000); i++) {
      parser.parse(notes.get(i)); // warm-up
    }
    long start = System.nanoTime();
    long sink = 0;
    for (String note : notes) {
      sink += parser.parse(note).hashCode() & 1;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return sink >= 0 ? bytes / MB / seconds : 0;
  }

  /** MB/s of producing {@code notes} to a topic of their own and consuming them back, on {@code client}'s cluster. */
  public static double kafkaMbPerSec(Map<String, Object> client, List<String> notes, long bytes) throws Exception {
    String topic = "takeaways.bench-reference-" + System.nanoTime();
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
          .configs(Map.of("max.message.bytes", String.valueOf(Topics.MAX_RECORD_BYTES))))).all().get(60, TimeUnit.SECONDS);
      Map<String, Object> c = new HashMap<>(client);
      c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
      // What Kafka allows for these records: ingest's settings (acks, idempotence, compression, limits),
      // with the client's default batching rather than ingest's linger of 0, as the reference always had.
      Map<String, Object> p = KafkaNoteSink.producerConfig(client, Duration.ofSeconds(60));
      p.remove(ProducerConfig.LINGER_MS_CONFIG);
      try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
          KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        consumer.poll(Duration.ZERO);
        long start = System.nanoTime();
        for (int i = 0; i < notes.size(); i++) {
          producer.send(new ProducerRecord<>(topic, "n" + i, notes.get(i).getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
        long consumed = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (consumed < notes.size() && System.nanoTime() < deadline) {
          consumed += consumer.poll(Duration.ofMillis(200)).count();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return bytes / MB / seconds;
      } finally {
        admin.deleteTopics(List.of(topic));
      }
    }
  }
}
