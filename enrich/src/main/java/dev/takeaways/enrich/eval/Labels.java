package dev.takeaways.enrich.eval;

import java.util.Set;
import java.util.TreeSet;

/**
 * The tool and practice slugs of one note: a gold label set, or what the tagger found.
 *
 * @param optional slugs that may be found or missed without counting either way (named internal
 *     tools, for instance)
 */
public record Labels(Set<String> tools, Set<String> practices, Set<String> optional) {
  public Labels {
    tools = Set.copyOf(tools);
    practices = Set.copyOf(practices);
    optional = Set.copyOf(optional);
  }

  public Labels(Set<String> tools, Set<String> practices) {
    this(tools, practices, Set.of());
  }

  /** The slugs of one type, sorted. */
  public Set<String> of(String type) {
    return new TreeSet<>("tool".equals(type) ? tools : practices);
  }
}
