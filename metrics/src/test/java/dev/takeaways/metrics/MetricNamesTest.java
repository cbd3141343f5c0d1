package dev.takeaways.metrics;

import static dev.takeaways.metrics.MetricNames.ENRICH_NOTES;
import static dev.takeaways.metrics.MetricNames.OUTCOME;
import static dev.takeaways.metrics.MetricNames.STATE;
import static dev.takeaways.metrics.MetricNames.STREAMS_STATE;
import static dev.takeaways.metrics.MetricNames.counter;
import static dev.takeaways.metrics.MetricNames.gauge;
import static dev.takeaways.metrics.MetricNames.is;
import static dev.takeaways.metrics.MetricNames.isOneOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** The PromQL the contracts write from metric names: the series names Prometheus shows. */
class MetricNamesTest {
  @Test
  void selectorsNameTheSeriesAsPrometheusShowsThem() {
    assertThat(counter(ENRICH_NOTES)).isEqualTo("takeaways_enrich_notes_total");
    assertThat(counter(ENRICH_NOTES, is(OUTCOME, "enriched"))).isEqualTo("takeaways_enrich_notes_total{outcome=\"enriched\"}");
    assertThat(gauge(STREAMS_STATE, isOneOf(STATE, "error", "pending_error"), is("application", "takeaways")))
        .isEqualTo("takeaways_streams_state{state=~\"error|pending_error\",application=\"takeaways\"}");
  }

  @Test
  void theCounterNameIsTheOneTheRegistryWrites() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Counter.builder(ENRICH_NOTES).tag(OUTCOME, "enriched").register(registry).increment();

    assertThat(registry.scrape()).contains(counter(ENRICH_NOTES, is(OUTCOME, "enriched")) + " 1.0");
  }
}
