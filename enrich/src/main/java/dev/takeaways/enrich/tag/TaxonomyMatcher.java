package dev.takeaways.enrich.tag;

import dev.takeaways.model.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Finds the taxonomy's tools and practices in text, in one pass of an Aho-Corasick automaton over
 * normalized text: case-insensitive, hyphens and underscores read as spaces, whole words only,
 * plurals of practices. Overlapping matches keep the longest ({@code Test Kitchen} over {@code
 * Kitchen}). A name that is also an ordinary word counts only when one of its context words, or
 * another tool, appears in the same text. Immutable and thread-safe once built.
 */
public final class TaxonomyMatcher {
  private static final Pattern WORD_SEPARATORS = Pattern.compile("[-_]");

  private final Trie trie;
  private final Map<String, Keyword> keywords;
  private final Trie contextTrie;

  /** @param needsContext whether this spelling alone is ambiguous (the plain name of an ambiguous entry) */
  private record Keyword(TaxonomyEntry entry, String rule, boolean needsContext) {}

  public TaxonomyMatcher(Taxonomy taxonomy) {
    Map<String, Keyword> byText = new HashMap<>();
    Set<String> contextWords = new java.util.HashSet<>();
    for (TaxonomyEntry e : taxonomy.entries()) {
      // Only the plain name of an ambiguous entry needs context: "Salt" may be seasoning, "SaltStack" may not.
      addVariants(byText, e.name(), new Keyword(e, "exact", e.ambiguous()), e);
      addVariants(byText, e.slug(), new Keyword(e, "exact", e.ambiguous()), e);
      e.aliases().forEach(a -> addVariants(byText, a, new Keyword(e, "alias", false), e));
      e.misspellings().forEach(a -> addVariants(byText, a, new Keyword(e, "misspelling", false), e));
      e.context().forEach(c -> contextWords.add(normalize(c)));
    }
    this.keywords = Map.copyOf(byText);
    this.trie = Trie.builder().ignoreCase().onlyWholeWords().ignoreOverlaps().addKeywords(keywords.keySet()).build();
    this.contextTrie = Trie.builder().ignoreCase().onlyWholeWords().addKeywords(contextWords).build();
  }

  private static void addVariants(Map<String, Keyword> out, String text, Keyword keyword, TaxonomyEntry e) {
    String k = normalize(text);
    if (k.isBlank()) {
      return;
    }
    // The first declaration of a keyword wins: an exact name beats another entry's alias.
    out.putIfAbsent(k, keyword);
    if ("practice".equals(e.type()) && !k.endsWith("s")) {
      out.putIfAbsent(k + "s", keyword);
    }
  }

  /** Lower case with hyphens and underscores as spaces; keeps every offset in place. */
  static String normalize(String text) {
    return WORD_SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
  }

  /**
   * The tags of {@code text}: one per tool or practice, with the evidence of its first mention, in
   * order of appearance.
   */
  public List<Tag> tag(String text) {
    String normalized = normalize(text);
    if (normalized.length() != text.length()) {
      // Lower-casing changed the length (rare scripts); match on the original so spans stay right.
      normalized = WORD_SEPARATORS.matcher(text).replaceAll(" ");
    }
    Collection<Emit> emits = trie.parseText(normalized);
    Map<String, Tag> found = new LinkedHashMap<>();
    List<Emit> ambiguous = new ArrayList<>();
    boolean anyUnambiguousTool = false;
    for (Emit emit : emits) {
      Keyword k = keywords.get(emit.getKeyword());
      if (k == null) {
        continue;
      }
      if (k.needsContext()) {
        ambiguous.add(emit);
        continue;
      }
      anyUnambiguousTool |= "tool".equals(k.entry().type());
      found.putIfAbsent(k.entry().tagId(), tag(text, emit, k.entry(), k.rule()));
    }
    if (!ambiguous.isEmpty()) {
      Set<String> context =
          contextTrie.parseText(normalized).stream().map(Emit::getKeyword).collect(Collectors.toSet());
      for (Emit emit : ambiguous) {
        Keyword k = keywords.get(emit.getKeyword());
        boolean hasContext = anyUnambiguousTool || k.entry().context().stream().map(TaxonomyMatcher::normalize).anyMatch(context::contains);
        if (hasContext) {
          found.putIfAbsent(k.entry().tagId(), tag(text, emit, k.entry(), "context"));
        }
      }
    }
    return found.values().stream()
        .sorted(java.util.Comparator.comparingInt(t -> t.evidence().start()))
        .toList();
  }

  private static Tag tag(String text, Emit emit, TaxonomyEntry entry, String rule) {
    int start = emit.getStart();
    int end = emit.getEnd() + 1;
    return new Tag(entry.tagId(), new Tag.Evidence(text.substring(start, end), start, end, rule));
  }
}
