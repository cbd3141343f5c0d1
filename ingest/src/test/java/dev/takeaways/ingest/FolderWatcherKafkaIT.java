package dev.takeaways.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.broker.EmbeddedKafkaBroker;
import dev.takeaways.model.DeadLetter;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every case of {@link FolderWatcherTest} with a real embedded broker behind the sink: each write
 * the watch makes is acknowledged by Kafka ({@code acks=all}), and after each case the records on
 * {@code notes.raw} and {@code notes.dead-letter} are exactly the writes, in order.
 */
class FolderWatcherKafkaIT extends FolderWatcherTest {
  private static Path brokerDir;
  private static EmbeddedKafkaBroker broker;
  private static Map<String, Object> client;
  private long rawStart;
  private long deadStart;
  private KafkaNoteSink kafkaSink;
  /** Every write of the case, restarts included (the cases clear their sink's list on restart). */
  private final List<String> allWrites = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startBroker() throws Exception {
    brokerDir = Files.createTempDirectory("watcher-it");
    broker = EmbeddedKafkaBroker.start(brokerDir.resolve("kafka"), "127.0.0.1", EmbeddedKafkaBroker.freePort(), EmbeddedKafkaBroker.freePort(), Duration.ofSeconds(60));
    client = Map.of("bootstrap.servers", broker.bootstrapServers());
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(
          new NewTopic(Topics.NOTES_RAW.name(), 1, (short) 1).configs(Topics.NOTES_RAW.config()),
          new NewTopic(Topics.DEAD_LETTER.name(), 1, (short) 1).configs(Topics.DEAD_LETTER.config()))).all().get();
    }
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  @BeforeEach
  void kafkaBehindTheSink() {
    rawStart = endOffset(Topics.NOTES_RAW.name());
    deadStart = endOffset(Topics.DEAD_LETTER.name());
    kafkaSink = new KafkaNoteSink(client, Duration.ofSeconds(10), new SimpleMeterRegistry());
    sink = new RecordingSink() {
      @Override
      public void send(RawNote note) throws SinkException {
        kafkaSink.send(note);
        allWrites.add("send " + note.id());
        super.send(note);
      }

      @Override
      public Write sendLater(RawNote note) {
        // As the watcher sends: several notes in flight on the real producer.
        Write write = kafkaSink.sendLater(note);
        return () -> {
          write.await();
          allWrites.add("send " + note.id());
          super.send(note);
        };
      }

      @Override
      public void delete(String noteId) throws SinkException {
        kafkaSink.delete(noteId);
        allWrites.add("delete " + noteId);
        super.delete(noteId);
      }

      @Override
      public void deadLetter(DeadLetter letter) throws SinkException {
        kafkaSink.deadLetter(letter);
        allWrites.add("dead " + letter.noteId() + " " + letter.reason());
        super.deadLetter(letter);
      }
    };
  }

  @AfterEach
  void theTopicsHoldExactlyTheWrites() throws Exception {
    stop();
    kafkaSink.close();
    List<String> onTopics = new ArrayList<>();
    for (var r : read(Topics.NOTES_RAW.name(), rawStart)) {
      onTopics.add(r.value() == null ? "delete " + r.key() : "send " + r.key());
    }
    for (var r : read(Topics.DEAD_LETTER.name(), deadStart)) {
      onTopics.add("dead " + r.key() + " " + Topics.DEAD_LETTER.serde().fromBytes(r.value()).reason());
    }
    List<String> expected = new ArrayList<>(allWrites.stream().filter(w -> !w.startsWith("dead")).toList());
    expected.addAll(allWrites.stream().filter(w -> w.startsWith("dead")).toList());
    assertThat(expected).isNotEmpty();
    assertThat(onTopics).isEqualTo(expected);
  }

  private static long endOffset(String topic) {
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(client, new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition p = new TopicPartition(topic, 0);
      return c.endOffsets(List.of(p)).get(p);
    }
  }

  private static List<ConsumerRecord<String, byte[]>> read(String topic, long from) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(client, new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition p = new TopicPartition(topic, 0);
      long end = c.endOffsets(List.of(p)).get(p);
      c.assign(List.of(p));
      c.seek(p, from);
      while (c.position(p) < end) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

}
