package dev.takeaways.app.cli;

import dev.takeaways.app.Pipeline;
import dev.takeaways.app.PipelineSettings;
import java.nio.file.Path;
import dev.takeaways.enrich.tag.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The folder watch alone, against an external Kafka. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Watches a folder and produces its notes to notes.raw.")
public final class IngestCommand extends ServiceCommand {
  @Option(names = {"--watch", "-w"}, paramLabel = "DIR", required = true, description = "The folder of notes to watch.")
  Path watch;

  @CommandLine.Mixin WatchOptions watchOptions;
  @CommandLine.Mixin HttpOptions http;

  @Override
  protected PipelineSettings prepare() throws Exception {
    topics.install(kafka.clientConfig(), false);
    return new PipelineSettings(kafka.clientConfig(), data.dataDir(), watch, false, null, metrics.address(), http.address(), watchOptions.settings(), Taxonomy.bundled());
  }

  @Override
  protected String describe(Pipeline pipeline) {
    return "watching " + watch + " | kafka " + kafka.bootstrapServers() + " | " + metricsPart(pipeline);
  }
}
