package dev.takeaways.metrics;

import java.util.Locale;

/** The stages of the pipeline, as they appear in metric tags and assertion names. */
public enum Stage {
  INGEST,
  ENRICH,
  PUBLISH,
  END_TO_END;

  public String tagValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
