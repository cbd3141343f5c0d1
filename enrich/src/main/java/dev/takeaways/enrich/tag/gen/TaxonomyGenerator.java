package dev.takeaways.enrich.tag.gen;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.takeaways.enrich.tag.TaxonomyEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Builds the bundled taxonomy from the public source lists and the hand-curated overlay. A pure
 * function of its inputs, so the committed {@code taxonomy.json} can be checked against a fresh run.
 *
 * <p>The rules, in order:
 *
 * <ol>
 *   <li>The overlay's tools and practices come first and win every conflict.
 *   <li>Every CNCF landscape row outside the {@code CNCF Members} and {@code Special} categories,
 *       then every awesome-devops row, becomes a tool, unless the overlay excludes its name or its
 *       category. A parenthesis ({@code Amazon Elastic Container Registry (ECR)}) and the second half
 *       of {@code Nix/NixOS} become aliases; a product named with its maker, {@code Apache X} or
 *       {@code Netflix X} (the overlay's {@code vendors}), is also known as {@code X} and has the slug
 *       {@code x}, unless X is an ordinary word ({@code apache-storm}), {@code Project X}
 *       and {@code X Project} are named {@code X}, and Amazon's services get the slug {@code
 *       aws-<service>}, as the curated ones have.
 *   <li>A row whose name (or slug) an earlier entry already has is merged into that entry: its other
 *       spellings become aliases there. This is how {@code Chef Infra} joins the curated {@code chef},
 *       and how a broad list's {@code Apache Solr} and another's {@code Solr} become one tool.
 *   <li>A name of the broad lists that is one of the overlay's makers ({@code Red Hat}, {@code
 *       redhat}, {@code Netflix}) is left out: alone, a maker's name names the company.
 *   <li>A company of the landscape's members, end users and service providers named after a
 *       product plus what a company calls itself ({@code Aqua Security}, {@code Rafay Systems}, {@code
 *       Portworx by Pure Storage}) is an alias of that product.
 *   <li>A name made only of ordinary English words ({@code Harbor}, {@code Cloud Custodian}), or of
 *       two or three letters ({@code SDC}), is marked {@code ambiguous}: the tagger then needs it written as a proper noun, or one of the
 *       entry's context words nearby.
 *   <li>Each DORA capability becomes a practice, or, where the overlay maps it to one of our
 *       practices, gives that practice its DORA name as an alias.
 * </ol>
 */
public final class TaxonomyGenerator {
  private static final Pattern PARENTHESIS = Pattern.compile("\\s*\\(([^)]*)\\)\\s*");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");
  private static final Pattern PROJECT = Pattern.compile("Project (\\S+)|(\\S+) Project");
  private static final Pattern AMAZON = Pattern.compile("(?:Amazon|AWS) (.+)");
  /** A company named after its product: the product's name, then what a company calls itself. */
  private static final Pattern MAKER =
      Pattern.compile("(.+?) (?:Security|Systems|Labs|Software|Technologies|Inc\\.?|Corp\\.?|Corporation|by .+)");

  /** The sources, as text. */
  public record Sources(String cncfLandscapeTsv, String awesomeDevopsTsv, String doraCapabilitiesTsv, BroadSources.Lists broad) {}

  /** One entry of the generated taxonomy, in the order its fields are written. */
  record Entry(
      String type,
      String slug,
      String name,
      String category,
      Set<String> aliases,
      List<String> misspellings,
      List<String> context,
      boolean ambiguous,
      Set<String> sources) {}

  private final Set<String> englishWords;
  private final Set<String> notMisspellings;
  private final Set<String> jargon;
  private final Set<String> properNouns;
  private final Set<String> rareWords;
  /** Makers whose products are named "Maker Product" ({@code Apache}, {@code Red Hat}): the overlay's {@code vendors}. */
  private List<String> vendors = List.of();

  /**
   * @param englishWords ordinary English words in lower case, a name made only of these is ambiguous;
   *     and capitalized proper nouns, which make a lower-case name of a broad list ambiguous
   * @param notMisspellings ordinary words one edit from a tool's name, never to be read as its
   *     misspelling
   */
  public TaxonomyGenerator(Set<String> englishWords, Set<String> notMisspellings) {
    this(englishWords, notMisspellings, Set.of());
  }

