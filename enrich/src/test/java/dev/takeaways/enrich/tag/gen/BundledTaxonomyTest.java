package dev.takeaways.enrich.tag.gen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.enrich.tag.Taxonomy;
import dev.takeaways.enrich.tag.TaxonomyEntry;
import dev.takeaways.enrich.tag.TaxonomyMatcher;
import dev.takeaways.model.Tag;
import dev.takeaways.testsupport.Notes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The bundled taxonomy is what the generator makes of the source lists and the overlay: never
 * edited by hand. After changing the overlay, regenerate with {@code -Dtaxonomy.update=true} and
 * review the diff.
 */
class BundledTaxonomyTest {
  static final Path BUNDLED = Path.of("src/main/resources/dev/takeaways/enrich/tag/taxonomy.json");
  static final Path OVERLAY = Path.of("src/taxonomy/overlay.yml");
  static final Path WORDS = Path.of("src/taxonomy/english-words.txt");
  static final Path NOT_MISSPELLINGS = Path.of("src/taxonomy/not-misspellings.txt");

  static final Path JARGON = Path.of("src/taxonomy/jargon.txt");
  static final Path RARE_WORDS = Path.of("src/taxonomy/english-words-large.txt");
  /** The project's copies of the source lists (facts and names), made by {@link #importSources}. */
  static final Path SOURCES = Path.of("src/taxonomy/sources");

  static String generate() throws IOException {
    return new TaxonomyGenerator(wordList(WORDS), wordList(NOT_MISSPELLINGS), wordList(JARGON), wordList(RARE_WORDS))
        .generate(
            new TaxonomyGenerator.Sources(
                read("cncf-landscape.tsv"),
                read("awesome-devops.tsv"),
                read("dora-capabilities.tsv"),
                new BroadSources.Lists(
                    read("simple-icons.tsv"), read("iconify-logos.tsv"), read("devicon.tsv"), read("linguist-languages.tsv"),
                    read("debian-programs.tsv"), read("wappalyzer.tsv"))),
            Files.readString(OVERLAY));
  }

  private static String read(String file) throws IOException {
    return Files.readString(SOURCES.resolve(file));
  }

