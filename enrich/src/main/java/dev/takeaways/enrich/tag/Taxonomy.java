package dev.takeaways.enrich.tag;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takeaways.model.JsonSerde;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

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
 * not-misspellings: [chocolate]  # ordinary words one edit from a tool's name: never misspellings
 * remove: [tool:kind]       # only in a user's file: bundled entries to drop
 * </pre>
 *
 * <p>The bundled taxonomy is generated (see {@code enrich/src/taxonomy/README.md}); a user's file
 * extends it: an entry with a bundled entry's id replaces it, others are added.
 */
public record Taxonomy(List<TaxonomyEntry> entries, Set<String> notMisspellings) {
  private static final String BUNDLED = "/dev/takeaways/enrich/tag/taxonomy.json";
  private static final Set<String> ENTRY_FIELDS =
      Set.of("slug", "name", "category", "aliases", "misspellings", "context", "ambiguous", "source");

  public Taxonomy {
    entries = List.copyOf(entries);
    notMisspellings = Set.copyOf(notMisspellings);
    Set<String> ids = new HashSet<>();
    for (TaxonomyEntry e : entries) {
      if (!ids.add(e.tagId())) {
        throw new IllegalArgumentException("taxonomy lists " + e.tagId() + " twice");
      }
    }
  }

  /** A taxonomy of {@code entries}, with no word kept from misspelling tolerance. */
  public Taxonomy(List<TaxonomyEntry> entries) {
    this(entries, Set.of());
  }

  private static final class Holder {
    static final Taxonomy BUNDLED_TAXONOMY = load();

