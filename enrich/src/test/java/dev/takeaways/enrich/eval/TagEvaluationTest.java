package dev.takeaways.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagEvaluationTest {
  @Test
  void scoresAreMicroAveragedOverNotesWithFalsePositivesAndNegativesListed() {
    Map<String, Labels> gold = Map.of(
        "a.md", new Labels(Set.of("docker", "chef"), Set.of("code-review")),
        "b.md", new Labels(Set.of("jenkins"), Set.of()));
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
  void optionalLabelsCountNeitherWay() {
    Map<String, Labels> gold = Map.of("a.md", new Labels(Set.of("docker", "deployinator"), Set.of(), Set.of("deployinator", "internal-bot")));
    Map<String, Labels> predicted = Map.of("a.md", new Labels(Set.of("docker", "internal-bot"), Set.of()));

    TagEvaluation.Scores tools = TagEvaluation.evaluate(predicted, gold).tools();

    assertThat(tools.precision()).isEqualTo(1.0);
    assertThat(tools.recall()).isEqualTo(1.0);
  }

  @Test
  void aNoteWithoutPredictionsIsAllMisses() {
    TagEvaluation.Scores tools = TagEvaluation.evaluate(Map.of(), Map.of("a.md", new Labels(Set.of("docker"), Set.of()))).tools();

    assertThat(tools.recall()).isZero();
    assertThat(tools.f1()).isZero();
  }
}