  /**
   * With {@code -Dtaxonomy.import=true}: copies the facts and names the generator needs from the raw
   * lists in {@code ../shared/taxonomy/} into {@link #SOURCES}, and, where Debian's word list is
   * installed ({@code wamerican}), rewrites {@link #WORDS} from it.
   */
  @Test
  void importSources() throws IOException {
    Assumptions.assumeTrue(Boolean.getBoolean("taxonomy.import"), "set -Dtaxonomy.import=true to import");
    Path shared = Notes.sharedDir().resolve("taxonomy");
    Files.createDirectories(SOURCES);
    Map<String, String> copies = new LinkedHashMap<>();
    copies.put("cncf-landscape.tsv", SourceImport.columns(Files.readString(shared.resolve("cncf-landscape.tsv")),
        "name", "category", "subcategory", "homepage_url", "repo_url"));
    copies.put("awesome-devops.tsv", SourceImport.columns(Files.readString(shared.resolve("awesome-devops.tsv")), "name", "category", "url"));
    copies.put("dora-capabilities.tsv", SourceImport.columns(Files.readString(shared.resolve("dora-capabilities.tsv")),
        "slug", "name", "group", "source"));
    copies.put("simple-icons.tsv", SourceImport.columns(Files.readString(shared.resolve("simple-icons.tsv")),
        "title", "slug", "aliases", "source_url"));
    copies.put("iconify-logos.tsv", SourceImport.columns(Files.readString(shared.resolve("iconify-logos.tsv")), "slug"));
    copies.put("devicon.tsv", SourceImport.columns(Files.readString(shared.resolve("devicon.tsv")), "name", "altnames", "tags"));
    copies.put("linguist-languages.tsv", SourceImport.columns(Files.readString(shared.resolve("linguist-languages.tsv")),
        "name", "type", "aliases"));
    copies.put("debian-programs.tsv", SourceImport.debian(Files.readString(shared.resolve("debian-packages.tsv"))));
    // Wappalyzer is not in ../shared: -Dtaxonomy.wappalyzer=.../package/apps.json (npm pack wappalyzer@5.9.34).
    String wappalyzer = System.getProperty("taxonomy.wappalyzer");
    copies.put("wappalyzer.tsv", wappalyzer == null ? read("wappalyzer.tsv") : SourceImport.wappalyzer(Files.readString(Path.of(wappalyzer))));
    for (var copy : copies.entrySet()) {
      Files.writeString(SOURCES.resolve(copy.getKey()), copy.getValue());
    }
    Path dictionary = Path.of("/usr/share/dict/american-english");
    Path large = Path.of("/usr/share/dict/american-english-large");
    if (Files.exists(dictionary) && Files.exists(large)) {
      Set<String> tokens = new HashSet<>();
      for (String text : copies.values()) {
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
          tokens.add(word);
        }
      }
      TreeSet<String> words = new TreeSet<>();
      for (String word : Files.readAllLines(dictionary, StandardCharsets.UTF_8)) {
        if (word.matches("[A-Za-z][a-z]+|[a-z]") && tokens.contains(word.toLowerCase(Locale.ROOT))) {
          words.add(word);
        }
      }
      Files.writeString(WORDS, """
          # Ordinary English words that are a word of some name in the project's copies of the source lists
          # (sources/). A tool name made only of these words or of jargon.txt's ("Harbor", "Cloud Custodian",
          # "webhook") is ambiguous: see README.md. Capitalized: proper nouns (first names, places), which
          # make a lower-case name of Debian or iconify ambiguous too ("alice"), not a brand's ("Kafka").
          # Made by BundledTaxonomyTest.importSources from Debian's wamerican 2020.12.07
          # (/usr/share/dict/american-english; public domain / permissive, see its copyright).
          """ + String.join("\n", words) + "\n");
      TreeSet<String> ordinary = new TreeSet<>(wordList(JARGON));
      for (String word : Files.readAllLines(dictionary, StandardCharsets.UTF_8)) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.matches("[a-z]+")) {
          ordinary.add(w);
        }
      }
      ordinary.removeIf(w -> !w.matches("[a-z]+"));
      Files.writeString(Path.of("src/main/resources/dev/takeaways/enrich/tag/ordinary-words.txt"), """
          # Ordinary words, lower case: never the name of a discovered tool. Debian's wamerican 2020.12.07
          # (SCOWL; permissive, see its copyright) and enrich/src/taxonomy/jargon.txt. Made by BundledTaxonomyTest.importSources.
          """ + String.join("\n", ordinary) + "\n");
      TreeSet<String> rare = new TreeSet<>();
      for (String word : Files.readAllLines(large, StandardCharsets.UTF_8)) {
        String w = word.toLowerCase(Locale.ROOT);
        // A word the dictionary writes with capitals inside is a brand it took in (DynamoDB, SharePoint,
        // GitHub), not an English word: it makes no name ambiguous. People's names stay (McIntyre, DiCaprio).
        boolean brand = word.matches("[A-Za-z]*[a-z][A-Z][A-Za-z]*|[A-Z]{2,}[a-z][A-Za-z]*")
            && !word.matches("(Mc|Mac|De|Di|Du|La|Le|Fitz)[A-Z][a-z]+|[A-Z]+e?s");
        if (w.matches("[a-z]+") && !brand && tokens.contains(w) && !words.contains(word) && !words.contains(w)) {
          rare.add(w);
        }
      }
      Files.writeString(RARE_WORDS, """
          # Words of Debian's larger word list, wamerican-large 2020.12.07 (/usr/share/dict/american-english-large,
          # lower-cased), that english-words.txt lacks and that are a word of some name in sources/: a name of
          # the broad lists (Debian, brand icon sets, devicon) made only of these is ambiguous ("onboard").
          # Made by BundledTaxonomyTest.importSources.
          """ + String.join("\n", rare) + "\n");
    }
  }

  private static Set<String> wordList(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .collect(Collectors.toSet());
  }

  @Test
  void theCommittedTaxonomyIsTheGeneratorsOutput() throws IOException {
    String generated = generate();
    if (Boolean.getBoolean("taxonomy.update")) {
      Files.writeString(BUNDLED, generated);
    }
    assertThat(Files.readString(BUNDLED)).isEqualTo(generated);
  }

  @Test
  void coversFifteenThousandToolsAndEveryPracticeOfTheEvaluationVocabulary() throws IOException {
    Taxonomy taxonomy = Taxonomy.bundled();
    List<TaxonomyEntry> tools = taxonomy.entries().stream().filter(e -> e.type().equals("tool")).toList();
    assertThat(tools).hasSizeGreaterThanOrEqualTo(15_000);
    assertThat(tools).filteredOn(e -> !e.listed()).hasSizeGreaterThanOrEqualTo(15_000);

    Set<String> practices =
        taxonomy.entries().stream().filter(e -> e.type().equals("practice")).map(TaxonomyEntry::slug).collect(Collectors.toSet());
    List<String> vocabulary =
        Files.readAllLines(Notes.sharedDir().resolve("eval/practices.tsv")).stream().skip(1).map(l -> l.split("\t")[0]).toList();
    assertThat(practices).containsAll(vocabulary);
  }

  @Test
  void classicOperationsToolsAreThere() {
    Set<String> slugs = Taxonomy.bundled().entries().stream().map(TaxonomyEntry::slug).collect(Collectors.toSet());
    assertThat(slugs)
        .contains(
            "serverspec", "test-kitchen", "chocolatey", "boxstarter", "pulp", "tripwire", "tmux", "multitail", "cfengine",
            "nagios", "rundeck", "powershell-dsc", "kubernetes", "helm", "prometheus", "argo", "opentofu");
  }

  @Test
  void aProductIsOneToolHoweverTheListsWriteItsMaker() {
    UnaryOperator<String> slugOf = Taxonomy.bundled().toolSlugsByName();
    Map<String, TaxonomyEntry> bySlug =
        Taxonomy.bundled().entries().stream().filter(e -> e.type().equals("tool")).collect(Collectors.toMap(TaxonomyEntry::slug, e -> e));
    // simple-icons writes Apache Solr, Wappalyzer Solr; the CNCF landscape Grafana Loki, awesome-devops Loki.
    assertThat(List.of("apache-solr", "solr")).allSatisfy(label -> assertThat(slugOf.apply(label)).isEqualTo("solr"));
    assertThat(List.of("grafana-loki", "loki")).allSatisfy(label -> assertThat(slugOf.apply(label)).isEqualTo("loki"));
    assertThat(List.of("red-hat-openshift", "openshift")).allSatisfy(label -> assertThat(slugOf.apply(label)).isEqualTo("openshift"));
    // The product's own row names the entry: Zuul the CI system keeps its category, Netflix's spelling joins it.
    assertThat(bySlug.get("zuul").category()).isEqualTo("continuous-integration-delivery");
    assertThat(bySlug.get("zuul").aliases()).contains("Netflix Zuul");
    // The company named after its product (a CNCF member) is that product, for a DevOps list's product only.
    assertThat(slugOf.apply("aqua-security")).isEqualTo("aqua");
    assertThat(slugOf.apply("rafay-systems")).isEqualTo("rafay");
    assertThat(bySlug.get("legit").aliases()).doesNotContain("Legit Security");
    // An ordinary word alone names nothing: Apache Storm keeps its maker.
    assertThat(bySlug.get("apache-storm").aliases()).doesNotContain("Storm");
    assertThat(slugOf.apply("apache-storm")).isEqualTo("apache-storm");
    // A maker's name alone is the company: its products are the tools, but a DevOps list's Grafana stays.
    assertThat(bySlug).doesNotContainKeys("red-hat", "redhat", "netflix", "microsoft", "vmware", "hashicorp").containsKeys("grafana");
    // Foundations and standards bodies are organisations, however a list writes them (openjsfoundation).
    assertThat(bySlug).doesNotContainKeys("cncf", "owasp", "w3c", "openjs-foundation", "openjsfoundation", "apachesoftwarefoundation");
    assertThat(new TaxonomyMatcher(Taxonomy.bundled()).tag("Redhat helps people build boring software with OpenShift"))
        .extracting(Tag::id).containsExactly("tool:openshift");
    // A word the dictionary writes with capitals inside is a brand it took in, not English: WordPress is a name.
    assertThat(bySlug.get("wordpress").ambiguous()).isFalse();
    assertThat(new TaxonomyMatcher(Taxonomy.bundled()).tag("The blog moved to WordPress last year."))
        .extracting(Tag::id).containsExactly("tool:wordpress");
    // Social networks and media sites are where people talk, not tools; a developers' site and chat tools stay.
    assertThat(bySlug).doesNotContainKeys("facebook", "twitter", "linkedin", "youtube", "slideshare").containsKeys("stack-overflow", "slack");
    assertThat(new TaxonomyMatcher(Taxonomy.bundled()).tag("Slides on SlideShare, follow-ups on Twitter and LinkedIn, alerts in Slack"))
        .extracting(Tag::id).contains("tool:slack").noneMatch(id -> !id.equals("tool:slack") && id.startsWith("tool:"));
    // A brand of simple-icons named with a maker of software is software, though no other list has it,
    // unless its product is known by its own name already (BigQuery stands for Google BigQuery).
    assertThat(bySlug.get("google-cloud-composer").source()).isEqualTo("simple-icons+vendors");
    assertThat(bySlug).doesNotContainKey("google-bigquery").containsKey("bigquery");
    assertThat(new TaxonomyMatcher(Taxonomy.bundled()).tag("Backups go to Google Cloud Storage, then into Google BigQuery"))
        .extracting(Tag::id).filteredOn(id -> id.startsWith("tool:")).containsExactly("tool:google-cloud-storage", "tool:bigquery");
    // A cloud's service by the name people write, its maker left out, where its capitals say it is the product.
    assertThat(new TaxonomyMatcher(Taxonomy.bundled()).tag("Events go through Kinesis and SQS to Cloud Functions."))
        .extracting(Tag::id).filteredOn(id -> id.startsWith("tool:"))
        .containsExactly("tool:aws-kinesis", "tool:aws-sqs", "tool:google-cloud-functions");
    assertThat(new TaxonomyMatcher(Taxonomy.bundled()).tag("serverless cloud functions are cheap")).extracting(Tag::id)
        .noneMatch(id -> id.startsWith("tool:"));
  }

  @Test
  void leavesOutMembersLanguagesAndCopyleftData() throws IOException {
    String json = Files.readString(BUNDLED);
    assertThat(json).doesNotContain("(member)").doesNotContain("awesome-sysadmin");
    Set<String> names = Taxonomy.bundled().entries().stream().map(TaxonomyEntry::name).collect(Collectors.toSet());
    // Languages and formats, though the brand lists and devicon have them.
    assertThat(names).doesNotContain("Rust", "Golang", "Haskell", "C", "Python", "JavaScript", "TypeScript", "HTML5", "YAML", "JSON", "Markdown");
    // Ganglia is only in awesome-sysadmin among the DevOps lists: it is here because we curated it.
    assertThat(Taxonomy.bundled().entries().stream().filter(e -> e.slug().equals("ganglia")).findFirst().orElseThrow().source())
        .startsWith("curated");
  }
}
