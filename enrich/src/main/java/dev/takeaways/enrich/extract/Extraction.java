package dev.takeaways.enrich.extract;

import dev.takeaways.model.Session;
import dev.takeaways.model.Takeaway;
import java.util.List;

/**
 * The sessions and (untagged) takeaways of one note, and its title as the body gives it.
 *
 * @param firstHeading the note's title as its body gives it (its first top-level heading, or the
 *     heading it opens with), or null
 * @param codeSpans for each takeaway, the code spans of its text as written ({@code `kind create
 *     cluster`}), which its plain text holds without their backticks: evidence for the tagger
 */
public record Extraction(String firstHeading, List<Session> sessions, List<Takeaway> takeaways, List<List<String>> codeSpans) {
  public Extraction {
    sessions = List.copyOf(sessions);
    takeaways = List.copyOf(takeaways);
    codeSpans = List.copyOf(codeSpans);
    if (codeSpans.size() != takeaways.size()) {
      throw new IllegalArgumentException("one list of code spans per takeaway");
    }
  }
}
