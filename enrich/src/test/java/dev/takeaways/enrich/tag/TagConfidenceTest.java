package dev.takeaways.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.model.Tag;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Confidence: how the tag was found, how well the entry is known, and the sentence around it. */
class TagConfidenceTest {
  private static final TaxonomyMatcher ALL = new TaxonomyMatcher(Taxonomy.bundled(), true, 0);

  private static Optional<Double> confidence(String text, String id) {
    return ALL.tag(text).stream().filter(t -> t.id().equals(id)).map(t -> t.evidence().confidence()).findFirst();
  }

  @Test
  void aListedToolByItsNameIsAlmostCertain() {
    assertThat(confidence("we deploy with Terraform", "tool:terraform")).contains(0.95);
  }

  @Test
  void aVersionOrAKindOfSoftwareRaisesAnEntryOnlyTheBroadListsKnow() {
    double bare = confidence("the logs went to onedrive", "tool:onedrive").orElseThrow();
    assertThat(confidence("the logs went to the onedrive client", "tool:onedrive").orElseThrow()).isGreaterThan(bare);
    assertThat(TagConfidence.versionAfter("Tomcat 9 in prod", 6)).isTrue();
    assertThat(TagConfidence.versionAfter("Tomcat v8.5", 6)).isTrue();
    assertThat(TagConfidence.versionAfter("Tomcat in prod", 6)).isFalse();
  }

  @Test
  void aProgramOfDebianOrASoftwareLogoOfACodeForgeCountsWithoutACue() {
    // Debian's programs are software by their sections; simple-icons brings a brand in alone only for
    // a logo from GitHub, GitLab or Apache (Apache Kylin). Neither holds companies, as the brand lists do.
    assertThat(confidence("we traced the stalls with bpftrace", "tool:bpftrace").orElseThrow())
        .isGreaterThanOrEqualTo(TaxonomyMatcher.DEFAULT_MIN_CONFIDENCE);
    assertThat(confidence("we cube the events with Apache Kylin", "tool:kylin").orElseThrow()).isEqualTo(0.6);
  }

  @Test
  void anOrganisationsCuesLowerABrand() {
    double asService = confidence("we store builds in Dropbox", "tool:dropbox").orElseThrow();
    double asEmployer = confidence("she spent years at Dropbox", "tool:dropbox").orElseThrow();
    assertThat(asEmployer).isLessThan(asService);
    assertThat(confidence("Dropbox's engineers spoke", "tool:dropbox").orElse(0.0)).isLessThan(asService);
  }

  @Test
  void anOfficerOrADealAfterAListedNameMakesItTheCompany() {
    assertThat(confidence("We run Docker on every host.", "tool:docker")).contains(0.95);
    assertThat(confidence("said Werner Vogels, the AWS CTO", "tool:aws").orElseThrow()).isLessThan(TaxonomyMatcher.DEFAULT_MIN_CONFIDENCE);
    assertThat(confidence("Docker Inc was sold", "tool:docker").orElseThrow()).isLessThan(TaxonomyMatcher.DEFAULT_MIN_CONFIDENCE);
  }

  @Test
  void theThresholdDropsWhatIsUnderIt() {
    List<Tag> all = ALL.tag("she spent years at Dropbox");
    List<Tag> kept = new TaxonomyMatcher(Taxonomy.bundled()).tag("she spent years at Dropbox");
    assertThat(all).extracting(Tag::id).contains("tool:dropbox");
    assertThat(kept).extracting(Tag::id).doesNotContain("tool:dropbox");
    assertThat(kept).allMatch(t -> t.evidence().confidence() >= TaxonomyMatcher.DEFAULT_MIN_CONFIDENCE);
  }
}
