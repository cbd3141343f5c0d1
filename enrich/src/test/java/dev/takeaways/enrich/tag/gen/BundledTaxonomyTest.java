package dev.takeaways.enrich.tag.gen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.enrich.tag.Taxonomy;
import dev.takeaways.enrich.tag.TaxonomyEntry;
import dev.takeaways.testsupport.Notes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bundled taxonomy is what the generator makes of the source lists and the overlay: never
 * edited by hand. After changing the overlay, regenerate with {@code -Dtaxonomy.update=true} and
 * review the diff.
 */
class BundledTaxonomyTest {
  static final Path BUNDLED = Path.of("src/main/resources/dev/takeaways/enrich/tag/taxonomy.yml");
  static final Path OVERLAY = Path.of("src/taxonomy/overlay.yml");
  static final Path WORDS = Path.of("src/taxonomy/english-words.txt");
  static final Path NOT_MISSPELLINGS = Path.of("src/taxonomy/not-misspellings.txt");

  static String generate() throws IOException {
    Path sources = Notes.sharedDir().resolve("taxonomy");
    return new TaxonomyGenerator(wordList(WORDS), wordList(NOT_MISSPELLINGS))
        .generate(
            new TaxonomyGenerator.Sources(
                Files.readString(sources.resolve("cncf-landscape.tsv")),
                Files.readString(sources.resolve("awesome-devops.tsv")),
                Files.readString(sources.resolve("dora-capabilities.tsv"))),
            Files.readString(OVERLAY));
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
  void coversAThousandToolsAndEveryPracticeOfTheEvaluationVocabulary() throws IOException {
    Taxonomy taxonomy = Taxonomy.bundled();
    List<TaxonomyEntry> tools = taxonomy.entries().stream().filter(e -> e.type().equals("tool")).toList();
    assertThat(tools).hasSizeGreaterThanOrEqualTo(1000);

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
  void leavesOutMembersLanguagesAndCopyleftData() throws IOException {
    String yaml = Files.readString(BUNDLED);
    assertThat(yaml).doesNotContain("(member)").doesNotContain("awesome-sysadmin");
    Set<String> names = Taxonomy.bundled().entries().stream().map(TaxonomyEntry::name).collect(Collectors.toSet());
    assertThat(names).doesNotContain("Rust", "Golang", "Haskell", "C");
    // Ganglia is only in awesome-sysadmin among the sources: it is here because we curated it.
    assertThat(Arrays.stream(yaml.split("\n")).filter(l -> l.contains("slug: ganglia,")).findFirst().orElseThrow())
        .contains("source: curated");
  }
}
