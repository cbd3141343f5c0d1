package dev.takeaways.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.Tag;
import dev.takeaways.model.Takeaway;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random Markdown and random bytes through parse, extract and tag: nothing throws, every input ends
 * as a note or a rejection, and the output keeps its invariants (unique ids, evidence spans inside
 * their text and equal to the text they point at). Pathological nesting of every construct finishes
 * (a hang detector with a generous bound, not a speed measurement: speed is in the benchmarks).
 */
class EnrichPropertiesTest {
  private static final NoteEnricher ENRICHER = NoteEnricher.withBundledTaxonomy();
  private static final List<String> PIECES = List.of(
      "Docker", "Chef", "Puppet", "code review", "k8s", "Test Kitchen", "test-kitchen", "CI/CD", "chatops", "immutable servers",
      "**", "__", "*", "_", "`", "```", "~~~", "[", "]", "](", "(", ")", "http://example.com/x", "<b>", "</b>", "&amp;",
      ">", "#", "##", "######", "- ", "* ", "1. ", "|", "| --- |", "---", "+++", "title: x", "\n", "\n\n", "\r\n", "\t", "    ",
      "Summary:", "TL;DR", "Tools: Packer, Vagrant", "[Q: why?]", "Note:", "\\", "😀", "é", "\u200b", "\ufeff", "\u0085");

  @Provide
  Arbitrary<String> markdown() {
    Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(PIECES), Arbitraries.strings().all().ofMaxLength(8));
    return piece.list().ofMaxSize(300).map(parts -> String.join(" ", parts));
  }

  @Provide
  Arbitrary<String> nested() {
    Arbitrary<String> opener = Arbitraries.of(">", "> ", "- ", "1. ", "[", "![", "*", "_", "`", "<", "(", "    ", "#", "[a](", "**x", "|");
    return Combinators.combine(opener, Arbitraries.integers().between(1_000, 60_000), Arbitraries.of("x", " Docker", "\n", "]"))
        .as((o, n, end) -> o.repeat(n) + end);
  }

  private static EnrichResult enrich(String text) {
    return ENRICHER.enrich(RawNote.of("p.md", "p.md", new RawNote.Source(RawNote.Source.CLI, null), text, 1));
  }

  @Property(tries = 400)
  void anyMarkdownEndsAsANoteOrARejectionWithItsInvariants(@ForAll("markdown") String text) {
    checkInvariants(enrich(text));
  }

  @Property(tries = 200)
  void anyBytesEndAsANoteOrARejection(@ForAll byte[] bytes) {
    checkInvariants(enrich(new String(bytes, StandardCharsets.UTF_8)));
  }

  @Property(tries = 40)
  void pathologicalNestingFinishesOnAStreamThreadsStack(@ForAll("nested") String text) throws InterruptedException {
    AtomicReference<Object> result = new AtomicReference<>();
    // A Streams thread has the default thread stack, smaller than the main thread's.
    Thread t = new Thread(null, () -> {
      try {
        result.set(enrich(text));
      } catch (Throwable e) {
        result.set(e);
      }
    }, "enrich-like", 512 * 1024);
    t.start();
    t.join(Duration.ofSeconds(20).toMillis());
    assertThat(t.isAlive()).as("still enriching a %d-char nested note after 20 s", text.length()).isFalse();
    assertThat(result.get()).isInstanceOf(EnrichResult.class);
    checkInvariants((EnrichResult) result.get());
  }

  private static void checkInvariants(EnrichResult result) {
    assertThat(result).isNotNull();
    if (!(result instanceof EnrichResult.Enriched enriched)) {
      assertThat(((EnrichResult.Rejected) result).detail()).startsWith("p.md");
      return;
    }
    EnrichedNote note = enriched.note();
    Set<String> ids = new HashSet<>();
    for (Takeaway t : note.takeaways()) {
      assertThat(ids.add(t.id())).as("duplicate takeaway id %s", t.id()).isTrue();
      assertThat(t.text()).isNotBlank();
      for (Tag tag : t.tags()) {
        Tag.Evidence e = tag.evidence();
        assertThat(e.start()).isBetween(0, e.end());
        assertThat(e.end()).isLessThanOrEqualTo(t.text().length());
        assertThat(t.text().substring(e.start(), e.end())).isEqualTo(e.text());
      }
    }
    Set<String> sessions = new HashSet<>();
    note.sessions().forEach(s -> assertThat(sessions.add(s.id())).isTrue());
    note.takeaways().forEach(t -> assertThat(t.sessionId() == null || sessions.contains(t.sessionId())).isTrue());
  }
}