    private static Taxonomy load() {
      try (InputStream in = Taxonomy.class.getResourceAsStream(BUNDLED)) {
        if (in == null) {
          throw new IllegalStateException("bundled taxonomy missing: " + BUNDLED);
        }
        return fromJson(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Maps a label to the slug of the tool it names: itself when it is a tool's slug, else the one tool
   * with a name or alias of that slug ({@code saltstack}: {@code salt}), else itself. For scoring
   * labels that people wrote against the tags found.
   */
  public UnaryOperator<String> toolSlugsByName() {
    Set<String> slugs = new HashSet<>();
    Map<String, String> byName = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (TaxonomyEntry e : entries) {
      if ("tool".equals(e.type())) {
        slugs.add(e.slug());
        List<String> names = new ArrayList<>(e.aliases());
        names.add(e.name());
        for (String name : names) {
          String slug = TaxonomyEntry.slugOf(name);
          String previous = byName.putIfAbsent(slug, e.slug());
          if (previous != null && !previous.equals(e.slug())) {
            shared.add(slug);
          }
        }
      }
    }
    return label -> slugs.contains(label) || shared.contains(label) ? label : byName.getOrDefault(label, label);
  }

  /** The taxonomy that ships with takeaways, read once. */
  public static Taxonomy bundled() {
    return Holder.BUNDLED_TAXONOMY;
  }

  /**
   * This taxonomy extended by {@code user}: the user's entries replace entries with the same id, and
   * are added otherwise; ids in the user's {@code remove} list are dropped.
   */
  public Taxonomy extendedWith(Taxonomy user, Set<String> remove) {
    Map<String, TaxonomyEntry> byId = new LinkedHashMap<>();
    entries.forEach(e -> byId.put(e.tagId(), e));
    remove.forEach(byId::remove);
    user.entries().forEach(e -> byId.put(e.tagId(), e));
    Set<String> words = new HashSet<>(notMisspellings);
    words.addAll(user.notMisspellings());
    return new Taxonomy(new ArrayList<>(byId.values()), words);
  }

  /**
   * A user's taxonomy file applied over the bundled one.
   *
   * @throws IllegalArgumentException naming the file, the line and the problem
   */
  public static Taxonomy bundledExtendedWith(String userYaml, String origin) {
    Parsed parsed = parse(userYaml, origin, true);
    return bundled().extendedWith(new Taxonomy(parsed.entries(), parsed.notMisspellings()), parsed.remove());
  }

  /**
   * Reads a taxonomy.
   *
   * @param origin names the source in error messages
   * @throws IllegalArgumentException naming the origin, the line and the problem when the YAML is
   *     malformed or an entry is invalid
   */
  public static Taxonomy fromYaml(String yaml, String origin) {
    Parsed parsed = parse(yaml, origin, false);
    return new Taxonomy(parsed.entries(), parsed.notMisspellings());
  }

  /**
   * Reads the bundled taxonomy's JSON: the same fields as the YAML, {@code tools}, {@code practices}
   * and {@code not-misspellings}. The bundled taxonomy is JSON, not YAML, because it is large
   * (18,000 entries) and read at every start: a JSON parser reads it several times faster.
   */
  public static Taxonomy fromJson(byte[] json) {
    JsonNode root;
    try {
      root = JsonSerde.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("bundled taxonomy is not JSON: " + e.getMessage(), e);
    }
    List<TaxonomyEntry> entries = new ArrayList<>(root.path("tools").size() + root.path("practices").size());
    for (String type : List.of("tool", "practice")) {
      for (JsonNode e : root.path(type + "s")) {
        entries.add(new TaxonomyEntry(
            type, e.path("slug").asText(), e.path("name").asText(), e.path("category").asText(type),
            texts(e.get("aliases")), texts(e.get("misspellings")), texts(e.get("context")),
            e.path("ambiguous").asBoolean(false), e.path("source").asText("bundled")));
      }
    }
    Set<String> notMisspellings = new HashSet<>(texts(root.get("not-misspellings")));
    return new Taxonomy(entries, notMisspellings);
  }

  private static List<String> texts(JsonNode array) {
    if (array == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(array.size());
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private record Parsed(List<TaxonomyEntry> entries, Set<String> remove, Set<String> notMisspellings) {}

  private static Parsed parse(String yaml, String origin, boolean user) {
    Optional<Node> root;
    try {
      root = new Compose(LoadSettings.builder().setLabel(origin).setMaxAliasesForCollections(10).build()).composeString(yaml);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getMessage(), e);
    }
    if (root.isEmpty() || !(root.get() instanceof MappingNode map)) {
      throw new IllegalArgumentException(origin + ":1: expected a mapping with tools and practices");
    }
    List<TaxonomyEntry> entries = new ArrayList<>();
    Set<String> remove = new HashSet<>();
    Set<String> notMisspellings = new HashSet<>();
    for (NodeTuple t : map.getValue()) {
      String key = scalar(t.getKeyNode(), origin);
      switch (key) {
        case "tools" -> read(t.getValueNode(), "tool", origin, user, entries);
        case "practices" -> read(t.getValueNode(), "practice", origin, user, entries);
        case "remove" -> remove.addAll(strings(t.getValueNode(), origin));
        case "not-misspellings" -> strings(t.getValueNode(), origin).forEach(w -> notMisspellings.add(w.toLowerCase(Locale.ROOT)));
        default -> throw new IllegalArgumentException(
            at(origin, t.getKeyNode()) + "unknown key '" + key + "'; expected tools, practices, not-misspellings or remove");
      }
    }
    return new Parsed(entries, remove, notMisspellings);
  }

  private static void read(Node list, String type, String origin, boolean user, List<TaxonomyEntry> out) {
    if (!(list instanceof SequenceNode items)) {
      throw new IllegalArgumentException(at(origin, list) + type + "s must be a list");
    }
    for (Node item : items.getValue()) {
      if (!(item instanceof MappingNode m)) {
        throw new IllegalArgumentException(at(origin, item) + "each " + type + " must be a mapping with slug and name");
      }
      Map<String, Node> fields = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        String field = scalar(t.getKeyNode(), origin);
        if (!ENTRY_FIELDS.contains(field)) {
          throw new IllegalArgumentException(at(origin, t.getKeyNode()) + "unknown field '" + field + "' in a " + type);
        }
        fields.put(field, t.getValueNode());
      }
      try {
        String source = fields.containsKey("source") ? scalar(fields.get("source"), origin) : user ? origin : "bundled";
        out.add(
            new TaxonomyEntry(
                type,
                optionalScalar(fields.get("slug"), origin),
                optionalScalar(fields.get("name"), origin),
                fields.containsKey("category") ? scalar(fields.get("category"), origin) : type,
                strings(fields.get("aliases"), origin),
                strings(fields.get("misspellings"), origin),
                strings(fields.get("context"), origin),
                fields.containsKey("ambiguous") && "true".equals(scalar(fields.get("ambiguous"), origin)),
                source));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException(at(origin, item) + "bad " + type + ": " + e.getMessage(), e);
      }
    }
  }

  private static String at(String origin, Node node) {
    int line = node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    return origin + ":" + line + ": ";
  }

  private static String optionalScalar(Node node, String origin) {
    return node == null ? null : scalar(node, origin);
  }

  private static String scalar(Node node, String origin) {
    if (!(node instanceof ScalarNode s)) {
      throw new IllegalArgumentException(at(origin, node) + "expected a single value");
    }
    return s.getValue();
  }

  private static List<String> strings(Node node, String origin) {
    if (node == null) {
      return List.of();
    }
    if (node instanceof ScalarNode s) {
      return List.of(s.getValue());
    }
    if (!(node instanceof SequenceNode seq)) {
      throw new IllegalArgumentException(at(origin, node) + "expected a list of words");
    }
    return seq.getValue().stream().map(n -> scalar(n, origin)).toList();
  }
}
