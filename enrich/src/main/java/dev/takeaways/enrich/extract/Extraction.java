package dev.takeaways.enrich.extract;

import dev.takeaways.model.Session;
import dev.takeaways.model.Takeaway;
import java.util.List;

/**
 * The sessions and (untagged) takeaways of one note, and its title as the body gives it.
 *
 * @param firstHeading the note's title as its body gives it (its first top-level heading, or the
 *     heading it opens with), or null
 */
public record Extraction(String firstHeading, List<Session> sessions, List<Takeaway> takeaways) {
  public Extraction {
    sessions = List.copyOf(sessions);
    takeaways = List.copyOf(takeaways);
  }
}
