package dev.takeaways.enrich.eval;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The tool and practice slugs of one note: a gold label set, or what the tagger found.
 *
 * @param optional slugs that may be found or missed without counting either way (named internal
 *     tools, for instance)
 * @param rules for what the tagger found: each tag id ({@code tool:docker}) with the rules that
 *     produced it in the note ({@code exact}, {@code context}, ...); empty for gold labels
 */
public record Labels(Set<String> tools, Set<String> practices, Set<String> optional, Map<String, Set<String>> rules) {
  public Labels {
    tools = Set.copyOf(tools);
    practices = Set.copyOf(practices);
    optional = Set.copyOf(optional);
    rules = Map.copyOf(rules);
  }

  public Labels(Set<String> tools, Set<String> practices, Set<String> optional) {
    this(tools, practices, optional, Map.of());
  }

  public Labels(Set<String> tools, Set<String> practices) {
    this(tools, practices, Set.of());
  }

  /** The slugs of one type, sorted. */
  public Set<String> of(String type) {
    return new TreeSet<>("tool".equals(type) ? tools : practices);
  }

  /**
   * These labels with every tool slug mapped by {@code fold}: for scoring at a coarser level ({@link
   * #AWS_SERVICES_AS_AWS}). Rules of tools that fold together are merged.
   */
  public Labels foldTools(UnaryOperator<String> fold) {
    Map<String, Set<String>> folded =
        rules.entrySet().stream()
            .collect(Collectors.toMap(
                e -> e.getKey().startsWith("tool:") ? "tool:" + fold.apply(e.getKey().substring(5)) : e.getKey(),
                Map.Entry::getValue,
                (a, b) -> {
                  Set<String> both = new TreeSet<>(a);
                  both.addAll(b);
                  return both;
                }));
    return new Labels(
        tools.stream().map(fold).collect(Collectors.toSet()),
        practices,
        optional.stream().map(fold).collect(Collectors.toSet()),
        folded);
  }

  /** {@code aws-ec2}, {@code aws-lambda}, ... as {@code aws}: the labeling rules' coarser level. */
  public static final UnaryOperator<String> AWS_SERVICES_AS_AWS = slug -> slug.startsWith("aws-") ? "aws" : slug;
}
