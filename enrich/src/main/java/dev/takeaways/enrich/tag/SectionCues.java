package dev.takeaways.enrich.tag;

import dev.takeaways.model.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Cues that a section gives across its texts, where no one text says enough: a list of tools one per
 * item, items that lead with a name beside items that lead with known tools, and a heading that names
 * the software its section describes. Runs after {@link TaxonomyMatcher#tagAll} has tagged each text
 * on its own. Immutable and thread-safe.
 */
public final class SectionCues {
  private final TaxonomyMatcher matcher;

  public SectionCues(TaxonomyMatcher matcher) {
    this.matcher = matcher;
  }

  /**
   * The tags of each item of one list (consecutive takeaways of a section), with the tools that the
   * list as a whole shows added: name-only items beside a known one ({@link #withNamedItems}) and
   * tools that lead items beside known ones ({@link ToolDiscovery#discoverInList}).
   */
  public List<List<Tag>> withListDiscoveries(List<String> items, List<List<Tag>> tags) {
    if (items.size() < 3) {
      return tags;
    }
    List<List<Tag>> out = withNamedItems(items, tags);
    // Discovery leans on the tools found by their own text: a name-only item is itself found by a cue.
    List<List<int[]>> known = new ArrayList<>(items.size());
    tags.forEach(list -> known.add(TaxonomyMatcher.toolSpans(list)));
    ToolDiscovery.Found[] found = matcher.discovery().discoverInList(items, known);
    for (int i = 0; i < found.length; i++) {
      Tag tag = found[i] == null ? null : matcher.discovered(found[i], out.get(i));
      if (tag != null) {
        out.set(i, with(tag, out.get(i)));
      }
    }
    return out;
  }

  /**
   * Items that are a tool's name and nothing more ("Slack.", "- Vault") read as tools when they stand
   * in a run of such items, one after the other, of which one is a tool already found ("PagerDuty."):
   * a list of tools, one per item, is the cue an ordinary-word name or a name only the broad lists
   * know needs, as a list of tools in one sentence is. Only a run counts: the takeaways of a section
   * are not one list ("monitor", "scale" among steps). Rule {@code context}.
   */
  private List<List<Tag>> withNamedItems(List<String> items, List<List<Tag>> tags) {
    int n = items.size();
    // Items are read again only around an anchor: most lists have none, and most items are sentences.
    Tag[] named = new Tag[n];
    boolean[] read = new boolean[n];
    IntFunction<Tag> nameOf = i -> {
      if (!read[i]) {
        read[i] = true;
        named[i] = matcher.nameOnly(items.get(i));
      }
      return named[i];
    };
    IntPredicate found = i -> nameOf.apply(i) != null && tags.get(i).stream().anyMatch(t -> t.id().equals(named[i].id()));
    List<List<Tag>> out = new ArrayList<>(tags);
    for (int anchor = 0; anchor < n; anchor++) {
      // An anchor's own tags hold a tool that spans the whole item: look there before reading it again.
      if (!spansATool(items.get(anchor), tags.get(anchor)) || !found.test(anchor)) {
        continue;
      }
      for (int step = -1; step <= 1; step += 2) {
        for (int i = anchor + step; i >= 0 && i < n && nameOf.apply(i) != null; i += step) {
          if (!found.test(i) && named[i].evidence().confidence() >= matcher.minConfidence()) {
            out.set(i, with(named[i], tags.get(i)));
          }
        }
      }
    }
    return out;
  }

  private static boolean spansATool(String item, List<Tag> tags) {
    int end = TaxonomyMatcher.nameEnd(item);
    return tags.stream().anyMatch(t -> t.id().startsWith("tool:") && t.evidence().start() == 0 && t.evidence().end() == end);
  }

  /**
   * The tool a section's heading names, when the heading is one name and the section's first
   * takeaway starts by saying what software it is ({@link ToolDiscovery#describedHeading}): the
   * entry of that name, whose cue the section gives (an ordinary word such as Edda or Vault is
   * the entry only so), or a tool no entry knows, discovered. Its evidence is the heading. Null
   * otherwise, or when {@code headingTags} already hold a tool.
   */
  public Tag headingTool(String heading, List<Tag> headingTags, String firstTakeaway) {
    if (headingTags.stream().anyMatch(t -> t.id().startsWith("tool:"))) {
      return null;
    }
    ToolDiscovery.Found f = matcher.discovery().describedHeading(heading, firstTakeaway);
    if (f == null) {
      return null;
    }
    Tag entry = matcher.nameOnly(f.name());
    if (entry != null) {
      Tag.Evidence e = entry.evidence();
      return e.confidence() < matcher.minConfidence() ? null
          : new Tag(entry.id(), new Tag.Evidence(e.text(), f.start(), f.end(), e.rule(), e.confidence()));
    }
    ToolDiscovery discovery = matcher.discovery();
    return discovery.looksLikeAName(f.name()) || discovery.isNameOfWords(f.name()) ? matcher.discovered(f, headingTags) : null;
  }

  private static List<Tag> with(Tag first, List<Tag> tags) {
    List<Tag> more = new ArrayList<>(tags.size() + 1);
    more.add(first);
    more.addAll(tags);
    return List.copyOf(more);
  }
}
