package dev.takeaways.app.cli;

import dev.takeaways.app.Pipeline;
import dev.takeaways.app.PipelineSettings;
import dev.takeaways.ingest.FolderWatcher;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The enrich stream alone, against an external Kafka. Run more of them to share the work. */
@Command(name = "enrich", mixinStandardHelpOptions = true, description = "Runs the enrich stream: notes.raw to notes.enriched and takeaways.tagged.")
public final class EnrichCommand extends ServiceCommand {
  @CommandLine.Mixin TaxonomyOptions taxonomy;

  @Override
  protected PipelineSettings prepare() throws Exception {
    Map<String, Object> client = TopicOptions.withStreamsTopics(kafka.clientConfig(), topics.install(kafka.clientConfig(), false), false);
    return new PipelineSettings(client, data.dataDir(), null, true, null, metrics.address(), null, FolderWatcher.Settings.events(Duration.ZERO), taxonomy.taxonomy(), taxonomy.minConfidence());
  }

  @Override
  protected String describe(Pipeline pipeline) {
    return "kafka " + kafka.bootstrapServers() + " | " + metricsPart(pipeline);
  }
}
