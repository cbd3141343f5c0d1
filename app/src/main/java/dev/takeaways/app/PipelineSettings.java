package dev.takeaways.app;

import dev.takeaways.enrich.tag.Taxonomy;
import dev.takeaways.enrich.tag.TaxonomyMatcher;
import dev.takeaways.ingest.FolderWatcher;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What a process runs and where: read from flags and environment by the commands, handed to {@link
 * Pipeline}. A null stage setting leaves that stage out.
 *
 * @param kafka client settings for every Kafka client (bootstrap servers and pass-through settings)
 * @param dataDir where state lives (checkpoint, Streams state)
 * @param watch the folder to watch, or null to run no folder watch
 * @param enrich whether to run the enrich stream
 * @param storeUrl the JDBC URL of the store, or null to run no publisher
 * @param metrics the address of the metrics endpoint, or null for none
 * @param http the address of {@code POST /notes}, or null for none (only with a folder watch)
 * @param watchSettings how the folder watch follows its folder (debounce, events or polling, globs)
 * @param checks readiness checks of parts started outside the pipeline (the embedded broker), by name
 */
public record PipelineSettings(
    Map<String, Object> kafka,
    Path dataDir,
    Path watch,
    boolean enrich,
    String storeUrl,
    InetSocketAddress metrics,
    InetSocketAddress http,
    FolderWatcher.Settings watchSettings,
    Taxonomy taxonomy,
    double minConfidence,
    Map<String, BooleanSupplier> checks) {
  public PipelineSettings {
    kafka = Map.copyOf(kafka);
    checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(watchSettings, "watchSettings");
    Objects.requireNonNull(taxonomy, "taxonomy");
  }

  /** Settings with no readiness checks of their own. */
  public PipelineSettings(
      Map<String, Object> kafka, Path dataDir, Path watch, boolean enrich, String storeUrl, InetSocketAddress metrics,
      InetSocketAddress http, FolderWatcher.Settings watchSettings, Taxonomy taxonomy, double minConfidence) {
    this(kafka, dataDir, watch, enrich, storeUrl, metrics, http, watchSettings, taxonomy, minConfidence, Map.of());
  }

  /** Settings with the tagger's default confidence threshold. */
  public PipelineSettings(
      Map<String, Object> kafka, Path dataDir, Path watch, boolean enrich, String storeUrl, InetSocketAddress metrics,
      InetSocketAddress http, FolderWatcher.Settings watchSettings, Taxonomy taxonomy) {
    this(kafka, dataDir, watch, enrich, storeUrl, metrics, http, watchSettings, taxonomy, TaxonomyMatcher.DEFAULT_MIN_CONFIDENCE);
  }

  /** These settings with one more readiness check, reported on {@code /health} under {@code name}. */
  public PipelineSettings withCheck(String name, BooleanSupplier check) {
    Map<String, BooleanSupplier> more = new LinkedHashMap<>(checks);
    more.put(name, check);
    return new PipelineSettings(kafka, dataDir, watch, enrich, storeUrl, metrics, http, watchSettings, taxonomy, minConfidence, more);
  }

  public String bootstrapServers() {
    return String.valueOf(kafka.get("bootstrap.servers"));
  }
}
