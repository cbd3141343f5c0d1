package dev.takeaways.enrich.parse;

import java.time.LocalDate;
import java.util.List;

/**
 * What a note's front matter (YAML between {@code ---} lines, or TOML between {@code +++} lines)
 * says, where it says it. Absent fields are null (or empty lists).
 *
 * @param title the {@code title}
 * @param date {@code date} or {@code created} (epoch seconds or an ISO date or date-time), as a date
 * @param slug the {@code slug}, normalized to kebab-case
 * @param tags {@code tags} and {@code categories}, merged
 * @param author the {@code author}
 * @param excerpt the {@code excerpt} (or {@code description})
 * @param type the page {@code type} (e.g. {@code talk})
 * @param speakers {@code speaker} or {@code speakers}
 */
public record FrontMatter(
    String title,
    LocalDate date,
    String slug,
    List<String> tags,
    String author,
    String excerpt,
    String type,
    List<String> speakers) {

  public static final FrontMatter EMPTY = new FrontMatter(null, null, null, List.of(), null, null, null, List.of());

  public FrontMatter {
    tags = List.copyOf(tags);
    speakers = List.copyOf(speakers);
  }
}
