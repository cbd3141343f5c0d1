package dev.takeaways.enrich.tag;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One tool or practice the tagger knows.
 *
 * @param type {@code tool} or {@code practice}
 * @param slug lowercase kebab-case; the tag id is {@code type:slug}
 * @param name the display name, matched as {@code exact}
 * @param category a grouping for people (e.g. {@code configuration-management})
 * @param aliases other names, matched as {@code alias}
 * @param misspellings known misspellings, matched as {@code misspelling}
 * @param context for names that are also ordinary words (Chef, Puppet, Salt, Fleet): words of
 *     which one must appear in the same text for the name to count as this entry; empty when the
 *     name is never ambiguous
 */
public record TaxonomyEntry(
    String type,
    String slug,
    String name,
    String category,
    List<String> aliases,
    List<String> misspellings,
    List<String> context) {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9.+-]*");

  public TaxonomyEntry {
    Objects.requireNonNull(name, "name");
    if (!"tool".equals(type) && !"practice".equals(type)) {
      throw new IllegalArgumentException("type must be tool or practice, was " + type);
    }
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException("slug must be lowercase kebab-case, was " + slug);
    }
    aliases = List.copyOf(aliases);
    misspellings = List.copyOf(misspellings);
    context = List.copyOf(context);
  }

  /** The tag id, {@code type:slug}. */
  public String tagId() {
    return type + ":" + slug;
  }

  /** Whether the name needs context to count. */
  public boolean ambiguous() {
    return !context.isEmpty();
  }
}
