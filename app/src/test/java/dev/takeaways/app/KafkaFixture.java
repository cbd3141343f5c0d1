package dev.takeaways.app;

import static org.awaitility.Awaitility.await;

import dev.takeaways.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The broker of the integration tests: the embedded KRaft broker by default, or a Testcontainers
 * {@code apache/kafka} container with {@code -Dtakeaways.it.broker=testcontainers} where a Docker
 * engine runs. Without Docker, the container path skips the test and says why.
 */
final class KafkaFixture implements AutoCloseable {
  static final String PROPERTY = "takeaways.it.broker";
  private static final String IMAGE = "apache/kafka:4.1.0";

  private final AutoCloseable broker;
  private final String bootstrapServers;

  private KafkaFixture(AutoCloseable broker, String bootstrapServers) {
    this.broker = broker;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts a broker with its data under {@code dir} (embedded) or in a container. */
  static KafkaFixture start(Path dir) throws IOException {
    String kind = System.getProperty(PROPERTY, "embedded");
    if (kind.equals("testcontainers")) {
      boolean docker;
      try {
        docker = DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException e) {
        docker = false;
      }
      Assumptions.assumeTrue(docker, "-D" + PROPERTY + "=testcontainers needs a Docker engine, and none is running here; skipped");
      KafkaContainer container = new KafkaContainer(IMAGE);
      container.start();
      return new KafkaFixture(container::stop, container.getBootstrapServers());
    }
    if (!kind.equals("embedded")) {
      throw new IllegalArgumentException("-D" + PROPERTY + " must be embedded or testcontainers, was " + kind);
    }
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), "127.0.0.1", freePort(), freePort(), Duration.ofSeconds(60));
    return new KafkaFixture(broker, broker.bootstrapServers());
  }

  /** A fixture for a broker someone else runs (and stops): closing it does nothing. */
  static KafkaFixture attach(String bootstrapServers) {
    return new KafkaFixture(() -> {}, bootstrapServers);
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  /** A port nothing listens on now: for a broker or server to bind, or as an unreachable address. */
  static int freePort() throws IOException {
    return EmbeddedKafkaBroker.freePort();
  }

  /**
   * Every committed record of {@code topic} from its start, read until {@code until} holds (or
   * {@code patience} runs out), then for {@code linger} more, so that a record sent twice would show.
   */
  List<ConsumerRecord<String, byte[]>> readFromStart(
      String topic, Duration patience, Duration linger, Predicate<List<ConsumerRecord<String, byte[]>>> until) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumerAtStart(topic)) {
      await().atMost(patience).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return until.test(records);
      });
      if (!linger.isZero()) {
        consumer.poll(linger).forEach(records::add);
      }
    }
    return records;
  }

  /** Every committed record of {@code topic}, from its start to its end as of now. */
  List<ConsumerRecord<String, byte[]>> readToEnd(String topic, Duration patience) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumerAtStart(topic)) {
      Set<TopicPartition> partitions = consumer.assignment();
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      await().atMost(patience).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
      });
    }
    return records;
  }

  /** A read_committed consumer assigned every partition of {@code topic}, positioned at its start. */
  private KafkaConsumer<String, byte[]> consumerAtStart(String topic) {
    Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  @Override
  public void close() throws Exception {
    broker.close();
  }
}
