package dev.takeaways.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takeaways.model.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxonomyMatcherTest {
  private static final TaxonomyMatcher MATCHER = new TaxonomyMatcher(Taxonomy.bundled());

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
  void distinctiveAliasesOfAmbiguousNamesNeedNoContext() {
    assertThat(MATCHER.tag("In my work at SaltStack, events drive automation")).extracting(t -> t.id() + "/" + t.evidence().rule())
        .containsExactly("tool:salt/alias");
  }

  @Test
  void malformedTaxonomyNamesItsOrigin() {
    assertThatThrownBy(() -> Taxonomy.fromYaml("tools: [ {slug: Bad Slug, name: x} ]", "my.yml"))
        .hasMessageContaining("my.yml")
        .hasMessageContaining("slug");
    assertThatThrownBy(() -> Taxonomy.fromYaml("tools: [\n", "my.yml")).hasMessageContaining("my.yml");
  }
}