  /**
   * @param jargon words of computing that are no product's name on their own ({@code api}, {@code
   *     webhook}): names made of these and English words are ambiguous too
   */
  public TaxonomyGenerator(Set<String> englishWords, Set<String> notMisspellings, Set<String> jargon) {
    this(englishWords, notMisspellings, jargon, Set.of());
  }

  /**
   * @param rareWords words of a larger dictionary than {@code englishWords}'s, in lower case: the
   *     broad lists' names made of these are ambiguous too (a DevOps list's Cilium stays a name)
   */
  public TaxonomyGenerator(Set<String> englishWords, Set<String> notMisspellings, Set<String> jargon, Set<String> rareWords) {
    this.rareWords = Set.copyOf(rareWords);
    Set<String> lower = new HashSet<>();
    Set<String> proper = new HashSet<>();
    for (String w : englishWords) {
      (w.equals(w.toLowerCase(Locale.ROOT)) ? lower : proper).add(w.toLowerCase(Locale.ROOT));
    }
    this.englishWords = Set.copyOf(lower);
    this.properNouns = Set.copyOf(proper);
    this.notMisspellings = Set.copyOf(notMisspellings);
    this.jargon = Set.copyOf(jargon);
  }

  /** The taxonomy's JSON for {@code sources} and the curated {@code overlayYaml}. */
  public String generate(Sources sources, String overlayYaml) {
    Map<?, ?> overlay = (Map<?, ?>) new Load(LoadSettings.builder().setLabel("overlay").build()).loadFromString(overlayYaml);
    Set<String> excludedNames = new LinkedHashSet<>();
    for (Object name : list(overlay.get("exclude-names"))) {
      excludedNames.add(key(name.toString()));
    }
    Set<String> excludedCategories = new LinkedHashSet<>(strings(overlay.get("exclude-categories")));
    vendors = strings(overlay.get("vendors")).stream().map(v -> v + " ").toList();

    Map<String, Entry> bySlug = new LinkedHashMap<>();
    Map<String, String> slugByKey = new HashMap<>();
    for (Object item : list(overlay.get("tools"))) {
      add(curated("tool", (Map<?, ?>) item), bySlug, slugByKey);
    }
    for (Object item : list(overlay.get("practices"))) {
      add(curated("practice", (Map<?, ?>) item), bySlug, slugByKey);
    }

    List<Map<String, String>> landscape = tsv(sources.cncfLandscapeTsv());
    List<Entry> fromLists = new ArrayList<>();
    for (Map<String, String> row : landscape) {
      String category = row.get("category");
      String subcategory = row.get("subcategory");
      if (category.equals("CNCF Members")
          || category.equals("Special")
          || excludedCategories.contains(category + "/" + subcategory)) {
        continue;
      }
      generated(row.get("name"), subcategory, "cncf-landscape", excludedNames).ifPresent(fromLists::add);
    }
    for (Map<String, String> row : tsv(sources.awesomeDevopsTsv())) {
      if (excludedCategories.contains("awesome-devops/" + row.get("category"))) {
        continue;
      }
      generated(row.get("name"), row.get("category"), "awesome-devops", excludedNames).ifPresent(fromLists::add);
    }
    // A product by its own name first (Zuul, the CI), then by its maker's (Netflix Zuul): the entry
    // keeps the product's own name and category, and the maker's spelling joins it.
    for (boolean byMaker : new boolean[] {false, true}) {
      for (Entry e : fromLists) {
        if ((product(e.name(), this::isEnglish) != null) == byMaker) {
          add(e, bySlug, slugByKey);
        }
      }
    }
    // The broad lists, classified (BroadSources), after the DevOps lists: a name they share joins those entries.
    Map<String, String> slugByCompactKey = new HashMap<>();
    slugByKey.forEach((k, slug) -> slugByCompactKey.putIfAbsent(BroadSources.compact(k), slug));
    Set<String> excludedCompact = new HashSet<>();
    excludedNames.forEach(n -> excludedCompact.add(BroadSources.compact(n)));
    BroadSources broad = new BroadSources(n -> isRareEnglish(n) || isProperNoun(n), vendors.stream().map(String::strip).toList());
    for (BroadSources.Candidate c : broad.candidates(sources.broad(), Set.copyOf(slugByCompactKey.keySet()))) {
      // The broad lists write names run together (openjsfoundation): an excluded name is excluded however written.
      if (excludedCompact.contains(BroadSources.compact(c.name())) || isMakerOnly(c, slugByCompactKey)) {
        continue;
      }
      Set<String> aliases = new LinkedHashSet<>(c.aliases());
      // Apache Solr is Solr, as another list names it: one tool, not two.
      String product = slugByCompactKey.containsKey(BroadSources.compact(c.name())) ? null : product(c.name(), this::isRareEnglish);
      if (product != null) {
        aliases.add(product);
      }
      aliases.removeIf(a -> a.length() < 3 || isRareEnglish(a) || key(a).equals(key(c.name())) || excludedNames.contains(key(a)));
      // The lists write one name in several ways (Stack Overflow, stackoverflow): the first wins.
      String known = product != null ? product : c.name();
      String slug = slugByCompactKey.computeIfAbsent(BroadSources.compact(known), k -> productSlug(known));
      slugByCompactKey.putIfAbsent(BroadSources.compact(c.name()), slug);
      if (slug.length() >= 2) {
        // A package's or a slug's name may be a person's (kate, alice); a brand's title is the brand.
        boolean ambiguous = isShort(c.name()) || isRareEnglish(c.name())
            || (!c.source().equals("simple-icons") && isProperNoun(c.name()));
        add(new Entry("tool", slug, c.name(), c.category(), aliases, List.of(), List.of(), ambiguous,
            new LinkedHashSet<>(List.of(c.source()))), bySlug, slugByKey);
      }
    }

    // The company that makes a product and bears its name (Aqua Security makes Aqua): people write
    // either for the product. The landscape's members, end users and service providers name them.
    for (Map<String, String> row : landscape) {
      if (row.get("category").equals("CNCF Members") || row.get("category").equals("Special")) {
        String company = PARENTHESIS.matcher(row.get("name")).replaceAll(" ").strip();
        Matcher maker = MAKER.matcher(company);
        Entry owner = maker.matches() ? bySlug.get(slugByKey.get(key(maker.group(1)))) : null;
        // Only a product of the DevOps lists: Legit Security makes no Debian package named legit.
        boolean devops = owner != null && (owner.sources().contains("cncf-landscape") || owner.sources().contains("awesome-devops"));
        if (devops && owner.type().equals("tool") && claim(owner, company, slugByKey)) {
          owner.aliases().add(company);
        }
      }
    }

    Map<?, ?> doraMap = overlay.get("dora") instanceof Map<?, ?> m ? m : Map.of();
    for (Map<String, String> row : tsv(sources.doraCapabilitiesTsv())) {
      String slug = row.get("slug");
      String ours = doraMap.containsKey(slug) ? doraMap.get(slug).toString() : slug;
      Entry entry =
          new Entry("practice", ours, row.get("name"), "dora-" + row.get("group"), new LinkedHashSet<>(), List.of(), List.of(), false,
              new LinkedHashSet<>(List.of("dora")));
      if (bySlug.containsKey(ours)) {
        mergeInto(bySlug.get(ours), entry, slugByKey);
      } else {
        add(entry, bySlug, slugByKey);
      }
    }
    return write(bySlug.values(), notMisspellings);
  }

