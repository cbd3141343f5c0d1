package dev.takeaways.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.model.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tools no list has, from the cues that introduce them; ordinary words, acronyms and people stay out. */
class ToolDiscoveryTest {
  private static final TaxonomyMatcher MATCHER = new TaxonomyMatcher(Taxonomy.bundled());
  private static final SectionCues SECTIONS = new SectionCues(MATCHER);

  private static List<String> discovered(List<Tag> tags) {
    return tags.stream().filter(t -> t.evidence().rule().equals("discovered")).map(t -> t.id() + "@" + t.evidence().confidence()).toList();
  }

  @Test
  void aNameSaidToBeSoftwareIsATool() {
    assertThat(discovered(MATCHER.tag("Zorblatt is an open source dashboard for queues"))).containsExactly("tool:zorblatt@0.7");
    assertThat(discovered(MATCHER.tag("Last year we built Flumox to replay traffic"))).containsExactly("tool:flumox@0.7");
    assertThat(discovered(MATCHER.tag("In 2019 they open-sourced Quarvix"))).containsExactly("tool:quarvix@0.7");
    assertThat(discovered(MATCHER.tag("then we open sourced Quarvix"))).containsExactly("tool:quarvix@0.7");
    assertThat(discovered(MATCHER.tag("We used Flumox to replay production traffic"))).containsExactly("tool:flumox@0.7");
    assertThat(discovered(MATCHER.tag("Then they switched to Quarvix for queues"))).containsExactly("tool:quarvix@0.7");
    assertThat(discovered(MATCHER.tag("We moved to Portland in May"))).as("a place").isEmpty();
    assertThat(discovered(MATCHER.tag("Then we switched Quarvix off"))).as("no 'to' after a verb of moving").isEmpty();
    assertThat(discovered(MATCHER.tag("This is a great tool for everyone"))).isEmpty();
    assertThat(discovered(MATCHER.tag("Kevin is a senior engineer"))).as("a person").isEmpty();
  }

  @Test
  void aNameCalledSoftwareOrSaidToBeHomeBuiltIsATool() {
    assertThat(discovered(MATCHER.tag("Wrote a program called Zorblatt to map the estate"))).containsExactly("tool:zorblatt@0.7");
    assertThat(discovered(MATCHER.tag("an internal tool named quarvix routes pages"))).containsExactly("tool:quarvix@0.7");
    assertThat(discovered(MATCHER.tag("Flumox (home built) stores metrics"))).containsExactly("tool:flumox@0.7");
    assertThat(discovered(MATCHER.tag("Metrics go to Flumox (in-house)"))).containsExactly("tool:flumox@0.7");
    assertThat(discovered(MATCHER.tag("For logging we built flumox."))).as("a verb of making, in lower case").containsExactly("tool:flumox@0.7");
    assertThat(discovered(MATCHER.tag("For logging we used flumox."))).as("a verb of using wants a capital").isEmpty();
    assertThat(discovered(MATCHER.tag("Our cat named Zorblatt sleeps"))).as("no kind of software before the verb").isEmpty();
  }

  @Test
  void anOrdinaryWordWithACapitalIsAToolWhenTheSentenceSaysItIsSoftware() {
    assertThat(discovered(MATCHER.tag("A tool called Lantern reads the pager data"))).containsExactly("tool:lantern@0.7");
    assertThat(discovered(MATCHER.tag("Lantern is a postmortem tool"))).containsExactly("tool:lantern@0.7");
    assertThat(discovered(MATCHER.tag("There is a similar tool for puppet"))).as("a word of English's closed classes").isEmpty();
    assertThat(discovered(MATCHER.tag("Lantern (home built) holds metrics"))).as("home built alone does not make a word a name").isEmpty();
    assertThat(discovered(MATCHER.tag("we built lanterns for the party"))).isEmpty();
  }

  @Test
  void aNameOfSeveralCapitalizedWordsIsOneTool() {
    assertThat(discovered(MATCHER.tag("Zorblatt Relay is a tool that takes a whole region down"))).containsExactly("tool:zorblatt-relay@0.7");
    assertThat(discovered(MATCHER.tag("The Quarkbin Agent is a small daemon on every host"))).containsExactly("tool:quarkbin-agent@0.7");
    assertThat(discovered(MATCHER.tag("Service Discovery is a service that every team needs"))).as("ordinary words: a title").isEmpty();
    assertThat(SECTIONS.headingTool("Zorblatt Relay", List.of(), "A tool that takes a whole region down")).isNotNull()
        .extracting(Tag::id).isEqualTo("tool:zorblatt-relay");
    assertThat(SECTIONS.headingTool("Release Notes", List.of(), "A tool that takes a whole region down")).isNull();
  }

  @Test
  void aHeadingThatSaysWhatSoftwareItNamesIsATool() {
    ToolDiscovery discovery = ToolDiscovery.bundled();
    assertThat(discovery.describedHeading("Zorblatt (a deployment management system)", "How it works")).isNotNull()
        .extracting(ToolDiscovery.Found::name).isEqualTo("Zorblatt");
    assertThat(discovery.describedHeading("Zorblatt (the sequel)", "How it works")).isNull();
    assertThat(discovery.describedHeading("Zorblatt", "A wrapper tool around Terraform")).isNotNull();
    assertThat(discovery.describedHeading("Zorblatt", "We went there in May")).isNull();
  }

