package dev.takeaways.enrich.tag;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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
 *     which one must appear in the same note (or another tool in the same takeaway) for the name to
 *     count as this entry
 * @param ambiguous whether the plain name is also an ordinary word; without context words, such a
 *     name counts only when written as a proper noun inside a sentence ("we moved images to Harbor")
 * @param source where the entry comes from: one or more of {@code curated}, {@code cncf-landscape},
 *     {@code awesome-devops}, {@code dora}, {@code devicon}, {@code simple-icons}, {@code iconify-logos}
 *     and {@code debian}, joined by {@code +}; or a user's file
 */
public record TaxonomyEntry(
    String type,
    String slug,
    String name,
    String category,
    List<String> aliases,
    List<String> misspellings,
    List<String> context,
    boolean ambiguous,
    String source) {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9.+-]*");
  private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");
  private static final Pattern INNER_DOT = Pattern.compile("(?<=[a-z0-9])\\.(?=js\\b)");
  /** The broad lists: they name many products, few of them checked by hand (see the taxonomy README). */
  private static final Set<String> BROAD = Set.of("devicon", "simple-icons", "iconify-logos", "debian", "wappalyzer");

  public TaxonomyEntry {
    Objects.requireNonNull(name, "name");
    if (!"tool".equals(type) && !"practice".equals(type)) {
      throw new IllegalArgumentException("type must be tool or practice, was " + type);
    }
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException("slug must be lowercase kebab-case, was " + slug);
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    aliases = List.copyOf(aliases);
    misspellings = List.copyOf(misspellings);
    context = List.copyOf(context);
    ambiguous = ambiguous || !context.isEmpty();
    source = source == null ? "unknown" : source;
  }

  /**
   * Whether a curated or DevOps list, or the user, names this entry: not only the broad lists
   * (brand icon sets, devicon, Debian's packages), whose entries take more evidence to be believed.
   */
  public boolean listed() {
    for (String s : source.split("\\+")) {
      if (!BROAD.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /** The slug of a name: lowercase words joined by {@code -} ("Spring Boot": spring-boot). */
  public static String slugOf(String name) {
    // The dot of .js is part of the word (Node.js: nodejs), as the lists write it (nodejs, vuejs).
    String s = NON_SLUG.matcher(INNER_DOT.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("")).replaceAll("-");
    return s.replaceAll("^-+|-+$", "");
  }

  /** The tag id, {@code type:slug}. */
  public String tagId() {
    return type + ":" + slug;
  }
}
