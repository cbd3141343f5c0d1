package dev.takeaways.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What /assertions reports: an invariant fails on one failure; an SLO only on a real breach, judged on enough events. */
class AssertionCheckerTest {
  private static final Assertion INVARIANT = Assertion.named("stored-after-commit").stage(Stage.PUBLISH).kind(AssertionKind.POSTCONDITION)
      .description("d").severity(Severity.PAGE).remedy("r").build();
  private static final Assertion SLO = Assertion.named("latency-p99-under-2s").stage(Stage.END_TO_END).kind(AssertionKind.SLO)
      .description("d").severity(Severity.TICKET).remedy("r")
      .objective(new Assertion.Slo(0.99, "bad_total{a=\"x\"}", "good_total{a=\"x\"}", 0.01))
      .build();

  private final AssertionChecker checker = new AssertionChecker(new SimpleMeterRegistry(), List.of(INVARIANT, SLO));

  private void check(Assertion a, int passes, int failures) {
    for (int i = 0; i < passes; i++) {
      checker.check(a, true, () -> "");
    }
    for (int i = 0; i < failures; i++) {
      checker.check(a, false, () -> "slow");
    }
  }

  @Test
  void anInvariantFailsOnOneFailure() {
    assertThat(checker.counts(INVARIANT).status()).isEqualTo("unchecked");
    check(INVARIANT, 500, 0);
    assertThat(checker.counts(INVARIANT).status()).isEqualTo("ok");
    check(INVARIANT, 0, 1);
    assertThat(checker.counts(INVARIANT).status()).isEqualTo("failing");
  }

  @Test
  void aColdStartWithAFewSlowNotesIsNotEnoughDataForAnSlo() {
    check(SLO, 3, 1); // the first note after start was slow

    assertThat(SLO.slo().minEvents()).isEqualTo(100);
    assertThat(checker.counts(SLO).status()).isEqualTo("not enough data");
    check(SLO, 95, 0);
    assertThat(checker.counts(SLO).status()).as("one slow note in 99").isEqualTo("not enough data");
    check(SLO, 1, 0);
    assertThat(checker.counts(SLO).status()).as("one slow note in 100: within the budget").isEqualTo("ok");
  }

  @Test
  void aSustainedBreachOfAnSloIsFailing() {
    check(SLO, 180, 20); // 10% slow, the budget is 1%

    assertThat(checker.counts(SLO).status()).isEqualTo("failing");
  }
}