  @Test
  void aHeadingThatIsAnOrdinaryWordNamesTheEntryOfThatNameOnlyWhenItsSectionSaysItIsSoftware() {
    assertThat(SECTIONS.headingTool("Edda", List.of(), "A service that keeps the history of our cloud's resources"))
        .isNotNull().extracting(t -> t.id() + " " + t.evidence().rule()).isEqualTo("tool:edda context");
    assertThat(SECTIONS.headingTool("Edda", List.of(), "We finally understood the outage")).as("no cue").isNull();
    assertThat(SECTIONS.headingTool("Monitoring", List.of(), "A service that pages us at night"))
        .as("an ordinary word no entry is named").isNull();
    assertThat(SECTIONS.headingTool("Zorblatt", List.of(), "A wrapper tool around Terraform")).isNotNull()
        .extracting(t -> t.evidence().rule()).isEqualTo("discovered");
  }

  @Test
  void anItemOfAListOfToolsIsATool() {
    List<Tag> tags = new TaxonomyMatcher(Taxonomy.bundled(), true, 0).tag("We ship metrics with statsd, logster, quarkbin and vexigrep.");

    assertThat(discovered(tags)).containsExactly("tool:quarkbin@0.55", "tool:vexigrep@0.55");
    assertThat(discovered(MATCHER.tag("We ship metrics with statsd, logster, quarkbin and vexigrep.")))
        .as("a list item alone is under the default threshold").isEmpty();
    assertThat(discovered(MATCHER.tag("We met with Jenkins, Nagios, apples and oranges"))).as("ordinary words").isEmpty();
  }

  @Test
  void aKnownToolsNameWithAVersionOrAPartAfterItIsThatTool() {
    assertThat(MATCHER.tag("Linkerd runs as a sidecar; linkerd2-proxy is a proxy written in Rust")).extracting(Tag::id)
        .containsExactly("tool:linkerd");
    List<String> items = List.of("Jenkins: builds", "Nagios: pages", "Nagios2-bridge: a plugin that forwards the pages");
    assertThat(SECTIONS.withListDiscoveries(items, MATCHER.tagAll(items)).get(2)).extracting(Tag::id)
        .contains("tool:nagios").doesNotContain("tool:nagios2-bridge");
  }

  @Test
  void anItemLedByAWordMadeFromAnOrdinaryWordIsNoTool() {
    for (String lead : List.of("Vendoring", "Flumoxing")) {
      List<String> items = List.of("Jenkins: builds every branch", "Nagios: pages the on-call", lead + ": copies external software into the repository");
      List<List<Tag>> tags = SECTIONS.withListDiscoveries(items, MATCHER.tagAll(items));
      assertThat(discovered(tags.get(2))).as(lead).isEqualTo(lead.equals("Vendoring") ? List.of() : List.of("tool:flumoxing@0.75"));
    }
  }

  @Test
  void itemsThatAreOnlyAToolsNameBesideAKnownToolAreTools() {
    List<String> stack = List.of("What we run", "Jenkins", "Vault.", "Slack", "and a lot of patience");
    assertThat(SECTIONS.withListDiscoveries(stack, MATCHER.tagAll(stack))).extracting(tags -> tags.stream().map(Tag::id).toList())
        .containsExactly(List.of(), List.of("tool:jenkins"), List.of("tool:vault"), List.of("tool:slack"), List.of());
    List<String> dinner = List.of("Salt", "Pepper", "Chef", "Serve warm");
    assertThat(SECTIONS.withListDiscoveries(dinner, MATCHER.tagAll(dinner))).as("no tool among them").allMatch(List::isEmpty);
    List<String> steps = List.of("Jenkins", "deploy", "Scale", "operate");
    assertThat(SECTIONS.withListDiscoveries(steps, MATCHER.tagAll(steps)).get(2)).as("not in a run of names with a known tool").isEmpty();
  }

  @Test
  void theLeadOfAListItemBesideKnownToolsIsAToolWhenItSaysWhatSoftwareItIs() {
    List<String> items = List.of("Nagios for checks", "Grafana: dashboards", "Thrukker - a web front end tool for checks", "HIPAA rules",
        "Zupp: third party metrics");
    List<List<Tag>> tags = SECTIONS.withListDiscoveries(items, MATCHER.tagAll(items));

    assertThat(discovered(tags.get(2))).containsExactly("tool:thrukker@0.75");
    assertThat(discovered(tags.get(3))).as("an acronym").isEmpty();
    assertThat(discovered(tags.get(4))).as("nothing says it is software").isEmpty();
  }

  @Test
  void aRepositoryLinkNamesItsRepository() {
    assertThat(discovered(new TaxonomyMatcher(Taxonomy.bundled(), true, 0.6).tag("code at github.com/acme/blorp4j."))).containsExactly("tool:blorp4j@0.6");
  }
}