  /**
   * Whether a broad list's name is one of the overlay's makers: a maker's name alone (Red Hat,
   * Netflix, Microsoft, Oracle) names the company, whose products are the tools (Red Hat OpenShift,
   * Oracle Cloud); only where a DevOps list has the name as a product's (Grafana) is it a tool.
   */
  private boolean isMakerOnly(BroadSources.Candidate c, Map<String, String> slugByCompactKey) {
    String name = c.name().strip();
    return vendors.stream().anyMatch(v -> BroadSources.compact(v).equals(BroadSources.compact(name)))
        && !slugByCompactKey.containsKey(BroadSources.compact(key(name)));
  }

  private Entry curated(String type, Map<?, ?> m) {
    List<String> context = strings(m.get("context"));
    return new Entry(
        type,
        m.get("slug").toString(),
        m.get("name").toString(),
        m.get("category") == null ? type : m.get("category").toString(),
        new LinkedHashSet<>(strings(m.get("aliases"))),
        strings(m.get("misspellings")),
        context,
        Boolean.TRUE.equals(m.get("ambiguous")) || !context.isEmpty(),
        new LinkedHashSet<>(List.of("curated")));
  }

  private Optional<Entry> generated(String rawName, String category, String source, Set<String> excludedNames) {
    String name = rawName.strip();
    Set<String> aliases = new LinkedHashSet<>();
    Matcher parenthesis = PARENTHESIS.matcher(name);
    if (parenthesis.find()) {
      String inside = parenthesis.group(1).strip();
      name = (name.substring(0, parenthesis.start()) + " " + name.substring(parenthesis.end())).strip();
      aliases.add(inside);
    }
    int slash = name.indexOf('/');
    if (slash >= 3 && name.length() - slash - 1 >= 3 && name.indexOf('/', slash + 1) < 0 && !name.contains(" ")) {
      aliases.add(name.substring(slash + 1));
      name = name.substring(0, slash);
    }
    // Project Calico, Jupyter Project: the project is known by its own name.
    Matcher project = PROJECT.matcher(name);
    if (project.matches()) {
      aliases.add(name);
      name = project.group(1) != null ? project.group(1) : project.group(2);
    }
    if (excludedNames.contains(key(rawName)) || excludedNames.contains(key(name))) {
      return Optional.empty();
    }
    // Apache Kafka is kafka; Apache Storm stays apache-storm, as an ordinary word alone names nothing.
    String product = product(name, this::isEnglish);
    if (product != null) {
      aliases.add(product);
    }
    String slug = productSlug(product != null ? product : name);
    if (slug.length() < 2) {
      return Optional.empty();
    }
    // An alias must name the tool on its own: not an ordinary word, not one or two letters.
    aliases.removeIf(a -> a.length() < 3 || isEnglish(a) || key(a).equals(key(rawName)));
    String cleanName = name;
    aliases.removeIf(a -> key(a).equals(key(cleanName)));
    return Optional.of(
        new Entry("tool", slug, name, slug(category), aliases, List.of(), List.of(), isEnglish(name) || isShort(name),
            new LinkedHashSet<>(List.of(source))));
  }

