package dev.takeaways.enrich.topology;

import dev.takeaways.metrics.ComponentCounters;
import dev.takeaways.metrics.MetricNames;
import dev.takeaways.metrics.Stage;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.Tag;
import dev.takeaways.model.Takeaway;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The enrich stage's meters. */
final class EnrichMetrics {
  private final MeterRegistry registry;
  private final Timer duration;
  private final ComponentCounters components;
  private final Counter taggedTakeaways;
  /** Every outcome recorded by this instance, so a caller can check that a record had exactly one. */
  private long outcomes;

  EnrichMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.duration =
        Timer.builder(MetricNames.ENRICH_DURATION)
            .description("Time to parse, extract and tag one note")
            .publishPercentileHistogram()
            .register(registry);
    this.components = new ComponentCounters(registry, Stage.ENRICH);
    this.taggedTakeaways =
        Counter.builder(MetricNames.ENRICH_TAGGED_TAKEAWAYS).description("Takeaways extracted by enrich with at least one tag").register(registry);
    for (String outcome : new String[] {"enriched", "deleted"}) {
      counter(outcome, MetricNames.NONE);
    }
  }

  Timer duration() {
    return duration;
  }

  ComponentCounters components() {
    return components;
  }

  /** Counts one outcome of one record: {@code enriched}, {@code deleted} or {@code dead-lettered}. */
  void outcome(String outcome, String reason) {
    counter(outcome, reason).increment();
    outcomes++;
  }

  /** How many outcomes have been counted so far. */
  long outcomes() {
    return outcomes;
  }

  private Counter counter(String outcome, String reason) {
    return Counter.builder(MetricNames.ENRICH_NOTES)
        .description("Notes read by enrich, by outcome")
        .tag(MetricNames.OUTCOME, outcome)
        .tag(MetricNames.REASON, reason)
        .register(registry);
  }

  void enriched(EnrichedNote note) {
    outcome("enriched", MetricNames.NONE);
    for (Takeaway t : note.takeaways()) {
      registry.counter(MetricNames.ENRICH_TAKEAWAYS, MetricNames.KIND, t.kind().wireName()).increment();
      if (!t.tags().isEmpty()) {
        taggedTakeaways.increment();
      }
      for (Tag tag : t.tags()) {
        registry.counter(MetricNames.ENRICH_TAGS, MetricNames.TYPE, tag.type()).increment();
      }
    }
  }
}
