package dev.takeaways.app.cli;

import dev.takeaways.app.Pipeline;
import dev.takeaways.app.PipelineSettings;
import dev.takeaways.broker.BrokerSupervisor;
import dev.takeaways.broker.EmbeddedKafkaBroker;
import dev.takeaways.ingest.DiskSpace;
import dev.takeaways.ui.UiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Everything in one process, for one user. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description =
        "Runs the whole pipeline in one process: an embedded Kafka broker (unless --bootstrap-servers"
            + " or KAFKA_BOOTSTRAP_SERVERS names one), the folder watch, enrich, the store publisher, /metrics and the web page.")
public final class UpCommand extends ServiceCommand {
  @Mixin StoreOptions store;
  @Mixin TaxonomyOptions taxonomy;

  @Option(names = {"--watch", "-w"}, paramLabel = "DIR", description = "The folder of notes to watch; created if missing (default ${DEFAULT-VALUE}).")
  Path watch = Path.of("notes");

  @Option(names = "--kafka-port", paramLabel = "PORT", description = "Client port of the embedded broker (default ${DEFAULT-VALUE}).")
  int kafkaPort = 9092;

  @Option(names = "--kafka-controller-port", paramLabel = "PORT", description = "KRaft controller port of the embedded broker (default ${DEFAULT-VALUE}).")
  int controllerPort = 9093;

  @Option(names = "--kafka-host", paramLabel = "HOST", description = "Address the embedded broker listens on (default ${DEFAULT-VALUE}).")
  String kafkaHost = "127.0.0.1";

  @Mixin WatchOptions watchOptions;
  @Mixin HttpOptions http;
  @Mixin UiOptions ui;

  private String storeUrl;
  private String embeddedBootstrap;
  private BrokerSupervisor broker;
  private UiServer page;

  @Override
  protected PipelineSettings prepare() throws Exception {
    Path dataDir = data.dataDir();
    Files.createDirectories(dataDir);
    Files.createDirectories(watch);
    String bootstrap = kafka.explicitBootstrapServers();
    boolean embedded = bootstrap == null;
    if (embedded) {
      try {
        DiskSpace disk = DiskSpace.of(dataDir);
        broker = BrokerSupervisor.start(
            () -> EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaHost, kafkaPort, controllerPort, Duration.ofSeconds(60)),
            () -> !disk.low(), Duration.ofSeconds(2));
        shutdown.add(broker);
        embeddedBootstrap = broker.bootstrapServers();
        bootstrap = broker.bootstrapServers();
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException(
            "cannot start the embedded Kafka broker on " + kafkaHost + ":" + kafkaPort + " (" + e.getMessage()
                + "). Is another takeaways up running? Choose --kafka-port, or name a cluster with --bootstrap-servers.", e);
      }
    }
    Map<String, Object> client = kafka.clientConfig(bootstrap);
    client = TopicOptions.withStreamsTopics(client, topics.install(client, embedded), embedded);
    storeUrl = store.storeUrl(dataDir);
    page = ui.start(storeUrl);
    if (page != null) {
      shutdown.add(page);
    }
    PipelineSettings settings = new PipelineSettings(
        client, dataDir, watch, true, storeUrl, metrics.address(), http.address(), watchOptions.settings(), taxonomy.taxonomy(), taxonomy.minConfidence());
    return broker == null ? settings : settings.withCheck("broker", broker::isUp);
  }

  @Override
  protected String describe(Pipeline pipeline) {
    String broker = embeddedBootstrap == null ? kafka.bootstrapServers() : embeddedBootstrap + " (embedded)";
    return "watching " + watch + " | kafka " + broker + " | store " + StoreOptions.printable(storeUrl) + " | " + metricsPart(pipeline)
        + (page == null ? "" : " | page " + page.url());
  }
}
