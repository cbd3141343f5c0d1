package dev.takeaways.app.cli;

import dev.takeaways.app.Pipeline;
import dev.takeaways.app.PipelineSettings;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** A command that runs stages until stopped: {@code up}, {@code ingest}, {@code enrich}, {@code publish}. */
abstract class ServiceCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceCommand.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  @Mixin DataOptions data;
  @Mixin KafkaOptions kafka;
  @Mixin MetricsOptions metrics;
  @Mixin TopicOptions topics;

  /** What this command started, closed last-first on Ctrl-C or a failed start. */
  protected Shutdown shutdown;

  /** Starts whatever the pipeline needs (registering it with {@link #shutdown}) and returns its settings. */
  protected abstract PipelineSettings prepare() throws Exception;

  /** The ready line's details, e.g. the folder watched and the store. */
  protected abstract String describe(Pipeline pipeline);

  @Override
  public final Integer call() throws Exception {
    long start = System.nanoTime();
    shutdown = Shutdown.install();
    Pipeline pipeline;
    try {
      PipelineSettings settings = prepare();
      pipeline = Pipeline.start(settings);
      shutdown.add(pipeline);
    } catch (Exception e) {
      shutdown.closeAll();
      throw e;
    }
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!pipeline.isReady() && !Shutdown.inProgress()) {
      if (System.nanoTime() > deadline) {
        LOG.error("not ready after {} s: {}", READY_TIMEOUT.toSeconds(), pipeline.notReady());
        shutdown.closeAll();
        return ExitCodes.FAILED;
      }
      Thread.sleep(20);
    }
    if (!Shutdown.inProgress()) {
      double seconds = (System.nanoTime() - start) / 1e9;
      LOG.info("takeaways {} is ready in {} s: {}", name(), String.format("%.1f", seconds), describe(pipeline));
    }
    shutdown.await();
    return ExitCodes.OK;
  }

  private String name() {
    return getClass().getAnnotation(CommandLine.Command.class).name();
  }

  static String metricsPart(Pipeline pipeline) {
    String metrics = pipeline.metricsUrl() == null ? "no metrics endpoint" : "metrics " + pipeline.metricsUrl() + "/metrics";
    return pipeline.notesUrl() == null ? metrics : metrics + " | POST " + pipeline.notesUrl();
  }
}
