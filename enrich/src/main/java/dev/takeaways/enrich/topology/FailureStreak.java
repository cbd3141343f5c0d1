package dev.takeaways.enrich.topology;

/**
 * A stage's failures in a row with no progress between them: a stream thread that fails, is
 * replaced, and fails again on the same record is stuck, though Kafka Streams says RUNNING.
 * Progress is any count that grows as records are finished (notes enriched, deleted or
 * dead-lettered). Thread-safe; pure.
 */
final class FailureStreak {
  /** How many failures in a row, without progress, make the stage stuck. */
  static final int STUCK_AFTER = 3;

  private double progressAtLastFailure = Double.NaN;
  private int failures;

  /** Counts a failure at {@code progress}; returns how many in a row without progress. */
  synchronized int failed(double progress) {
    failures = progress == progressAtLastFailure ? failures + 1 : 1;
    progressAtLastFailure = progress;
    return failures;
  }

  /** How many failures in a row there have been with no progress since: 0 once there is progress. */
  synchronized int inARow(double progress) {
    return progress == progressAtLastFailure ? failures : 0;
  }

  /** Whether the stage is stuck: {@link #STUCK_AFTER} failures in a row, and no progress since. */
  synchronized boolean stuck(double progress) {
    return failures >= STUCK_AFTER && progress == progressAtLastFailure;
  }
}
