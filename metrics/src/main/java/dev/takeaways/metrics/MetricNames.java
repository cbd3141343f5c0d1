package dev.takeaways.metrics;

/**
 * Every metric name and tag key of the pipeline, in Micrometer's dot notation (the Prometheus
 * registry turns {@code takeaways.ingest.notes} into {@code takeaways_ingest_notes_total}). Code,
 * assertions and generated rules share these constants. Tag values are bounded enums; never ids.
 */
public final class MetricNames {
  private MetricNames() {}

  /** Notes seen by ingest, by {@link #OUTCOME} ({@code sent}, {@code deleted}, {@code rejected}, {@code unchanged}) and {@link #REASON}. */
  public static final String INGEST_NOTES = "takeaways.ingest.notes";

  /** Notes read by enrich, by {@link #OUTCOME} ({@code enriched}, {@code deleted}, {@code dead-lettered}) and {@link #REASON}. */
  public static final String ENRICH_NOTES = "takeaways.enrich.notes";

  /** Takeaways extracted by enrich, by {@link #KIND}. */
  public static final String ENRICH_TAKEAWAYS = "takeaways.enrich.takeaways";

  /** Tags attached by enrich, by {@link #TYPE} ({@code tool}, {@code practice}). */
  public static final String ENRICH_TAGS = "takeaways.enrich.tags";

  /** Time to parse, extract and tag one note. */
  public static final String ENRICH_DURATION = "takeaways.enrich.duration";

  /** Time for ingest to validate one note and have Kafka acknowledge it. */
  public static final String INGEST_DURATION = "takeaways.ingest.duration";

  /** Time for publish to apply one note to the store and commit. */
  public static final String PUBLISH_DURATION = "takeaways.publish.duration";
  /** Notes applied per store transaction (a summary). */
  public static final String PUBLISH_BATCH_NOTES = "takeaways.publish.batch.notes";

  /** Enriched records applied by publish, by {@link #OUTCOME} ({@code stored}, {@code deleted}, {@code failed}). */
  public static final String PUBLISH_NOTES = "takeaways.publish.notes";

  /** Store errors met by publish (each retried). */
  public static final String PUBLISH_ERRORS = "takeaways.publish.errors";

  /** Time from a source reading a note to the store committing it. */
  public static final String E2E_LATENCY = "takeaways.e2e.latency";

  /** Assertion checks, by {@link #ASSERTION}, {@link #STAGE} and {@link #OUTCOME} ({@code pass}, {@code fail}). */
  public static final String ASSERTION_CHECKS = "takeaways.assertion.checks";

  /** Takeaways extracted by enrich that carry at least one tag. */
  public static final String ENRICH_TAGGED_TAKEAWAYS = "takeaways.enrich.tagged.takeaways";

  /** 1 for the Kafka Streams state enrich is in, 0 for the others, by {@link #STATE}. */
  public static final String STREAMS_STATE = "takeaways.streams.state";

  /** Gauge: how many times in a row enrich's stream thread failed without finishing a note (0 once one is). */
  public static final String ENRICH_FAILURES_IN_A_ROW = "takeaways.enrich.stream.failures.in.a.row";

  /**
   * The component counters every stage reports, after Vector's component specification, by {@link
   * #STAGE}: events (notes or records) and their bytes received and sent, errors by {@link
   * #ERROR_TYPE}, and events discarded (rejected or dead-lettered: not passed on) by {@link
   * #INTENTIONAL}.
   */
  public static final String COMPONENT_RECEIVED_EVENTS = "takeaways.component.received.events";
  public static final String COMPONENT_RECEIVED_BYTES = "takeaways.component.received.event.bytes";
  public static final String COMPONENT_SENT_EVENTS = "takeaways.component.sent.events";
  public static final String COMPONENT_SENT_BYTES = "takeaways.component.sent.event.bytes";
  public static final String COMPONENT_ERRORS = "takeaways.component.errors";
  public static final String COMPONENT_DISCARDED_EVENTS = "takeaways.component.discarded.events";

  public static final String OUTCOME = "outcome";
  public static final String STATE = "state";
  public static final String ERROR_TYPE = "error_type";
  public static final String INTENTIONAL = "intentional";
  public static final String REASON = "reason";
  public static final String KIND = "kind";
  public static final String TYPE = "type";
  /**
   * The part of the pipeline ({@code ingest}, {@code enrich}, {@code publish}) on every metric, alert
   * and dead letter: Vector's {@code component_id}. Vector's own {@code stage} tag on errors
   * (receiving, processing, sending) is not used; {@link #ERROR_TYPE} says what failed. The README's
   * table of tag keys is the reference.
   */
  public static final String STAGE = "stage";
  public static final String ASSERTION = "assertion";

  /** The name Prometheus shows for counter {@code name}: {@code a.b} becomes {@code a_b_total}. */
  public static String prometheusCounter(String name) {
    return name.replace('.', '_') + "_total";
  }

  /** The name Prometheus shows for gauge {@code name}: {@code a.b} becomes {@code a_b}. */
  public static String prometheusGauge(String name) {
    return name.replace('.', '_');
  }

  /** A PromQL series selector: {@code name{m1,m2}}, or the name alone without matchers. */
  public static String select(String prometheusName, String... matchers) {
    return matchers.length == 0 ? prometheusName : prometheusName + "{" + String.join(",", matchers) + "}";
  }

  /** The PromQL selector of counter {@code name}'s series: {@code a_b_total{m1,m2}}. */
  public static String counter(String name, String... matchers) {
    return select(prometheusCounter(name), matchers);
  }

  /** The PromQL selector of gauge {@code name}'s series: {@code a_b{m1,m2}}. */
  public static String gauge(String name, String... matchers) {
    return select(prometheusGauge(name), matchers);
  }

  /** The PromQL matcher {@code key="value"}. */
  public static String is(String key, String value) {
    return key + "=\"" + value + "\"";
  }

  /** The PromQL matcher {@code key=~"a|b"}: any of the values. */
  public static String isOneOf(String key, String... values) {
    return key + "=~\"" + String.join("|", values) + "\"";
  }

  /** The {@link #REASON} value when there is none. */
  public static final String NONE = "none";
}