  /**
   * The product's own name in a name that begins with its maker's ({@code Solr} in {@code Apache
   * Solr}), or null: no maker of the overlay's {@code vendors}, or after it an ordinary word ({@code
   * Apache Storm}), fewer than three letters, or several words ({@code Google Kubernetes Engine} is
   * not Kubernetes Engine).
   */
  private String product(String name, Predicate<String> ordinary) {
    for (String vendor : vendors) {
      if (name.startsWith(vendor)) {
        String rest = name.substring(vendor.length()).strip();
        return rest.length() < 3 || rest.contains(" ") || ordinary.test(rest) ? null : rest;
      }
    }
    return null;
  }

  /** Adds {@code e}, or merges it into the entry that already has its slug or its name. */
  private static void add(Entry e, Map<String, Entry> bySlug, Map<String, String> slugByKey) {
    String owner = bySlug.containsKey(e.slug()) ? e.slug() : slugByKey.get(key(e.name()));
    if (owner != null) {
      mergeInto(bySlug.get(owner), e, slugByKey);
      return;
    }
    bySlug.put(e.slug(), e);
    claim(e, e.name(), slugByKey);
    claim(e, e.slug(), slugByKey);
    e.aliases().removeIf(a -> !claim(e, a, slugByKey));
    e.misspellings().forEach(m -> claim(e, m, slugByKey));
  }

  private static void mergeInto(Entry owner, Entry other, Map<String, String> slugByKey) {
    owner.sources().addAll(other.sources());
    List<String> spellings = new ArrayList<>();
    spellings.add(other.name());
    spellings.addAll(other.aliases());
    for (String s : spellings) {
      // A generated ordinary-word spelling never joins an entry as a plain alias: it would bypass
      // the ambiguity rule.
      if (other.ambiguous() && s.equals(other.name()) && !owner.ambiguous()) {
        continue;
      }
      if (slugByKey.putIfAbsent(key(s), owner.slug()) == null) {
        owner.aliases().add(s);
      }
    }
  }

  /** Records that {@code spelling} means {@code e}; false when another entry already has it. */
  private static boolean claim(Entry e, String spelling, Map<String, String> slugByKey) {
    String k = key(spelling);
    String current = slugByKey.putIfAbsent(k, e.slug());
    return current == null || current.equals(e.slug());
  }

  /** Two or three letters ({@code SDC}, {@code kpt}, {@code .ENV}): as likely an abbreviation as this tool. */
  private static boolean isShort(String name) {
    String letters = name.replaceAll("[^\\p{L}\\p{N}]", "");
    return letters.length() <= 3 && letters.chars().allMatch(Character::isLetter);
  }

