package dev.takeaways.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counters every stage reports the same way, after Vector's component specification: events
 * and bytes received and sent, errors, and discarded events, each with its unit. Dashboards and
 * rules read throughput, errors and losses of any stage from these alone.
 */
public final class ComponentCounters {
  private final MeterRegistry registry;
  private final Stage stage;
  private final Counter receivedEvents;
  private final Counter receivedBytes;
  private final Counter sentEvents;
  private final Counter sentBytes;
  private final Counter discardedIntentionally;
  private final Counter discardedOtherwise;

  public ComponentCounters(MeterRegistry registry, Stage stage) {
    this.registry = registry;
    this.stage = stage;
    this.receivedEvents = counter(MetricNames.COMPONENT_RECEIVED_EVENTS, "events", "Events (notes or records) the stage received");
    this.receivedBytes = counter(MetricNames.COMPONENT_RECEIVED_BYTES, "bytes", "Bytes of the events the stage received");
    this.sentEvents = counter(MetricNames.COMPONENT_SENT_EVENTS, "events", "Events the stage passed on");
    this.sentBytes = counter(MetricNames.COMPONENT_SENT_BYTES, "bytes", "Bytes of the events the stage passed on");
    this.discardedIntentionally = discardedCounter(true);
    this.discardedOtherwise = discardedCounter(false);
  }

  private Counter counter(String name, String unit, String description) {
    return Counter.builder(name).baseUnit(unit).description(description).tag(MetricNames.STAGE, stage.tagValue()).register(registry);
  }

  private Counter discardedCounter(boolean intentional) {
    return Counter.builder(MetricNames.COMPONENT_DISCARDED_EVENTS)
        .baseUnit("events")
        .description("Events the stage did not pass on: intentional (filtered) or not (rejected, dead-lettered)")
        .tag(MetricNames.STAGE, stage.tagValue())
        .tag(MetricNames.INTENTIONAL, Boolean.toString(intentional))
        .register(registry);
  }

  /** One event of {@code bytes} received. */
  public void received(long bytes) {
    receivedEvents.increment();
    receivedBytes.increment(bytes);
  }

  /** One event of {@code bytes} passed on. */
  public void sent(long bytes) {
    sentEvents.increment();
    sentBytes.increment(bytes);
  }

  /** One error of a bounded {@code type} (e.g. {@code store-unavailable}); the event may be retried. */
  public void error(String type) {
    Counter.builder(MetricNames.COMPONENT_ERRORS)
        .baseUnit("errors")
        .description("Errors the stage met, by type")
        .tag(MetricNames.STAGE, stage.tagValue())
        .tag(MetricNames.ERROR_TYPE, type)
        .register(registry)
        .increment();
  }

  /** One event not passed on. */
  public void discarded(boolean intentional) {
    (intentional ? discardedIntentionally : discardedOtherwise).increment();
  }
}
