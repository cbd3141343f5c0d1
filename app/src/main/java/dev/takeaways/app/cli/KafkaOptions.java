package dev.takeaways.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/** Where Kafka is: flags first, then {@code KAFKA_BOOTSTRAP_SERVERS}, then 127.0.0.1:9092. */
public final class KafkaOptions {
  public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

  @Option(
      names = {"--bootstrap-servers", "-b"},
      paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers (env KAFKA_BOOTSTRAP_SERVERS; default " + DEFAULT_BOOTSTRAP + ").")
  String bootstrapServers;

  @Option(
      names = "--kafka-config",
      paramLabel = "FILE",
      description = "A .properties file of Kafka client settings (SASL, TLS, ...) passed to every Kafka client.")
  Path kafkaConfig;

  /** The bootstrap servers the user named (flag or environment), or null when they named none. */
  public String explicitBootstrapServers() {
    if (bootstrapServers != null && !bootstrapServers.isBlank()) {
      return bootstrapServers;
    }
    return Env.value("KAFKA_BOOTSTRAP_SERVERS");
  }

  public String bootstrapServers() {
    String explicit = explicitBootstrapServers();
    return explicit == null ? DEFAULT_BOOTSTRAP : explicit;
  }

  /** Client settings for {@code bootstrap}: the config file's, then the bootstrap servers. */
  public Map<String, Object> clientConfig(String bootstrap) throws IOException {
    Map<String, Object> config = new LinkedHashMap<>();
    if (kafkaConfig != null) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(kafkaConfig)) {
        p.load(r);
      }
      p.forEach((k, v) -> config.put(k.toString(), v));
    }
    config.put("bootstrap.servers", bootstrap);
    return config;
  }

  public Map<String, Object> clientConfig() throws IOException {
    return clientConfig(bootstrapServers());
  }
}
