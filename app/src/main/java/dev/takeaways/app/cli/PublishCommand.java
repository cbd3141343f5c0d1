package dev.takeaways.app.cli;

import dev.takeaways.app.Pipeline;
import dev.takeaways.app.PipelineSettings;
import dev.takeaways.enrich.tag.Taxonomy;
import dev.takeaways.ingest.FolderWatcher;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The store publisher alone, against an external Kafka. */
@Command(name = "publish", mixinStandardHelpOptions = true, description = "Writes notes.enriched to the store.")
public final class PublishCommand extends ServiceCommand {
  @Mixin StoreOptions store;

  @Override
  protected PipelineSettings prepare() throws Exception {
    topics.install(kafka.clientConfig(), false);
    return new PipelineSettings(
        kafka.clientConfig(), data.dataDir(), null, false, store.storeUrl(data.dataDir()), metrics.address(), null, FolderWatcher.Settings.events(Duration.ZERO), Taxonomy.bundled());
  }

  @Override
  protected String describe(Pipeline pipeline) {
    return "kafka " + kafka.bootstrapServers() + " | store " + StoreOptions.printable(store.storeUrl(data.dataDir())) + " | " + metricsPart(pipeline);
  }
}