  /**
   * Made only of ordinary words, the larger dictionary's included (onboard, cilium): said of the broad
   * lists' names only. Whatever {@link #isEnglish} says is, this says is too.
   */
  private boolean isRareEnglish(String name) {
    return madeOf(name, rareWords);
  }

  /** Made only of proper nouns and ordinary words (kate, alice): said of package names and slugs. */
  private boolean isProperNoun(String name) {
    return madeOf(name, properNouns);
  }

  private boolean isEnglish(String name) {
    return madeOf(name, Set.of());
  }

  /** Whether every word of {@code name} is an English word, jargon, or one of {@code more}. */
  private boolean madeOf(String name, Set<String> more) {
    Matcher words = WORD.matcher(name);
    boolean any = false;
    while (words.find()) {
      any = true;
      String word = words.group().toLowerCase(Locale.ROOT);
      if (!englishWords.contains(word) && !jargon.contains(word) && !more.contains(word)) {
        return false;
      }
    }
    return any;
  }

  /** How the tagger sees a spelling: lower case, runs of non-letters as one space. */
  static String key(String text) {
    return NON_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /** The slug of a product's name: Amazon's services are written aws-<service>, as the curated ones (aws-ec2, aws-lambda). */
  static String productSlug(String name) {
    Matcher amazon = AMAZON.matcher(name);
    return amazon.matches() ? "aws-" + slug(amazon.group(1)) : slug(name);
  }

  static String slug(String text) {
    return TaxonomyEntry.slugOf(text);
  }

  /** The rows of a TSV by column name; comment lines ({@code #}) before the header are skipped. */
  static List<Map<String, String>> tsv(String text) {
    String[] lines = text.split("\r?\n");
    int first = 0;
    while (first < lines.length && lines[first].startsWith("#")) {
      first++;
    }
    String[] header = lines[first].split("\t", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = first + 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] cells = lines[i].split("\t", -1);
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.length; c++) {
        row.put(header[c], c < cells.length ? cells[c] : "");
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  private static List<String> strings(Object value) {
    return list(value).stream().map(Object::toString).toList();
  }

  private static String write(Collection<Entry> entries, Set<String> notMisspellings) {
    StringBuilder out = new StringBuilder();
    out.append("{\"generated\": ").append(json(
        "by dev.takeaways.enrich.tag.gen.TaxonomyGenerator: do not edit by hand. Sources: the CNCF landscape and"
            + " awesome-devops tool lists, the DORA capabilities, devicon, simple-icons, iconify logos, Wappalyzer and Debian's packages"
            + " (copies of their names and facts in enrich/src/taxonomy/sources/), and the curated overlay"
            + " enrich/src/taxonomy/overlay.yml. Licenses and attribution: TAXONOMY-NOTICE.md beside this file."
            + " To regenerate, see enrich/src/taxonomy/README.md."));
    for (String type : List.of("tool", "practice")) {
      List<Entry> ofType =
          entries.stream().filter(e -> e.type().equals(type)).sorted(Comparator.comparing(Entry::slug)).toList();
      out.append(",\n\"").append(type).append("s\": [");
      for (int i = 0; i < ofType.size(); i++) {
        Entry e = ofType.get(i);
        out.append(i == 0 ? "\n" : ",\n");
        out.append("{\"slug\": ").append(json(e.slug()))
            .append(", \"name\": ").append(json(e.name()))
            .append(", \"category\": ").append(json(e.category()));
        appendList(out, "aliases", List.copyOf(e.aliases()));
        appendList(out, "misspellings", e.misspellings());
        appendList(out, "context", e.context());
        if (e.ambiguous() && e.context().isEmpty()) {
          out.append(", \"ambiguous\": true");
        }
        out.append(", \"source\": ").append(json(String.join("+", e.sources()))).append('}');
      }
      out.append("]");
    }
    List<String> words = notMisspellings.stream().sorted().toList();
    out.append(",\n\"not-misspellings\": [");
    for (int i = 0; i < words.size(); i++) {
      out.append(i == 0 ? "\n" : i % 12 == 0 ? ",\n" : ", ").append(json(words.get(i)));
    }
    return out.append("]}\n").toString();
  }

  private static void appendList(StringBuilder out, String field, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    out.append(", \"").append(field).append("\": [");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(json(values.get(i)));
    }
    out.append(']');
  }

  /** A JSON string. */
  static String json(String s) {
    StringBuilder q = new StringBuilder("\"");
    JsonStringEncoder.getInstance().quoteAsString(s, q);
    return q.append('"').toString();
  }
}
