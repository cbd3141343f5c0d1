package dev.takeaways.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takeaways.model.Tag;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class TaxonomyMatcherTest {
  private static final NamesOnly MATCHER = new NamesOnly(new TaxonomyMatcher(Taxonomy.bundled()));

  /** The tags found by a name, an alias or a misspelling: practices said in other words are PracticeCuesTest's. */
  private record NamesOnly(TaxonomyMatcher matcher) {
    List<Tag> tag(String text) {
      return named(matcher.tag(text));
    }

    List<List<Tag>> tagAll(List<String> texts) {
      return matcher.tagAll(texts).stream().map(NamesOnly::named).toList();
    }

    private static List<Tag> named(List<Tag> tags) {
      return tags.stream().filter(t -> !t.evidence().rule().equals("cue") && !t.evidence().rule().equals("implied")).toList();
    }
  }

  private static List<String> ids(String text) {
    return MATCHER.tag(text).stream().map(Tag::id).toList();
  }

  @Test
  void findsToolsCaseInsensitivelyAsWholeWords() {
    assertThat(ids("Tools: Packer, racker, vagrant, docker,"))
        .containsExactly("tool:packer", "tool:racker", "tool:vagrant", "tool:docker");
    assertThat(ids("dockerized everything")).isEmpty();
  }

  @Test
  void anOrdinaryWordThatStartsACommandWrittenAsCodeIsItsProgram() {
    assertThat(ids("Run `kind create cluster` first.")).containsExactly("tool:kind");
    assertThat(ids("Run kind create cluster first.")).as("no backticks: words").isEmpty();
    assertThat(ids("The `kind` field of a manifest.")).as("one word of code may be a key").isEmpty();
    assertThat(ids("What kind of day, `kubectl get pods` said.")).doesNotContain("tool:kind");
    assertThat(TaxonomyMatcher.backtickSpans("a `b c` d `e` `unclosed")).containsExactly("b c", "e");
  }

  @Test
  void aToolOnlyBroadListsNameIsBelievedAsAnItemOfAListOfTools() {
    assertThat(ids("Front end: requirejs, grunt, karma, mocha")).contains("tool:requirejs");
    assertThat(ids("We moved to requirejs last year")).as("alone, a broad entry needs another cue").doesNotContain("tool:requirejs");
  }

  @Test
  void aNameOfSeveralWordsIsFoundRunTogetherAndInThePlural() {
    assertThat(MATCHER.tag("Logs go to Sumologic now")).extracting(Tag::id, t -> t.evidence().rule())
        .containsExactly(Tuple.tuple("tool:sumo-logic", "variant"));
    assertThat(ids("TLS between nodes (searchguard)")).containsExactly("tool:search-guard");
    assertThat(ids("two GitLab Runners per team")).containsExactly("tool:gitlab-runner");
    TaxonomyEntry twoWords = new TaxonomyEntry("tool", "hello-world", "Hello World", "x", List.of("Quick Ping", "Acme Corp Widget"), List.of(),
        List.of(), false, "curated");
    assertThat(TaxonomyMatcher.variants(twoWords, ToolDiscovery.bundled()))
        .as("run together, unless short or an ordinary word; a vendor's two words run together; the name's plural, not an alias's")
        .containsExactly("helloworld", "hello worlds", "quickping", "acmecorpwidget", "acmecorp widget");
    assertThat(ids("k8s on Redhat Atomic")).as("Red Hat Atomic, an alias of Atomic Host").contains("tool:atomic-host").doesNotContain("tool:red-hat");
    TaxonomyEntry word = new TaxonomyEntry("tool", "any-one", "Any One", "x", List.of(), List.of(), List.of(), false, "simple-icons");
    assertThat(TaxonomyMatcher.variants(word, ToolDiscovery.bundled())).as("anyone is a word; a broad entry has no plural").isEmpty();
  }

  @Test
  void aCamelCaseNameIsFoundWithItsWordsApartWhenWrittenWithItsCapitals() {
    assertThat(MATCHER.tag("Traces go to Open Tracing")).extracting(Tag::id, t -> t.evidence().rule())
        .containsExactly(Tuple.tuple("tool:opentracing", "variant"));
    assertThat(ids("we get paged by Pager Duty")).containsExactly("tool:pagerduty");
    assertThat(ids("traces go to open tracing")).as("without the name's capitals: words").isEmpty();
    assertThat(TaxonomyMatcher.camelCaseApart("CloudFormation")).isEqualTo("cloud formation");
    assertThat(TaxonomyMatcher.camelCaseApart("MongoDB")).as("initials stay on").isNull();
    assertThat(TaxonomyMatcher.camelCaseApart("LinkedIn")).as("a word under three letters").isNull();
    assertThat(TaxonomyMatcher.camelCaseApart("Grafana")).isNull();
  }

  @Test
  void everyNameAliasAndMisspellingIsFoundInASentence() {
    // The spellings' words are numbered by Words.add, a text's by Words.scan: they must agree.
    // Every candidate, whatever its confidence: entries only the broad lists name need a cue to pass
    // the default threshold (tested apart).
    TaxonomyMatcher everyCandidate = new TaxonomyMatcher(Taxonomy.bundled(), true, 0);
    int checked = 0;
    for (TaxonomyEntry e : Taxonomy.bundled().entries()) {
      if (e.ambiguous()) {
        continue; // needs context: tested apart
      }
      for (String spelling : Stream.of(List.of(e.name()), e.aliases(), e.misspellings()).flatMap(List::stream).toList()) {
        List<String> found = everyCandidate.tag("so we use " + spelling + " every day").stream().map(Tag::id).toList();
        assertThat(found).as(spelling).contains(e.tagId());
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(1500);
  }

  @Test
  void shortWordsAreToldApartExactly() {
    // "it" and "k6" once shared a word hash: every short word must match only its own spellings.
    assertThat(ids("we did it with k6")).containsExactly("tool:k6");
    assertThat(ids("it is what it is")).isEmpty();
    Map<String, Set<String>> spellings = new HashMap<>();
    for (TaxonomyEntry e : Taxonomy.bundled().entries()) {
      Set<String> own = spellings.computeIfAbsent(e.tagId(), k -> new HashSet<>());
      Stream.of(List.of(e.name(), e.slug()), e.aliases(), e.misspellings())
          .flatMap(List::stream)
          .map(TaxonomyMatcher::normalize)
          .forEach(w -> {
            own.add(w);
            own.add(w + "s");
          });
    }
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    int tagged = 0;
    for (char a : alphabet.toCharArray()) {
      for (char b : alphabet.toCharArray()) {
        for (String word : List.of("" + a + b, "" + a + b + a, "" + a + b + b)) {
          for (Tag tag : MATCHER.tag("then " + word + " again")) {
            assertThat(spellings.get(tag.id())).as(word + " tagged " + tag.id()).contains(tag.evidence().text().toLowerCase());
            assertThat(tag.evidence().text()).isEqualTo(word);
            tagged++;
          }
        }
      }
    }
    assertThat(tagged).as("some short words are tools (k6, go, ...)").isPositive();
  }

  @Test
  void evidenceSpansPointAtTheMatchedText() {
    String text = "We use Test-Kitchen daily";
    Tag tag = MATCHER.tag(text).get(0);

    assertThat(tag.id()).isEqualTo("tool:test-kitchen");
    assertThat(text.substring(tag.evidence().start(), tag.evidence().end())).isEqualTo("Test-Kitchen");
    assertThat(tag.evidence().rule()).isEqualTo("exact");
  }

  @Test
  void misspellingsAndAliasesSayWhichRuleMatched() {
    assertThat(MATCHER.tag("Chocolaty (yum for windows)"))
        .extracting(t -> t.id() + "/" + t.evidence().rule())
        .contains("tool:chocolatey/misspelling");
    assertThat(MATCHER.tag("we moved to k8s")).extracting(t -> t.id() + "/" + t.evidence().rule()).containsExactly("tool:kubernetes/alias");
  }

  @Test
  void eachToolOrPracticeIsTaggedOncePerTextWithItsFirstMention() {
    String text = "k8s first, then Kubernetes, then Chocolaty, Chocolatey and choco; code reviews, and Code Review again; k8s";
    List<Tag> tags = MATCHER.tag(text);

    assertThat(tags).extracting(Tag::id).containsExactly("tool:kubernetes", "tool:chocolatey", "practice:code-review");
    assertThat(tags).extracting(t -> t.evidence().text() + "@" + t.evidence().start())
        .containsExactly("k8s@0", "Chocolaty@" + text.indexOf("Chocolaty"), "code reviews@" + text.indexOf("code reviews"));
  }

  @Test
  void practicesMatchPluralsAndHyphenation() {
    assertThat(ids("Code reviews are usually a good way")).contains("practice:code-review");
    assertThat(ids("immutable-servers everywhere")).contains("practice:immutable-infrastructure");
  }

  @Test
  void ambiguousNamesNeedContext() {
    assertThat(ids("The chef cooked a great dinner")).isEmpty();
    assertThat(ids("Pass the salt")).isEmpty();
    assertThat(ids("Puppet and Chef are both capable tools")).containsExactly("tool:puppet", "tool:chef");
    assertThat(MATCHER.tag("Fleet manages scheduling across machines")).extracting(t -> t.evidence().rule()).contains("context");
  }

  @Test
  void distinctiveNamesOfAmbiguousToolsNeedNoContext() {
    assertThat(MATCHER.tag("In my work at SaltStack, events drive automation")).extracting(t -> t.id() + "/" + t.evidence().rule())
        .containsExactly("tool:salt/alias");
    assertThat(MATCHER.tag("we replaced the Chef Server")).extracting(t -> t.id() + "/" + t.evidence().rule())
        .containsExactly("tool:chef/alias");
  }

  @Test
  void aOneWordNameWithItsVersionGluedOnIsThatName() {
    assertThat(MATCHER.tag("we moved to etcd3 and centos7, then Elasticsearch5.6"))
        .extracting(t -> t.id() + " " + t.evidence().text() + " " + t.evidence().rule())
        .containsExactly("tool:etcd etcd exact", "tool:centos centos exact", "tool:elasticsearch Elasticsearch exact");
    assertThat(ids("the zorbulon2 cluster")).as("only names that are known").isEmpty();
    assertThat(ids("we reserved room101 for it")).isEmpty();
  }

  @Test
  void contextWordsCountOnlyInTheSameTextNeverElsewhereInTheNote() {
    List<List<Tag>> tags = MATCHER.tagAll(List.of("Chef everywhere now", "the cookbooks live in git", "our Chef cookbooks converge"));
    assertThat(tags.get(0)).isEmpty();
    assertThat(tags.get(2)).extracting(Tag::id).containsExactly("tool:chef");
  }

  @Test
  void ordinaryWordsStayUntaggedInANoteFullOfTools() {
    List<List<Tag>> tags = MATCHER.tagAll(List.of(
        "We moved from Puppet manifests to Chef cookbooks, with Ansible for the rest.",
        "The chef made soup.",
        "Salt the pasta",
        "Jenkins builds every commit and Docker images go to Artifactory."));

    assertThat(tags.get(0)).extracting(Tag::id).contains("tool:puppet", "tool:chef", "tool:ansible");
    assertThat(tags.get(1)).isEmpty();
    assertThat(tags.get(2)).isEmpty();
    assertThat(tags.get(3)).extracting(Tag::id).containsExactly("tool:jenkins", "tool:docker", "tool:artifactory");
  }

  @Test
  void ordinaryWordsCountAsToolsOnlyWhenWrittenAsProperNouns() {
    // Generated from the CNCF landscape: Backstage is also a word.
    assertThat(ids("we put our service catalog in Backstage last year")).containsExactly("tool:backstage");
    assertThat(ids("we talked backstage after the keynote")).isEmpty();
    assertThat(ids("Backstage was busy")).as("the start of a sentence proves nothing").isEmpty();
    assertThat(ids("see the Backstage Pass Office")).as("a run of capitals is a title").isEmpty();
    assertThat(ids("Used Backstage for the service catalog")).as("a sentence's first capital makes no title").containsExactly("tool:backstage");
    assertThat(ids("Meet The Backstage")).as("a capital inside the sentence does").isEmpty();
    assertThat(ids("the catalog is stale; Backstage reads it nightly")).as("after a semicolon the clause goes on in lower case")
        .containsExactly("tool:backstage");
    assertThat(ids("the catalog is stale. Backstage was busy")).isEmpty();
    assertThat(MATCHER.tag("we put our service catalog in Backstage")).extracting(t -> t.evidence().rule()).containsExactly("context");
  }

  @Test
  void anOrdinaryWordInsideAWordJoinedWithHyphensIsThatWord() {
    assertThat(ids("HTTP Keep-Alive keeps connections open in Nginx")).containsExactly("tool:nginx");
    assertThat(ids("we pin groff-base next to Nginx")).containsExactly("tool:groff", "tool:nginx");
    assertThat(ids("A vault-agent sidecar runs beside Consul")).as("a kind of software joined to the name").contains("tool:vault");
    assertThat(ids("the Keep app on Android")).contains("tool:keep");
  }

  @Test
  void anOrdinaryWordListedAmongToolsIsATool() {
    // Cilium is a word of biology, so a DevOps list's Cilium needs a cue.
    assertThat(ids("the cilium moves")).isEmpty();
    assertThat(ids("we looked at kubernetes, cilium and istio")).containsExactly("tool:kubernetes", "tool:cilium", "tool:istio");
    assertThat(ids("Kubernetes, Cilium and Istio")).as("capitals in a list are no title").contains("tool:cilium");
    assertThat(ids("e.g. tigera, twistlock, cilium, aqua")).as("two unknown items between").contains("tool:cilium");
    assertThat(ids("Kubernetes runs it. The cilium moves.")).as("another clause").doesNotContain("tool:cilium");
    assertThat(ids("the front end uses webpack, grunt, karma and mocha")).as("three ordinary-word tools list each other")
        .contains("tool:grunt", "tool:karma", "tool:mocha");
    assertThat(ids("In kubernetes, cilium is the default")).as("a comma alone makes no list of two").doesNotContain("tool:cilium");
    assertThat(ids("We run Kubernetes and Cilium")).contains("tool:cilium");
    assertThat(ids("Kubernetes, then a long talk about the cilium")).as("not an item of the list").doesNotContain("tool:cilium");
  }

  @Test
  void aToolWithContextWordsCountsWhenWrittenAsAProperNoun() {
    assertThat(ids("we keep the keys in Vault now")).containsExactly("tool:vault");
    assertThat(ids("the vault of the old bank")).isEmpty();
    assertThat(ids("Vault is where the keys are")).as("the start of a sentence proves nothing").isEmpty();
  }

  @Test
  void aLinkToSomeonesProfileIsNotAMentionOfTheService() {
    assertThat(ids("Follow me: https://github.com/someone")).isEmpty();
    assertThat(ids("code at github.com/etsy/dashboard and https://github.com/org/repo")).containsExactly("tool:github");
    assertThat(ids("we host everything on GitHub")).containsExactly("tool:github");
  }

  @Test
  void overlappingNamesKeepTheLongest() {
    assertThat(ids("docker compose up")).containsExactly("tool:docker-compose");
    assertThat(ids("Apache Kafka with Apache logs")).contains("tool:kafka", "tool:apache-httpd");
  }

  @Test
  void aLabelWrittenAsAnotherNameOfAToolIsReadAsThatTool() {
    Taxonomy taxonomy = Taxonomy.fromYaml("""
        tools:
          - {slug: salt, name: Salt, aliases: [SaltStack]}
          - {slug: aqua, name: Aqua, aliases: [Sky]}
          - {slug: sky, name: Sky}
          - {slug: blue, name: Blue, aliases: [Azure Blue]}
          - {slug: azure, name: Azure, aliases: [Azure Blue]}
        """, "test.yml");
    var named = taxonomy.toolSlugsByName();

    assertThat(named.apply("saltstack")).as("an alias").isEqualTo("salt");
    assertThat(named.apply("salt")).isEqualTo("salt");
    assertThat(named.apply("sky")).as("a slug wins over another entry's alias").isEqualTo("sky");
    assertThat(named.apply("azure-blue")).as("a name two tools share names neither").isEqualTo("azure-blue");
    assertThat(named.apply("unknown-tool")).isEqualTo("unknown-tool");
  }

  @Test
  void malformedTaxonomyNamesItsOriginAndLine() {
    assertThatThrownBy(() -> Taxonomy.fromYaml("tools:\n  - {slug: ok, name: Ok}\n  - {slug: Bad Slug, name: x}\n", "my.yml"))
        .hasMessageStartingWith("my.yml:3: ")
        .hasMessageContaining("slug");
    assertThatThrownBy(() -> Taxonomy.fromYaml("tools: [\n", "my.yml")).hasMessageContaining("my.yml").hasMessageContaining("line");
    assertThatThrownBy(() -> Taxonomy.fromYaml("tools:\n  - {slug: a, name: A, colour: red}\n", "my.yml"))
        .hasMessageStartingWith("my.yml:2: ")
        .hasMessageContaining("colour");
  }

  @Test
  void aUsersFileAddsReplacesAndRemovesEntries() {
    Taxonomy t =
        Taxonomy.bundledExtendedWith(
            """
            tools:
              - {slug: deployinator, name: Deployinator, category: deployment}
              - {slug: docker, name: Docker, aliases: [moby]}
            remove: [tool:kubernetes]
            """,
            "my-tools.yml");
    NamesOnly matcher = new NamesOnly(new TaxonomyMatcher(t));
    assertThat(matcher.tag("Deployinator pushes moby images to k8s and Kubernetes"))
        .extracting(Tag::id)
        .containsExactly("tool:deployinator", "tool:docker");
    assertThat(t.entries()).filteredOn(e -> e.slug().equals("deployinator")).extracting(TaxonomyEntry::source).containsExactly("my-tools.yml");
  }
}
