package dev.takeaways.metrics;

/**
 * The violation expression of a conservation invariant: what an upstream counter counted {@link
 * #DELAY} ago, a downstream expression must have counted by now. A process's counters restart with
 * it, so the comparison waits until every process has been up {@link #WARM_UP}.
 */
public final class Conservation {
  /** How long a note may take from the upstream count to the downstream one. */
  public static final String DELAY = " offset 5m";

  /** Silences the comparison until every process has been up ten minutes. */
  public static final String WARM_UP = " and on() min(process_uptime_seconds) > 600";

  private Conservation() {}

  /**
   * Violated while {@code upstream} (a counter selector, summed) as of {@link #DELAY} ago exceeds
   * {@code downstream} (an expression) now.
   */
  public static String violated(String upstream, String downstream) {
    return "sum(" + upstream + DELAY + ") - " + downstream + " > 0" + WARM_UP;
  }

  /** The same comparison judged at once, without the delay and the warm-up: for a settled test run. */
  public static String judgedNow(String violation) {
    return violation.replace(WARM_UP, "").replace(DELAY, "");
  }
}
