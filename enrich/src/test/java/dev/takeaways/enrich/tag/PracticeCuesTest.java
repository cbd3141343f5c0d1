package dev.takeaways.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takeaways.model.Tag;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PracticeCuesTest {
  private static final TaxonomyMatcher MATCHER = new TaxonomyMatcher(Taxonomy.bundled());

  private static List<String> practices(String text) {
    return MATCHER.tag(text).stream().map(Tag::id).filter(id -> id.startsWith("practice:")).toList();
  }

  // Sentences made up for the purpose, one or more per practice, none from the evaluation notes.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "reviewers approve every change before it lands | code-review",
      "Every PR needs a second pair of eyes | code-review",
      "we open a pull request for anything that touches prod | code-review",
      "tests run on every commit | continuous-integration",
      "The build went red twice this week | continuous-integration",
      "we deploy 40 times a day | continuous-delivery",
      "every merge goes to production within the hour | continuous-delivery",
      "canary, then 100% | continuous-delivery",
      "Releases are scripted end to end, one command to roll back | deployment-automation",
      "we automated deployments last quarter | deployment-automation",
      "branches that live for weeks hurt us | trunk-based-development",
      "our integration tests take 20 minutes | test-automation",
      "write the tests first | test-automation",
      "lint your cookbooks before you push | infrastructure-testing",
      "we keep our servers as code | infrastructure-as-code",
      "config drift on the old fleet was the real problem | configuration-management",
      "we bake AMIs and never patch a running server | immutable-infrastructure",
      "cattle, not pets | immutable-infrastructure",
      "we dockerized the billing service | containerization",
      "the scheduler spreads workloads across nodes | cluster-scheduling",
      "the service restarts itself when the check fails | self-healing",
      "we ship logs and metrics to one place | monitoring-observability",
      "we instrument every endpoint in the code | metrics-driven-development",
      "the pager went off at 3am | alerting",
      "I was paged twice last night | alerting",
      "the bot deploys from the #ops channel | chatops",
      "we wrote up what happened and the action items | incident-response",
      "we review every outage the week after | incident-response",
      "no blame, we look at the system | blameless-culture",
      "a game day every quarter | disaster-drills",
      "we killed a zone on purpose | disaster-drills",
      "feedback within minutes of a push | feedback-loops",
      "we mapped the value stream from commit to customer | value-stream-mapping",
      "smaller pull requests get reviewed faster | small-batches",
      "teams spin up environments on their own without a ticket | self-service-infrastructure",
      "the Jenkinsfile lives next to the code | pipeline-as-code",
      "every build is published to the artifact repository | artifact-management",
      "everything is checked into git, even the firewall rules | version-control",
      "schema migrations run before the new code starts | database-change-management",
      "we moved the last racks to the cloud | cloud-infrastructure",
      "it has to handle 2 million requests per second | capacity-scaling",
      "images are scanned for CVEs in the pipeline | security-shift-left",
      "developers and ops sit together now | cross-functional-collaboration",
      "we had to break down the silos first | cross-functional-collaboration",
      "getting buy-in from management took a year | devops-culture-change",
      "leaders should trust their teams | leadership",
      "we run a brown bag every Friday | learning-culture",
      "healthy disagreement makes better designs | constructive-conflict",
      "we ran a small experiment with a new queue | team-experimentation",
      "we automate the Windows servers with PowerShell | windows-automation",
  })
  void aPracticeIsFoundHoweverItIsSaid(String sentence, String practice) {
    assertThat(practices(sentence)).contains("practice:" + practice);
  }

  // Near misses: the words of a cue, in a sentence about something else.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "we review the budget every quarter | code-review",
      "the book got a good review | code-review",
      "he tested the idea with customers | test-automation",
      "we deploy our people to the front desk | continuous-delivery",
      "the canary in the coal mine sang | deployment-automation",
      "the chef makes the soup | configuration-management",
      "Salt the pasta | configuration-management",
      "the pager on my desk is from the nineties. We build furniture. | continuous-integration",
      "the container ship was late | cluster-scheduling",
      "we had a fire at the office | disaster-drills",
      "a talk on cloud-native buzzwords | cloud-infrastructure",
      "we had a dozen outages last month | incident-response",
      "each manager should join the rota | leadership",
  })
  void nearMissesAreNotThatPractice(String sentence, String practice) {
    assertThat(practices(sentence)).doesNotContain("practice:" + practice);
  }

  @Test
  void aCueStaysInsideOneSentence() {
    assertThat(practices("We deploy. Then 40 times a day we eat.")).doesNotContain("practice:continuous-delivery");
    assertThat(practices("every merge. Production was fine")).doesNotContain("practice:continuous-delivery");
  }

  @Test
  void aPracticeFoundByACueSaysWhichWordsShowIt() {
    Tag tag = MATCHER.tag("Honestly, we deploy 40 times a day now").stream()
        .filter(t -> t.id().equals("practice:continuous-delivery")).findFirst().orElseThrow();
    assertThat(tag.evidence().rule()).isEqualTo("cue");
    assertThat(tag.evidence().text()).isEqualTo("deploy 40 times a day");
    assertThat(tag.evidence().start()).isEqualTo(13);
    assertThat(tag.evidence().confidence()).isEqualTo(PracticeCues.CUE_CONFIDENCE);
  }

  @Test
  void aToolThatDoesAPracticeImpliesItWhenTheTextSaysWhatItDoes() {
    List<Tag> tags = MATCHER.tag("Jenkins builds the app and Terraform creates the network");
    assertThat(tags).filteredOn(t -> t.evidence().rule().equals("implied")).extracting(t -> t.id() + " " + t.evidence().text())
        .contains("practice:continuous-integration Jenkins", "practice:infrastructure-as-code Terraform");
    assertThat(practices("Tools: Jenkins, Terraform")).as("a list of names").isEmpty();
    assertThat(practices("PagerDuty.")).as("a bare name").isEmpty();
    assertThat(practices("see https://github.com/acme/jenkins-jobs")).as("a link").isEmpty();
  }

  @Test
  void aPracticeOneToolImpliesOnceInANoteIsNotOneTheNoteDiscusses() {
    List<List<Tag>> inPassing = PracticeCues.withoutLoneImplications(MATCHER.tagAll(List.of(
        "We moved the billing jobs last spring", "Could we use Docker for the secrets one day?", "Lunch was good")));
    assertThat(inPassing.get(1)).extracting(Tag::id).containsExactly("tool:docker");

    List<List<Tag>> again = PracticeCues.withoutLoneImplications(MATCHER.tagAll(List.of(
        "Could we use Docker for the secrets one day?", "Docker runs every service in staging now")));
    assertThat(again).allSatisfy(tags -> assertThat(tags).extracting(Tag::id).contains("practice:containerization"));

    List<List<Tag>> saidToo = PracticeCues.withoutLoneImplications(MATCHER.tagAll(List.of(
        "Could we use Docker for the secrets one day?", "we dockerized the billing service")));
    assertThat(saidToo.get(0)).extracting(Tag::id).contains("practice:containerization");
  }

  @Test
  void aNamedPracticeIsNotTaggedTwice() {
    List<Tag> tags = MATCHER.tag("Continuous integration: tests run on every commit, on Jenkins");
    assertThat(tags).filteredOn(t -> t.id().equals("practice:continuous-integration")).hasSize(1)
        .first().extracting(t -> t.evidence().rule()).isEqualTo("exact");
  }

  @Test
  void theThresholdDropsImpliedPracticesFirst() {
    TaxonomyMatcher strict = new TaxonomyMatcher(Taxonomy.bundled(), true, 0.75);
    List<String> ids = strict.tag("Jenkins builds every commit of the app").stream().map(Tag::id).toList();
    assertThat(ids).contains("practice:continuous-integration");
    assertThat(strict.tag("Jenkins builds the app and Terraform creates the network")).extracting(t -> t.evidence().rule())
        .doesNotContain("implied");
  }

  @Test
  void everyPracticeOfTheVocabularyHasADefinitionCuesAndKnownSources() {
    Taxonomy taxonomy = Taxonomy.bundled();
    Set<String> ids = taxonomy.entries().stream().map(TaxonomyEntry::tagId).collect(Collectors.toSet());
    Set<String> categories = taxonomy.entries().stream().map(e -> "category:" + e.category()).collect(Collectors.toSet());
    PracticeCues cues = PracticeCues.bundled();
    assertThat(cues.practices().keySet()).as("the vocabulary and the DORA capabilities")
        .containsAll(taxonomy.entries().stream().filter(e -> e.type().equals("practice")).map(TaxonomyEntry::tagId).toList());
    cues.practices().values().forEach(p -> {
      assertThat(ids).as("a practice of the taxonomy").contains(p.id());
      assertThat(p.definition()).as(p.id()).isNotBlank();
      assertThat(p.cues()).as(p.id()).isNotEmpty();
      for (String source : p.impliedBy()) {
        assertThat(source.startsWith("tool:") ? ids : categories).as(p.id() + " implied by " + source).contains(source);
      }
    });
  }

  @Test
  void theDoraCapabilitiesNoLabelHasMeasuredWaitUnderTheDefaultThreshold() {
    assertThat(practices("Late nights of firefighting end in burnout")).doesNotContain("practice:well-being");
    List<Tag> tags = new TaxonomyMatcher(Taxonomy.bundled(), true, 0.6).tag("Late nights of firefighting end in burnout");
    assertThat(tags).filteredOn(t -> t.id().equals("practice:well-being")).extracting(t -> t.evidence().confidence()).containsExactly(0.6);
  }

  @Test
  void aCueGroupMayBeLeftOut() {
    TaxonomyMatcher all = new TaxonomyMatcher(Taxonomy.bundled(), true, 0.6);
    assertThat(all.tag("we talk to our customers every week")).extracting(Tag::id).contains("practice:customer-feedback");
    assertThat(all.tag("we talk with customers every week")).extracting(Tag::id).contains("practice:customer-feedback");
    assertThat(all.tag("we talk about customers")).extracting(Tag::id).doesNotContain("practice:customer-feedback");
  }

  @Test
  void aMalformedCueNamesThePracticeAndThePattern() {
    assertThatThrownBy(() -> PracticeCues.parse("code-review:\n  cues: [\"review* (code\"]\n", "cues.yml"))
        .hasMessageContaining("cues.yml: code-review").hasMessageContaining("review* (code");
    assertThatThrownBy(() -> PracticeCues.parse("code-review:\n  cues: [\"~2 code\"]\n", "cues.yml"))
        .hasMessageContaining("starts and ends with words");
    assertThatThrownBy(() -> PracticeCues.parse("code-review:\n  cues: [\"(code)?\"]\n", "cues.yml"))
        .hasMessageContaining("may not be left out");
    assertThatThrownBy(() -> PracticeCues.parse("code-review:\n  confidence: 2\n  cues: [code]\n", "cues.yml"))
        .hasMessageContaining("code-review: confidence must be in [0, 1]");
  }
}
