package dev.takeaways.enrich.tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The tools and practices the tagger knows. Read from YAML of the form:
 *
 * <pre>
 * tools:
 *   - slug: chef
 *     name: Chef
 *     category: configuration-management
 *     aliases: [chef-client, chef-solo]
 *     misspellings: []
 *     context: [cookbook, recipe, knife, puppet, ansible]
 * practices:
 *   - slug: code-review
 *     name: Code review
 *     aliases: [code reviews]
 * </pre>
 */
public record Taxonomy(List<TaxonomyEntry> entries) {
  private static final String BUNDLED = "/dev/takeaways/enrich/tag/taxonomy.yml";

  public Taxonomy {
    entries = List.copyOf(entries);
    Set<String> ids = new HashSet<>();
    for (TaxonomyEntry e : entries) {
      if (!ids.add(e.tagId())) {
        throw new IllegalArgumentException("taxonomy lists " + e.tagId() + " twice");
      }
    }
  }

  /** The taxonomy that ships with takeaways. */
  public static Taxonomy bundled() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("bundled taxonomy missing: " + BUNDLED);
      }
      return fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a taxonomy.
   *
   * @param origin names the source in error messages
   * @throws IllegalArgumentException naming the origin and the problem when the YAML is malformed
   */
  public static Taxonomy fromYaml(String yaml, String origin) {
    Object root;
    try {
      root = new Load(LoadSettings.builder().setLabel(origin).build()).loadFromString(yaml);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(origin + ": expected a mapping with tools and practices");
    }
    List<TaxonomyEntry> entries = new ArrayList<>();
    read(map.get("tools"), "tool", origin, entries);
    read(map.get("practices"), "practice", origin, entries);
    return new Taxonomy(entries);
  }

  private static void read(Object list, String type, String origin, List<TaxonomyEntry> out) {
    if (list == null) {
      return;
    }
    if (!(list instanceof List<?> items)) {
      throw new IllegalArgumentException(origin + ": " + type + "s must be a list");
    }
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException(origin + ": each " + type + " must be a mapping, was " + item);
      }
      try {
        out.add(
            new TaxonomyEntry(
                type,
                (String) m.get("slug"),
                (String) m.get("name"),
                m.get("category") == null ? type : m.get("category").toString(),
                strings(m.get("aliases")),
                strings(m.get("misspellings")),
                strings(m.get("context"))));
      } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
        throw new IllegalArgumentException(origin + ": bad " + type + " " + m + ": " + e.getMessage(), e);
      }
    }
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Object::toString).toList();
    }
    return List.of(value.toString());
  }
}
