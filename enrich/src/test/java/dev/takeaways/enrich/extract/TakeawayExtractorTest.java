package dev.takeaways.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.takeaways.enrich.parse.NoteParser;
import dev.takeaways.model.Session;
import dev.takeaways.model.Takeaway;
import dev.takeaways.model.TakeawayKind;
import dev.takeaways.testsupport.Notes;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TakeawayExtractorTest {
  private final NoteParser parser = new NoteParser();
  private final TakeawayExtractor extractor = new TakeawayExtractor();

  private Extraction extract(String text) {
    return extractor.extract("note.md", parser.parse(text));
  }

  @Test
  void theSeedHasSeventeenSessionsWithTitlesSpeakersAndSections() {
    List<Session> sessions = extract(Notes.seed()).sessions();

    assertThat(sessions).hasSize(17);
    assertThat(sessions.get(0))
        .extracting(Session::title, Session::speaker, Session::url, Session::section)
        .containsExactly(
            "The Value of Feedback", "John Ryding", "http://devopsdays.org/events/2014-boston/program/#talk2", "Talks, Day 1");
    assertThat(sessions)
        .extracting(Session::title, Session::section)
        .contains(
            tuple("Driving change", "Micro talks"),
            tuple("Chef", "Micro talks"),
            tuple("Immutable servers", "Breakout Sessions, Day 1"),
            tuple("Metrics Driven Development", "Talks, Day 2"),
            tuple("Config tool throwdown (Chef vs. Puppet vs. Salt vs Ansible)", "Breakout Sessions, Day 2"));
    assertThat(sessions).filteredOn(s -> s.title().startsWith("Intro to CoreOS")).singleElement()
        .extracting(Session::speaker).isEqualTo("Kelsey Hightower");
    assertThat(sessions).extracting(Session::id).doesNotHaveDuplicates();
  }

  @Test
  void theSeedHasOneSummaryPerSessionAttachedToIt() {
    Extraction e = extract(Notes.seed());
    List<Takeaway> summaries = e.takeaways().stream().filter(t -> t.kind() == TakeawayKind.SUMMARY).toList();

    assertThat(summaries).hasSize(17);
    assertThat(summaries).extracting(Takeaway::sessionId).doesNotContainNull().doesNotHaveDuplicates();
    // Also when the name is a link: "[Dewey's](...) Summary: Excellent talk."
    assertThat(summaries).anySatisfy(t -> assertThat(t.text()).startsWith("Excellent talk."));
  }

  @Test
  void everyBoldLineOfTheSeedIsAHighlightAndBoldPunctuationIsNot() {
    Set<String> highlights =
        extract(Notes.seed()).takeaways().stream()
            .filter(t -> t.kind() == TakeawayKind.HIGHLIGHT)
            .map(Takeaway::text)
            .collect(Collectors.toSet());

    assertThat(highlights)
        .contains(
            "They added automation testers to code review team",
            "Tool: ServerSpec – used to verify servers match requirements",
            "Make the bad way inconvenient",
            "Cognitive biases",
            "Instrumentation is NOT debugging.")
        .noneMatch(h -> h.equals("."));
  }

  @Test
  void eachTakeawayKeepsTheCodeSpansOfItsText() {
    Extraction e = extract("""
        # Notes

        Run `kind create cluster`, then `kubectl get nodes`.

        - plain words only

        > quoted `helm install` line

        | tool | note |
        | --- | --- |
        | kind | stale |
        """);

    assertThat(e.takeaways()).extracting(Takeaway::text).containsExactly(
        "Run kind create cluster, then kubectl get nodes.", "plain words only", "quoted helm install line", "kind | stale");
    assertThat(e.codeSpans()).containsExactly(
        List.of("kind create cluster", "kubectl get nodes"), List.of(), List.of("helm install"), List.of());
  }

  @Test
  void takeawayIdsAreStableAndUnique() {
    List<String> first = extract(Notes.seed()).takeaways().stream().map(Takeaway::id).toList();
    List<String> second = extract(Notes.seed()).takeaways().stream().map(Takeaway::id).toList();

    assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
  }

  @Test
  void everySummaryLabelIsReadAndLookalikesAreNot() {
    String[] labels = {
      "Summary:", "SUMMARY :", "In summary -", "TL;DR:", "tl dr \u2014", "TLDR:", "Takeaways:", "My takeaways -",
      "Key Takeaway \u2013", "Dewey's summary:", "Jean-Luc's Summary:", "Bob\u2019s summary -", "KEY TAKEAWAYS:"
    };
    for (String label : labels) {
      assertThat(extract(label + " ship small changes\n").takeaways())
          .as(label)
          .extracting(Takeaway::kind, Takeaway::text)
          .containsExactly(tuple(TakeawayKind.SUMMARY, "ship small changes"));
    }
    String[] lookalikes = {
      "The summary was long", "The takeaway is simple: ship small changes", "Summaries: ship", "x".repeat(60) + " summary: late",
      "A sum-up: ship small changes"
    };
    for (String text : lookalikes) {
      assertThat(extract(text + "\n").takeaways()).as(text).extracting(Takeaway::kind).containsExactly(TakeawayKind.POINT);
    }
  }

  @Test
  void kindsAreRecognized() {
    String note =
        """
        # Conf

        ## Talk - JaneDoe

        Summary: the gist.

        **A bold idea**

        Tools: Docker, Packer

        [Q: why?]

        - a point

        > a quote

        Interesting tools:
        """;
    List<Takeaway> takeaways = extract(note).takeaways();

    assertThat(takeaways)
        .extracting(Takeaway::kind, Takeaway::text)
        .containsExactly(
            tuple(TakeawayKind.SUMMARY, "the gist."),
            tuple(TakeawayKind.HIGHLIGHT, "A bold idea"),
            tuple(TakeawayKind.TOOL_MENTION, "Tools: Docker, Packer"),
            tuple(TakeawayKind.ASIDE, "Q: why?"),
            tuple(TakeawayKind.POINT, "a point"),
            tuple(TakeawayKind.QUOTE, "a quote"));
    assertThat(takeaways).extracting(Takeaway::section).containsOnly("Conf > Talk");
  }

  @Test
  void boldLabelsAndBoldWordsInASentenceAreNotHighlights() {
    List<Takeaway> takeaways = extract(
        "**Title:** Untangling infrastructure code\n\nLook for the lines in **BOLD** for ideas.\n\n**Make the bad way inconvenient**\n").takeaways();

    assertThat(takeaways).extracting(Takeaway::kind, Takeaway::text).containsExactly(
        tuple(TakeawayKind.POINT, "Title: Untangling infrastructure code"),
        tuple(TakeawayKind.POINT, "Look for the lines in BOLD for ideas."),
        tuple(TakeawayKind.HIGHLIGHT, "Make the bad way inconvenient"));
  }

  @Test
  void noteLinesAndSummaryLabelsOfManyForms() {
    List<Takeaway> takeaways = extract(
        "Note: slides are online.\n\nTL;DR: ship smaller.\n\nKey takeaways: measure first.\n\n[Interesting thought: chatops for all.]\n").takeaways();

    assertThat(takeaways).extracting(Takeaway::kind, Takeaway::text).containsExactly(
        tuple(TakeawayKind.ASIDE, "Note: slides are online."),
        tuple(TakeawayKind.SUMMARY, "ship smaller."),
        tuple(TakeawayKind.SUMMARY, "measure first."),
        tuple(TakeawayKind.ASIDE, "Interesting thought: chatops for all."));
  }

  @Test
  void htmlBlocksAreReadAsTextAndTablesAsRows() {
    String note = "<div>\n<p><strong>Description:</strong></p>\n<p>Refactoring   infrastructure code with Chef.</p>\n</div>\n\n"
        + "| Tool | Use |\n| --- | --- |\n| Vagrant | local VMs |\n";
    List<Takeaway> takeaways = extract(note).takeaways();

    assertThat(takeaways).extracting(Takeaway::kind, Takeaway::text).containsExactly(
        tuple(TakeawayKind.POINT, "Refactoring infrastructure code with Chef."),
        tuple(TakeawayKind.POINT, "Vagrant | local VMs"));
  }

  @Test
  void nestedHtmlBlocksAreReadOnceByTheInnermost() {
    String note = "<ul>\n<li><p>Pin the base image.</p></li>\n<li>Rebuild every week.</li>\n</ul>\n"
        + "<blockquote><p>Cattle, not pets.</p></blockquote>\n<dl><dd>Immutable servers</dd></dl>\n";
    List<Takeaway> takeaways = extract(note).takeaways();

    assertThat(takeaways).extracting(Takeaway::kind, Takeaway::text).containsExactly(
        tuple(TakeawayKind.POINT, "Pin the base image."),
        tuple(TakeawayKind.POINT, "Rebuild every week."),
        tuple(TakeawayKind.POINT, "Cattle, not pets."),
        tuple(TakeawayKind.POINT, "Immutable servers"));
  }

  @Test
  void aTableOfOnlyAHeaderIsReadByItsHeader() {
    List<Takeaway> takeaways = extract("| [Slides](s.pdf) | [Code on GitHub](https://x) |\n| --- | --- |\n").takeaways();

    assertThat(takeaways).extracting(Takeaway::text).containsExactly("Slides | Code on GitHub");
  }

  @Test
  void aOneTalkNoteIsOneSessionWithItsSpeakers() {
    Extraction e = extract("# Intro: Linkerd\n\n**Speakers**\n* Ana Silva, Example Corp\n\n## What does it do?\n\n- retries and timeouts\n");

    assertThat(e.sessions()).singleElement().satisfies(s -> {
      assertThat(s.title()).isEqualTo("Intro: Linkerd");
      assertThat(s.speaker()).isEqualTo("Ana Silva");
    });
    assertThat(e.takeaways()).extracting(Takeaway::text).containsExactly("retries and timeouts");
    assertThat(e.takeaways()).extracting(Takeaway::sessionId).containsOnly(e.sessions().get(0).id());
  }

  @Test
  void aTalkHeadingKeepsItsSubsections() {
    Extraction e = extract("## Scaling teams - Bo Chen\n\n### Hiring\n\n- hire slowly\n\n### Onboarding\n\n- pair on day one\n\n## Other notes\n\n- lunch was good\n");

    assertThat(e.sessions()).extracting(Session::title, Session::speaker).containsExactly(tuple("Scaling teams", "Bo Chen"));
    assertThat(e.takeaways()).extracting(Takeaway::text, t -> t.sessionId() != null)
        .containsExactly(tuple("hire slowly", true), tuple("pair on day one", true), tuple("lunch was good", false));
    assertThat(e.takeaways().get(1).section()).isEqualTo("Scaling teams > Onboarding");
  }

  @Test
  void journalEntriesAreSectionsNotSessions() {
    assertThat(extract("# Ops journal\n\n## Monday\n\n- rebooted\n\n## Tuesday\n\n- patched\n").sessions()).isEmpty();
  }

  @Test
  void headingsWithoutParentsAreSectionsNotSessions() {
    Extraction e = extract("# Only a title\n\n- a point\n");

    assertThat(e.sessions()).isEmpty();
    assertThat(e.firstHeading()).isEqualTo("Only a title");
    assertThat(e.takeaways()).singleElement().extracting(Takeaway::sessionId).isNull();
  }

  @Test
  void speakerFormsAreRecognized() {
    assertThat(HeadingTitle.parse("Service meshes (Ana Silva)")).isEqualTo(new HeadingTitle("Service meshes", "Ana Silva"));
    assertThat(HeadingTitle.parse("Ana Silva: Service meshes")).isEqualTo(new HeadingTitle("Service meshes", "Ana Silva"));
    assertThat(HeadingTitle.parse("Scaling — Bo Chen")).isEqualTo(new HeadingTitle("Scaling", "Bo Chen"));
    assertThat(HeadingTitle.parse("The Devops Echo chamber: do we listen?")).isEqualTo(new HeadingTitle("The Devops Echo chamber: do we listen?", null));
  }
}
