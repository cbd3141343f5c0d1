package dev.takeaways.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagEvaluationTest {
  private static GoldNote gold(Set<String> tools, Set<String> practices, String split) {
    return new GoldNote(new Labels(tools, practices), split);
  }

  @Test
  void scoresAreMicroAveragedOverNotesWithFalsePositivesAndNegativesListed() {
    Map<String, GoldNote> gold = Map.of(
        "a.md", gold(Set.of("docker", "chef"), Set.of("code-review"), ""),
        "b.md", gold(Set.of("jenkins"), Set.of(), ""));
    Map<String, Labels> predicted = Map.of(
        "a.md", new Labels(Set.of("docker", "salt"), Set.of("code-review")),
        "b.md", new Labels(Set.of("jenkins"), Set.of("chatops")));

    TagEvaluation.Report report = TagEvaluation.evaluate(predicted, gold);

    assertThat(report.tools().truePositives()).isEqualTo(2);
    assertThat(report.tools().precision()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(report.tools().recall()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(report.practices().precision()).isCloseTo(0.5, within(1e-9));
    assertThat(report.practices().recall()).isEqualTo(1.0);
    assertThat(report.notes().get(0).falsePositives()).containsExactly("tool:salt");
    assertThat(report.notes().get(0).falseNegatives()).containsExactly("tool:chef");
    assertThat(report.notes().get(1).falsePositives()).containsExactly("practice:chatops");
  }

  @Test
  void eachSplitIsScoredApartAndTheTotalsAddUp() {
    Map<String, GoldNote> gold = Map.of(
        "a.md", gold(Set.of("docker", "chef"), Set.of(), "tune"),
        "b.md", gold(Set.of("jenkins", "nagios"), Set.of(), "check"),
        "c.md", gold(Set.of("git"), Set.of(), "check"));
    Map<String, Labels> predicted = Map.of(
        "a.md", new Labels(Set.of("docker", "chef"), Set.of()),
        "b.md", new Labels(Set.of("jenkins", "salt"), Set.of()),
        "c.md", new Labels(Set.of(), Set.of()));

    TagEvaluation.Report report = TagEvaluation.evaluate(predicted, gold);

    assertThat(report.splits()).containsOnlyKeys("check", "tune");
    assertThat(report.splits().get("tune").notes()).isEqualTo(1);
    assertThat(report.splits().get("tune").tools().recall()).isEqualTo(1.0);
    TagEvaluation.Scores check = report.splits().get("check").tools();
    assertThat(check.truePositives()).isEqualTo(1);
    assertThat(check.falsePositives()).isEqualTo(1);
    assertThat(check.falseNegatives()).isEqualTo(2);
    assertThat(report.tools().truePositives()).isEqualTo(3);
    assertThat(report.notes()).extracting(TagEvaluation.NoteResult::split).containsExactly("tune", "check", "check");
  }

  @Test
  void eachRuleIsCreditedWithTheNoteLevelTagsItProduced() {
    Map<String, GoldNote> gold = Map.of("a.md", new GoldNote(new Labels(Set.of("docker", "chef"), Set.of(), Set.of("bot")), "tune"));
    Map<String, Labels> predicted = Map.of("a.md", new Labels(
        Set.of("docker", "chef", "salt", "bot"), Set.of(), Set.of(),
        Map.of("tool:docker", Set.of("exact"), "tool:chef", Set.of("exact", "context"), "tool:salt", Set.of("context"),
            "tool:bot", Set.of("discovered"))));

    TagEvaluation.Report report = TagEvaluation.evaluate(predicted, gold);

    assertThat(report.rules()).containsExactly(
        new TagEvaluation.RulePrecision("tool", "context", 1, 1),
        new TagEvaluation.RulePrecision("tool", "exact", 2, 0));
    assertThat(report.rules().get(0).precision()).isEqualTo(0.5);
  }

  @Test
  void awsServicesFoldIntoAwsOnBothSides() {
    Labels gold = new Labels(Set.of("aws-ec2", "aws-s3", "docker"), Set.of(), Set.of("aws-internal"));
    Labels found = new Labels(Set.of("aws", "docker"), Set.of(), Set.of(), Map.of("tool:aws-s3", Set.of("exact"), "tool:aws", Set.of("alias")));

    Labels coarse = gold.foldTools(Labels.AWS_SERVICES_AS_AWS);

    assertThat(coarse.tools()).containsExactlyInAnyOrder("aws", "docker");
    assertThat(coarse.optional()).containsExactly("aws");
    assertThat(found.foldTools(Labels.AWS_SERVICES_AS_AWS).rules()).containsExactly(Map.entry("tool:aws", Set.of("alias", "exact")));
  }

  @Test
  void optionalLabelsCountNeitherWay() {
    Map<String, GoldNote> gold = Map.of("a.md",
        new GoldNote(new Labels(Set.of("docker", "deployinator"), Set.of(), Set.of("deployinator", "internal-bot")), ""));
    Map<String, Labels> predicted = Map.of("a.md", new Labels(Set.of("docker", "internal-bot"), Set.of()));

    TagEvaluation.Scores tools = TagEvaluation.evaluate(predicted, gold).tools();

    assertThat(tools.precision()).isEqualTo(1.0);
    assertThat(tools.recall()).isEqualTo(1.0);
  }

  @Test
  void aNoteWithoutPredictionsIsAllMisses() {
    TagEvaluation.Scores tools = TagEvaluation.evaluate(Map.of(), Map.of("a.md", gold(Set.of("docker"), Set.of(), ""))).tools();

    assertThat(tools.recall()).isZero();
    assertThat(tools.f1()).isZero();
  }
}
