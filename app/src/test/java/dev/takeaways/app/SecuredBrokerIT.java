package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.takeaways.broker.EmbeddedKafkaBroker;
import dev.takeaways.model.Topics;
import dev.takeaways.publish.JdbcNoteStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that admits only clients that authenticate (SASL/PLAIN): {@code takeaways up
 * --kafka-config} with the credentials creates the topics and carries a note from the folder to the
 * store and to {@code takeaways.tagged}. Every client of the pipeline (the admin that installs
 * topics, the ingest producer, the Streams application's consumer, producer and admin, the
 * publisher's consumer and producer) must have the settings for that: one without them never gets
 * past the broker, as the control at the start shows.
 */
class SecuredBrokerIT {
  private static final String PASSWORD = "pl41n-secret";
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @TempDir Path dir;
  private Process up;

  @AfterEach
  void stop() throws InterruptedException {
    if (up != null) {
      up.destroy();
      up.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void upWithTheKafkaConfigAuthenticatesEveryClient() throws Exception {
    int port = KafkaFixture.freePort();
    int controllerPort = KafkaFixture.freePort();
    String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required";
    Map<String, String> secured = Map.of(
        "listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port,
        "listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
        "inter.broker.listener.name", "SASL_PLAINTEXT",
        "sasl.enabled.mechanisms", "PLAIN",
        "sasl.mechanism.inter.broker.protocol", "PLAIN",
        "listener.name.sasl_plaintext.plain.sasl.jaas.config",
        jaas + " username=\"broker\" password=\"broker-pw\" user_broker=\"broker-pw\" user_takeaways=\"" + PASSWORD + "\";");
    Map<String, Object> client = Map.of(
        "security.protocol", "SASL_PLAINTEXT",
        "sasl.mechanism", "PLAIN",
        "sasl.jaas.config", jaas + " username=\"takeaways\" password=\"" + PASSWORD + "\";");
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(dir.resolve("kafka"), "127.0.0.1", port, controllerPort, Duration.ofSeconds(60), secured, client)) {
      String bootstrap = broker.bootstrapServers();

      // The control: a client without the settings does not get through.
      Map<String, Object> plain = Map.of("bootstrap.servers", bootstrap, "default.api.timeout.ms", 4000, "request.timeout.ms", 2000);
      try (Admin admin = Admin.create(plain)) {
        assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS)).isNotNull();
      }

      Path config = dir.resolve("kafka.properties");
      StringBuilder properties = new StringBuilder();
      client.forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
      Files.writeString(config, properties);
      Path watch = Files.createDirectories(dir.resolve("notes"));
      Files.writeString(watch.resolve("secured.md"), "# Locked down\n\n- We baked images with Packer and ran them on Kubernetes.\n");
      Path data = dir.resolve("data");
      int metricsPort = KafkaFixture.freePort();
      Path log = dir.resolve("up.log");
      up = new ProcessBuilder(CrashRecoveryIT.up(CrashRecoveryIT.jar(), watch, data, metricsPort, "--bootstrap-servers", bootstrap, "--kafka-config", config.toString()))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();

      String store = JdbcNoteStore.sqliteUrl(data.resolve("takeaways.db"));
      await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
        assertThat(up.isAlive()).as("takeaways up exited:\n" + Files.readString(log)).isTrue();
        return StoreRows.count(store, "SELECT COUNT(*) FROM takeaways") == 1;
      });
      assertThat(StoreRows.count(store, "SELECT COUNT(*) FROM notes WHERE id = 'secured.md'")).isEqualTo(1);
      // Healthy: every stage's client got through. A stage may be between two states for a moment (the
      // enrich stream settling its six partitions' tasks), so wait for it.
      HttpRequest healthRequest = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/health")).build();
      HttpResponse<String> health = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
          .until(() -> HttpClient.newHttpClient().send(healthRequest, HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 200);
      assertThat(health.body()).contains("\"status\":\"UP\"");

      // The publisher's producer got through too: the takeaway is on takeaways.tagged, read with the same settings.
      Map<String, Object> consumer = new HashMap<>(client);
      consumer.putAll(Map.of("bootstrap.servers", bootstrap, "group.id", "secured-it", "auto.offset.reset", "earliest",
          "isolation.level", "read_committed"));
      try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
        c.subscribe(List.of(Topics.TAKEAWAYS_TAGGED.name()));
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
          c.poll(Duration.ofMillis(500)).forEach(seen::add);
          return !seen.isEmpty();
        });
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).value()).contains("tool:packer", "tool:kubernetes");
      }
      assertThat(Files.readString(log)).doesNotContain(PASSWORD);
    }
  }
}
