package dev.takeaways.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.Tag;
import dev.takeaways.testsupport.Notes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class NoteEnricherTest {
  private static final NoteEnricher ENRICHER = NoteEnricher.withBundledTaxonomy();

  private static EnrichResult enrich(String path, String content) {
    return ENRICHER.enrich(RawNote.of(path, path, new RawNote.Source(RawNote.Source.CLI, null), content, 0));
  }

  @Test
  void theSeedIsEnrichedWithToolsAndPractices() {
    EnrichedNote note = ((EnrichResult.Enriched) enrich(Notes.SEED_NAME, Notes.seed())).note();

    assertThat(note.title()).isEqualTo("Notes and Summary from DevOps Days Boston 2014");
    assertThat(note.created()).isEqualTo("2014-09-23");
    assertThat(note.sessions()).hasSize(17);
    assertThat(note.takeaways()).hasSizeGreaterThan(100);
    assertThat(note.takeaways().stream().flatMap(t -> t.tags().stream()).map(Tag::id))
        .contains("tool:serverspec", "tool:chocolatey", "tool:heroku", "tool:test-kitchen", "practice:code-review", "practice:chatops");
    assertThat(note.distinctTags("tool")).isGreaterThan(20);
    note.takeaways().forEach(t -> t.tags().forEach(tag ->
        assertThat(t.text().substring(tag.evidence().start(), tag.evidence().end())).isEqualTo(tag.evidence().text())));
  }

  @Test
  void theProgramOfACommandWrittenAsCodeIsATool() {
    String text = """
        # TIL

        - Run `kind create cluster` for a throwaway cluster.
        - What kind of magic is this? Kubernetes, Docker and Helm agree.
        - The `kind` field of every manifest names its type.
        - Kind regards, the `helm install` crew.
        """;
    EnrichedNote note = ((EnrichResult.Enriched) enrich("til.md", text)).note();

    assertThat(note.takeaways()).extracting(t -> t.tags().stream().map(Tag::id).filter(id -> id.equals("tool:kind")).toList())
        .containsExactly(java.util.List.of("tool:kind"), java.util.List.of(), java.util.List.of(), java.util.List.of());
    assertThat(note.takeaways().get(0).tags()).filteredOn(t -> t.id().equals("tool:kind"))
        .extracting(t -> t.evidence().text(), t -> t.evidence().rule()).containsExactly(Tuple.tuple("kind", "context"));
  }

  @Test
  void aHeadingThatIsOneNameWhoseSectionSaysWhatSoftwareItIsIsATool() {
    String text = """
        # Platform day

        ## Quorblet

        - A deployment tool our team wrote around Terraform.
        - It runs every merge.

        ## Marguerite

        - Led the migration, gave the talk.

        ## Summary

        - a tool for everything
        """;
    EnrichedNote note = ((EnrichResult.Enriched) enrich("day.md", text)).note();

    assertThat(note.tags()).filteredOn(t -> t.evidence().rule().equals("discovered"))
        .extracting(Tag::id, t -> t.evidence().text()).containsExactly(Tuple.tuple("tool:quorblet", "Quorblet"));
  }

  @Test
  void everyExampleNoteIsEnrichedWithAtLeastOneTag() {
    for (Path file : Notes.examples()) {
      EnrichResult result = enrich(file.getFileName().toString(), Notes.read(file));
      assertThat(result).as(file.toString()).isInstanceOf(EnrichResult.Enriched.class);
      EnrichedNote note = ((EnrichResult.Enriched) result).note();
      assertThat(note.takeaways()).as(file.toString()).isNotEmpty();
      assertThat(note.distinctTags("tool")).as(file.toString()).isPositive();
    }
  }

  @Test
  void theWarmUpNoteRunsEveryPathOfEnrich() {
    EnrichedNote sample = ENRICHER.warmUp();

    assertThat(sample.sessions()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(sample.takeaways()).extracting(t -> t.kind().wireName()).contains("point", "quote", "aside", "summary", "tool-mention", "highlight");
    assertThat(sample.takeaways()).flatExtracting(t -> t.tags()).extracting(t -> t.id())
        .contains("tool:jenkins", "tool:terraform", "practice:code-review", "practice:immutable-infrastructure");
  }

  @Test
  void aNoteWithoutTitleOrHeadingIsNamedAfterItsFile() {
    EnrichedNote note = ((EnrichResult.Enriched) enrich("journal/monday.md", "- fixed the Jenkins agents\n")).note();

    assertThat(note.title()).isEqualTo("monday");
  }

  @Test
  void frontMatterThatCannotBeReadWithNothingElseIsDeadLetteredAsFrontMatter() {
    assertThat(enrich("fm.md", "---\ntitle: [broken\n---\n\n")).isInstanceOfSatisfying(EnrichResult.Rejected.class, r -> {
      assertThat(r.reason()).isEqualTo("front-matter");
      assertThat(r.detail()).startsWith("fm.md: front matter is not valid YAML");
    });
  }

  @Test
  void brokenFrontMatterWithABodyIsProcessedWithAWarning() {
    EnrichedNote note = ((EnrichResult.Enriched) enrich("fm.md", "---\ntitle: [broken\n---\n# Body\n\n- Docker\n")).note();

    assertThat(note.title()).isEqualTo("Body");
    assertThat(note.warnings()).singleElement().asString().contains("not valid YAML");
  }

  @Test
  void aNoteOfOnlyFrontMatterIsProcessedWithNoTakeaways() {
    EnrichedNote note = ((EnrichResult.Enriched) enrich("only.md", "---\ntitle: Only a title\n---\n")).note();

    assertThat(note.title()).isEqualTo("Only a title");
    assertThat(note.takeaways()).isEmpty();
  }

  @Test
  void pathologicalInputEndsAsANoteOrARejectionNeverAnException() throws InterruptedException {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("deep-quotes", ">".repeat(100_000) + " x\n");
    inputs.put("deep-lists", "- ".repeat(50_000) + "x\n");
    inputs.put("deep-brackets", "[".repeat(100_000) + "x" + "]".repeat(100_000));
    inputs.put("deep-emphasis", "*".repeat(50_000) + "x" + "*".repeat(50_000));
    inputs.put("open-links", "[a](b".repeat(50_000));
    inputs.put("backticks", "`".repeat(50_000) + "x");
    inputs.put("one-long-line", "Docker and **bold** code review, ".repeat(30_000));
    Map<String, Object> results = new ConcurrentHashMap<>();
    // A Streams thread has the default thread stack, smaller than the main thread's.
    Thread t = new Thread(null, () -> inputs.forEach((name, text) -> {
      try {
        results.put(name, enrich(name + ".md", text));
      } catch (Throwable e) {
        results.put(name, e);
      }
    }), "enrich-like", 512 * 1024);
    t.start();
    t.join();

    assertThat(results).hasSize(inputs.size());
    assertThat(results.values()).allSatisfy(r -> assertThat(r).isInstanceOf(EnrichResult.class));
  }

  @Test
  void emptyAndBinaryNotesAreRejectedWithTheirPath() {
    assertThat(enrich("a.md", "  \n")).isEqualTo(new EnrichResult.Rejected("empty", "a.md: the note is empty"));
    assertThat(enrich("b.md", "x\0y")).isInstanceOfSatisfying(EnrichResult.Rejected.class, r -> {
      assertThat(r.reason()).isEqualTo("binary");
      assertThat(r.detail()).startsWith("b.md");
    });
  }
}
