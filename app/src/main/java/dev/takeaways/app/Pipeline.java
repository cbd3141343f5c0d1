package dev.takeaways.app;

import dev.takeaways.enrich.EnrichContract;
import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.enrich.topology.EnrichStreams;
import dev.takeaways.enrich.topology.EnrichTopology;
import dev.takeaways.ingest.Checkpoint;
import dev.takeaways.ingest.DiskSpace;
import dev.takeaways.ingest.FolderWatcher;
import dev.takeaways.ingest.IngestContract;
import dev.takeaways.ingest.KafkaNoteSink;
import dev.takeaways.ingest.NoteHttpServer;
import dev.takeaways.ingest.NoteIngestor;
import dev.takeaways.ingest.NoteSources;
import dev.takeaways.ingest.NoteValidator;
import dev.takeaways.metrics.Assertion;
import dev.takeaways.metrics.AssertionChecker;
import dev.takeaways.metrics.MetricsServer;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.Hashes;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.Topics;
import dev.takeaways.publish.JdbcNoteStore;
import dev.takeaways.publish.PublishContract;
import dev.takeaways.publish.SingleWriter;
import dev.takeaways.publish.StorePublisher;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of a running process: builds the stages that {@link PipelineSettings} asks
 * for, starts them, and closes them in reverse order. {@code up} runs all three; {@code ingest},
 * {@code enrich} and {@code publish} run one each.
 */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /** Every assertion of every stage: what /assertions lists and what rules will be made of. */
  public static final List<Assertion> ASSERTIONS =
      Stream.of(IngestContract.ALL, EnrichContract.ALL, PublishContract.ALL).flatMap(List::stream).toList();

  private final PrometheusMeterRegistry registry;
  private final AssertionChecker checker;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final List<Thread> threads = new ArrayList<>();
  private final Map<String, BooleanSupplier> readiness = new LinkedHashMap<>();
  private MetricsServer metricsServer;
  private InetSocketAddress httpAddress;

  private Pipeline() {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags(List.of(Tag.of("application", "takeaways")));
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    resources.push(gc);
    resources.push(registry::close);
    this.checker = new AssertionChecker(registry, ASSERTIONS);
  }

  /** Builds and starts the stages {@code settings} names. On failure, closes what it started. */
  public static Pipeline start(PipelineSettings settings) throws Exception {
    Pipeline p = new Pipeline();
    try {
      p.startStages(settings);
      return p;
    } catch (Exception | Error e) {
      p.close();
      throw e;
    }
  }

  /**
   * A stable group member identity for a stage of this process (static membership): the same host
   * and data folder give the same id, so a process restarted after a crash takes its partitions back
   * at once instead of waiting for the dead member's session to expire; another data folder (another
   * process, another container) gives another id.
   */
  static String instanceId(String stage, Path dataDir) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    String where = host + ":" + dataDir.toAbsolutePath().normalize();
    return "takeaways-" + stage + "-" + host + "-" + Hashes.sha256(where).substring(0, 12);
  }

  private void startStages(PipelineSettings s) throws Exception {
    Clock clock = Clock.systemUTC();
    readiness.putAll(s.checks());
    // Warm the paths of the first note (parse, extract, tag; JSON and the store's statements) before
    // it comes: cold, it took over a second more than the next ones.
    NoteEnricher enricher = s.enrich() ? NoteEnricher.withTaxonomy(s.taxonomy(), s.minConfidence()) : null;
    EnrichedNote sample = enricher == null ? null : enricher.warmUp();
    if (s.storeUrl() != null) {
      resources.push(SingleWriter.acquire(s.storeUrl()));
      JdbcNoteStore store = JdbcNoteStore.open(s.storeUrl(), clock);
      resources.push(store);
      Map<String, Object> publishKafka = new LinkedHashMap<>(s.kafka());
      publishKafka.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId("publish", s.dataDir()));
      StorePublisher publisher = new StorePublisher(publishKafka, store, registry, checker, clock);
      resources.push(publisher);
      readiness.put("publish", publisher::isHealthy);
      if (sample != null) {
        publisher.warmUp(sample);
      }
      thread("publish", publisher);
    }
    if (enricher != null) {
      Map<String, String> overrides = new LinkedHashMap<>();
      s.kafka().forEach((k, v) -> overrides.put(k, String.valueOf(v)));
      overrides.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
          instanceId("enrich", s.dataDir()));
      Properties config = EnrichStreams.config(s.bootstrapServers(), s.dataDir().resolve("streams"), overrides);
      EnrichStreams streams = new EnrichStreams(EnrichTopology.build(enricher, registry, checker, clock, config), config, registry, checker);
      resources.push(streams);
      readiness.put("enrich", streams::isRunning);
      streams.start();
    }
    if (s.watch() != null) {
      KafkaNoteSink sink = new KafkaNoteSink(s.kafka(), Duration.ofSeconds(10), registry);
      resources.push(sink);
      NoteIngestor ingestor = new NoteIngestor(new NoteValidator(Topics.MAX_NOTE_BYTES), sink, registry, checker, clock, true);
      Checkpoint checkpoint = Checkpoint.load(s.dataDir().resolve("ingest-checkpoint.json"));
      DiskSpace disk = DiskSpace.of(s.dataDir());
      FolderWatcher watcher = new FolderWatcher(s.watch(), ingestor, checkpoint, s.watchSettings(), clock).withDiskSpace(disk);
      readiness.put("disk", () -> !disk.low());
      resources.push(watcher);
      readiness.put("ingest", watcher::isReady);
      thread("ingest", watcher);
      if (s.http() != null) {
        NoteSources sources = new NoteSources(s.kafka());
        resources.push(sources);
        thread("note-sources", sources);
        // A POST may not replace a note of the watched folder, nor one that git or push sent.
        Function<String, String> ownerOf = id -> {
          if (checkpoint.has(id)) {
            return "the watched folder";
          }
          String source = sources.sourceOf(id);
          return RawNote.Source.HTTP.equals(source) ? null : source;
        };
        NoteHttpServer http = new NoteHttpServer(s.http(), ingestor, Topics.MAX_NOTE_BYTES, ownerOf, disk);
        resources.push(http);
        httpAddress = http.address();
      }
    }
    if (s.metrics() != null) {
      metricsServer = new MetricsServer(s.metrics(), registry, checker, readiness);
      resources.push(metricsServer);
    }
  }

  private void thread(String name, Runnable body) {
    Thread t = new Thread(body, "takeaways-" + name);
    t.setUncaughtExceptionHandler((th, e) -> LOG.error("{} stopped", name, e));
    t.start();
    threads.add(t);
  }

  /** Whether every stage is ready. */
  public boolean isReady() {
    return readiness.values().stream().allMatch(BooleanSupplier::getAsBoolean);
  }

  /** The stages that are not ready yet. */
  public List<String> notReady() {
    return readiness.entrySet().stream().filter(e -> !e.getValue().getAsBoolean()).map(Map.Entry::getKey).toList();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public AssertionChecker checker() {
    return checker;
  }

  /** The metrics endpoint's base URL, or null when there is none. */
  public String metricsUrl() {
    return metricsServer == null ? null : metricsServer.baseUrl();
  }

  /** The base URL of {@code POST /notes}, or null when there is none. */
  public String notesUrl() {
    return httpAddress == null ? null : "http://" + httpAddress.getHostString() + ":" + httpAddress.getPort() + "/notes";
  }

  /** Stops the sources first, then enrich, then publish, so that in-flight notes drain in order. */
  @Override
  public void close() {
    while (!resources.isEmpty()) {
      AutoCloseable r = resources.pop();
      try {
        r.close();
      } catch (Exception e) {
        LOG.warn("while stopping: {}", e.toString());
      }
    }
    for (Thread t : threads) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
