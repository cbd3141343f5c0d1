package dev.takeaways.metrics;

import java.util.Locale;

/**
 * What an assertion constrains. Pre- and postconditions are checked on every record; invariants
 * and SLOs hold over the exported metrics (and may also be checked on every record).
 */
public enum AssertionKind {
  PRECONDITION,
  POSTCONDITION,
  INVARIANT,
  SLO;

  public String tagValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
