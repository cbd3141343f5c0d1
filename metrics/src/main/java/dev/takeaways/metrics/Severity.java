package dev.takeaways.metrics;

import java.util.Locale;

/** How urgent a failing assertion is: {@code page} wakes someone, {@code ticket} waits for a workday. */
public enum Severity {
  PAGE,
  TICKET;

  public String tagValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
