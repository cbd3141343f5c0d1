package dev.takeaways.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.enrich.EnrichResult;
import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.enrich.eval.GoldFile;
import dev.takeaways.enrich.eval.GoldNote;
import dev.takeaways.enrich.eval.Labels;
import dev.takeaways.enrich.eval.TagEvaluation;
import dev.takeaways.enrich.extract.TakeawayExtractor;
import dev.takeaways.enrich.parse.NoteParser;
import dev.takeaways.model.RawNote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One edit of tolerance raises recall on misspelled names, and costs no precision. */
class MisspellingToleranceTest {
  private static final Path DIR = Path.of("src/test/resources/eval-misspellings");
  private static final TaxonomyMatcher TOLERANT = new TaxonomyMatcher(Taxonomy.bundled(), true);

  private static List<String> ids(String text) {
    return TOLERANT.tag(text).stream().filter(t -> t.id().startsWith("tool:")).map(t -> t.id() + "/" + t.evidence().rule()).toList();
  }

  @Test
  void capitalizedWordsOneEditFromAToolAreThatTool() {
    assertThat(ids("We moved off Jenkis last year")).containsExactly("tool:jenkins/misspelling");
    assertThat(ids("three services on Kubernates")).containsExactly("tool:kubernetes/misspelling");
    assertThat(ids("Ansbile configures the hosts")).containsExactly("tool:ansible/misspelling");
    assertThat(ids("Hiroku dynos")).containsExactly("tool:heroku/misspelling");
  }

  @Test
  void longWordsInLowerCaseOneEditFromAToolAreThatTool() {
    assertThat(ids("implemented twistlick for image scans")).containsExactly("tool:twistlock/misspelling");
    assertThat(ids("people write kuberntes in lower case")).containsExactly("tool:kubernetes/misspelling");
  }

  @Test
  void aNameWrittenByItsSoundIsThatTool() {
    assertThat(ids("Dashboards in Graphana")).containsExactly("tool:grafana/misspelling");
    assertThat(ids("Dashboards in Graphanna")).as("and then one edit").containsExactly("tool:grafana/misspelling");
    assertThat(ids("reviews in Fabricator")).containsExactly("tool:phabricator/misspelling");
    assertThat(ids("The Phantom of the Opera")).isEmpty();
    assertThat(ids("The Telegraph ran the story")).as("an ordinary word respelled (Telegraf) is still an ordinary word").isEmpty();
  }

  @Test
  void nearMissesAndExactNamesComeInTheOrderOfTheText() {
    String text = "Kubernates runs docker compose, Hiroku runs the rest, Jenkis builds with Test Kitchen and Ansbile";

    assertThat(TOLERANT.tag(text)).filteredOn(t -> t.id().startsWith("tool:")).extracting(t -> t.id() + "@" + t.evidence().start()).containsExactly(
        "tool:kubernetes@0",
        "tool:docker-compose@" + text.indexOf("docker"),
        "tool:heroku@" + text.indexOf("Hiroku"),
        "tool:jenkins@" + text.indexOf("Jenkis"),
        "tool:test-kitchen@" + text.indexOf("Test Kitchen"),
        "tool:ansible@" + text.indexOf("Ansbile"));
  }

  @Test
  void variantsAreTheHashesOfTheWordAndOfEachDeletion() {
    assertThat(NearMisses.inverse(0x100000001b3L) * 0x100000001b3L).isEqualTo(1L);
    for (String word : List.of("Kubernates", "ansible", "Ab", "x")) {
      Set<Long> expected = new HashSet<>();
      String lower = word.toLowerCase(Locale.ROOT);
      expected.add(polynomial(lower));
      for (int i = 0; i < lower.length(); i++) {
        expected.add(polynomial(lower.substring(0, i) + lower.substring(i + 1)));
      }
      Set<Long> given = new HashSet<>();
      assertThat(NearMisses.forEachVariant(word, 0, word.length(), given::add)).isTrue();
      assertThat(given).as(word).isEqualTo(expected);
    }
  }

  private static long polynomial(String s) {
    long h = 0;
    for (int i = 0; i < s.length(); i++) {
      h = h * 0x100000001b3L + s.charAt(i);
    }
    return h;
  }

  @Test
  void ordinaryWordsLowerCaseAndFarWordsAreNot() {
    assertThat(ids("Chocolate cake and a Docket for Parker")).isEmpty();
    assertThat(ids("Toggle the flag, then Customize the Anchor")).as("words of the dictionary, capitalized").isEmpty();
    assertThat(ids("UNSPEC")).as("all capitals: a constant").isEmpty();
    assertThat(ids("people write jenkis in lower case")).as("short, in lower case").isEmpty();
    assertThat(ids("the archival storage has a releaser")).as("words made from words of the dictionary").isEmpty();
    assertThat(ids("Kubbernatees is two edits away")).isEmpty();
    assertThat(NearMisses.oneEditApart("jenkis", "jenkins")).isTrue();
    assertThat(NearMisses.oneEditApart("ansbile", "ansible")).isTrue();
    assertThat(NearMisses.oneEditApart("hiroku", "heroku")).isTrue();
    assertThat(NearMisses.oneEditApart("jenkins", "jenkins")).isFalse();
    assertThat(NearMisses.oneEditApart("jnekisn", "jenkins")).isFalse();
  }

  @Test
  void raisesRecallWithoutLoweringPrecisionOnOurMisspelledNotes() throws IOException {
    TagEvaluation.Report exact = evaluate(false);
    TagEvaluation.Report tolerant = evaluate(true);
    System.out.printf(
        "misspelling tolerance on %s: tools P %.3f -> %.3f, R %.3f -> %.3f, F1 %.3f -> %.3f%n",
        DIR, exact.tools().precision(), tolerant.tools().precision(), exact.tools().recall(), tolerant.tools().recall(),
        exact.tools().f1(), tolerant.tools().f1());

    assertThat(tolerant.tools().recall()).isGreaterThan(exact.tools().recall());
    assertThat(tolerant.tools().precision()).isGreaterThanOrEqualTo(exact.tools().precision());
    assertThat(tolerant.tools().f1()).isGreaterThan(exact.tools().f1());
  }

  private static TagEvaluation.Report evaluate(boolean nearMisses) throws IOException {
    NoteEnricher enricher = new NoteEnricher(new NoteParser(), new TakeawayExtractor(), new TaxonomyMatcher(Taxonomy.bundled(), nearMisses));
    Map<String, GoldNote> gold = GoldFile.parse(Files.readString(DIR.resolve("gold.json")));
    Map<String, Labels> predicted = new LinkedHashMap<>();
    for (String file : gold.keySet()) {
      String text = Files.readString(DIR.resolve(file));
      EnrichResult result = enricher.enrich(RawNote.of(file, file, new RawNote.Source(RawNote.Source.CLI, null), text, 0));
      predicted.put(file, GoldFile.found(((EnrichResult.Enriched) result).note()));
    }
    return TagEvaluation.evaluate(predicted, gold);
  }
}
