package dev.takeaways.enrich.parse;

import java.time.LocalDate;
import java.util.List;

/**
 * What a note's YAML front matter says, where it says it. Absent fields are null (or empty lists).
 *
 * @param title the {@code title}
 * @param date {@code date} or {@code created} (epoch seconds or an ISO date), as a date
 * @param slug the {@code slug}, normalized to kebab-case
 * @param tags {@code tags} and {@code categories}, merged
 * @param author the {@code author}
 * @param excerpt the {@code excerpt}
 */
public record FrontMatter(
    String title, LocalDate date, String slug, List<String> tags, String author, String excerpt) {

  public static final FrontMatter EMPTY = new FrontMatter(null, null, null, List.of(), null, null);

  public FrontMatter {
    tags = List.copyOf(tags);
  }
}
