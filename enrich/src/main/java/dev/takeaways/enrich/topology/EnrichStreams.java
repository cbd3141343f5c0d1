package dev.takeaways.enrich.topology;

import dev.takeaways.enrich.EnrichContract;
import dev.takeaways.metrics.AssertionChecker;
import dev.takeaways.metrics.MetricNames;
import dev.takeaways.model.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the enrich topology as a Kafka Streams application with exactly-once processing. */
public final class EnrichStreams implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichStreams.class);
  public static final String APPLICATION_ID = "takeaways-enrich";

  private final KafkaStreams streams;
  private final MeterRegistry registry;
  private final FailureStreak streak = new FailureStreak();
  private final KafkaStreamsMetrics metrics;

  public EnrichStreams(Topology topology, Properties config, MeterRegistry registry) {
    this(topology, config, registry, new AssertionChecker(registry, List.of()));
  }

  /** @param checker where {@link dev.takeaways.enrich.EnrichContract#STREAM_MAKES_PROGRESS} is checked */
  public EnrichStreams(Topology topology, Properties config, MeterRegistry registry, AssertionChecker checker) {
    this.registry = registry;
    this.streams = new KafkaStreams(topology, config);
    this.metrics = new KafkaStreamsMetrics(streams);
    metrics.bindTo(registry);
    for (KafkaStreams.State state : KafkaStreams.State.values()) {
      Gauge.builder(MetricNames.STREAMS_STATE, streams, s -> s.state() == state ? 1 : 0)
          .description("1 for the Kafka Streams state enrich is in, 0 for the others")
          .tag(MetricNames.STATE, state.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    Gauge.builder(MetricNames.ENRICH_FAILURES_IN_A_ROW, this, x -> streak.inARow(progress()))
        .description("How many times in a row the enrich stream thread failed without finishing a note")
        .register(registry);
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.ERROR) {
            LOG.error("enrich stopped: Kafka Streams is in state ERROR");
          } else {
            LOG.debug("enrich state {} -> {}", before, now);
          }
        });
    streams.setUncaughtExceptionHandler(
        e -> {
          int inARow = streak.failed(progress());
          LOG.error("enrich stream thread failed ({} in a row without finishing a note); replacing it", inARow, e);
          checker.check(EnrichContract.STREAM_MAKES_PROGRESS, inARow < FailureStreak.STUCK_AFTER,
              () -> "the enrich stream thread failed " + inARow + " times in a row without finishing a note");
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
  }

  /**
   * The settings enrich runs with: exactly-once v2, state under {@code stateDir}, and a short commit
   * interval since end-to-end latency is bounded by it under exactly-once.
   *
   * @param overrides client settings that win over these (e.g. from {@code --kafka-config})
   */
  public static Properties config(String bootstrapServers, Path stateDir, Map<String, String> overrides) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_RECORD_BYTES);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    // After a crash, the dead member holds its tasks until its session expires: keep that short.
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
    p.put("processing.exception.handler.global.enabled", true);
    p.putAll(overrides);
    return p;
  }

  public void start() {
    streams.start();
  }

  /** Whether the application is processing (readiness): running, and not stuck failing on one record. */
  public boolean isRunning() {
    return streams.state() == KafkaStreams.State.RUNNING && !streak.stuck(progress());
  }

  /** How many notes enrich has finished (enriched, deleted or dead-lettered). */
  private double progress() {
    return registry.find(MetricNames.ENRICH_NOTES).counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  @Override
  public void close() {
    metrics.close();
    // Leave the group so that the next start gets its tasks at once instead of after a session timeout.
    streams.close(CloseOptions.timeout(Duration.ofSeconds(30)).withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }
}
