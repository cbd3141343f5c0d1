package dev.takeaways.app;

import dev.takeaways.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
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

  String bootstrapServers() {
    return bootstrapServers;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    broker.close();
  }
}
