package dev.takeaways.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks declared assertions inline and counts every outcome. A failing assertion is logged at WARN
 * the first time only (later failures are counted, not logged), so a repeating fault does not
 * flood the log. Thread-safe.
 */
public final class AssertionChecker {
  private static final Logger LOG = LoggerFactory.getLogger(AssertionChecker.class);

  private final MeterRegistry registry;
  private final Map<String, Assertion> declared = new LinkedHashMap<>();
  private final Map<String, Counter> passes = new ConcurrentHashMap<>();
  private final Map<String, Counter> failures = new ConcurrentHashMap<>();
  private final Set<String> loggedFailures = ConcurrentHashMap.newKeySet();

  public AssertionChecker(MeterRegistry registry, Collection<Assertion> assertions) {
    this.registry = registry;
    for (Assertion a : assertions) {
      if (declared.putIfAbsent(a.name(), a) != null) {
        throw new IllegalArgumentException("assertion declared twice: " + a.name());
      }
      // Register both outcomes up front so dashboards and rules see zeros, not absent series.
      passes.put(a.name(), counter(a, "pass"));
      failures.put(a.name(), counter(a, "fail"));
    }
  }

  private Counter counter(Assertion a, String outcome) {
    return Counter.builder(MetricNames.ASSERTION_CHECKS)
        .description("Checks of the pipeline's declared assertions")
        .tag(MetricNames.ASSERTION, a.name())
        .tag(MetricNames.STAGE, a.stage().tagValue())
        .tag(MetricNames.OUTCOME, outcome)
        .register(registry);
  }

  /**
   * Records one check of {@code assertion}.
   *
   * @param holds whether it held
   * @param reason why it failed, computed only when it did
   * @return {@code holds}
   */
  public boolean check(Assertion assertion, boolean holds, Supplier<String> reason) {
    Counter counter = (holds ? passes : failures).get(assertion.name());
    if (counter == null) {
      throw new IllegalArgumentException("assertion not declared here: " + assertion.name());
    }
    counter.increment();
    if (!holds && loggedFailures.add(assertion.name())) {
      LOG.warn(
          "assertion {} failed: {} ({}); further failures are counted in {}",
          assertion.name(),
          reason.get(),
          assertion.description(),
          MetricNames.ASSERTION_CHECKS);
    }
    return holds;
  }

  /** The declared assertions, in declaration order. */
  public List<Assertion> assertions() {
    return List.copyOf(declared.values());
  }

  /** How often {@code assertion} passed and failed so far. */
  public Counts counts(Assertion assertion) {
    return new Counts(
        (long) passes.get(assertion.name()).count(), (long) failures.get(assertion.name()).count(), assertion.slo());
  }

  /**
   * Pass and fail counts of one assertion.
   *
   * @param slo the assertion's objective, or null for one that must always hold
   */
  public record Counts(long passed, long failed, Assertion.Slo slo) {
    /** Counts of an assertion that must always hold. */
    public Counts(long passed, long failed) {
      this(passed, failed, null);
    }

    /**
     * {@code unchecked} when never checked; for an assertion that must always hold, {@code failing}
     * after one failure, else {@code ok}; for an SLO, {@code not enough data} under {@link
     * Assertion.Slo#minEvents()} events, then {@code failing} when the bad share is over its budget,
     * else {@code ok}.
     */
    public String status() {
      long total = passed + failed;
      if (total == 0) {
        return "unchecked";
      }
      if (slo == null) {
        return failed > 0 ? "failing" : "ok";
      }
      if (total < slo.minEvents()) {
        return "not enough data";
      }
      return (double) failed / total > slo.budget() ? "failing" : "ok";
    }
  }
}
