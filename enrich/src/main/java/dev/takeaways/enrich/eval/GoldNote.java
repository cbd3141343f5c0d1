package dev.takeaways.enrich.eval;

import java.util.Objects;

/**
 * One note's hand-made labels and the split it belongs to.
 *
 * @param split {@code tune} (seen while curating), {@code check} (held out: read its mistakes only
 *     after a change is decided), or any other name a gold file uses; {@code ""} when it gives none
 */
public record GoldNote(Labels labels, String split) {
  public GoldNote {
    Objects.requireNonNull(labels, "labels");
    split = split == null ? "" : split;
  }
}
