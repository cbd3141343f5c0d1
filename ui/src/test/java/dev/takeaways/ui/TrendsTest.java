package dev.takeaways.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendsTest {
  private static final YearMonth LAST = YearMonth.of(2026, 6);

  private static Trends.Direction direction(Map<YearMonth, Integer> perMonth) {
    return Trends.windows(perMonth, LAST).direction();
  }

  @Test
  void risingNeedsEnoughNotesAndTwiceAsMany() {
    assertThat(direction(Map.of(YearMonth.of(2026, 6), 2, YearMonth.of(2026, 4), 2, YearMonth.of(2026, 2), 2)))
        .as("4 against 2").isEqualTo(Trends.Direction.RISING);
    assertThat(direction(Map.of(YearMonth.of(2026, 6), 2))).as("only 2 notes").isEqualTo(Trends.Direction.STEADY);
    assertThat(direction(Map.of(YearMonth.of(2026, 6), 5, YearMonth.of(2026, 1), 3))).as("5 against 3").isEqualTo(Trends.Direction.STEADY);
  }

  @Test
  void fadingWhenTheLastMonthsHaveHalfOrLess() {
    assertThat(direction(Map.of(YearMonth.of(2026, 3), 4, YearMonth.of(2026, 5), 2))).isEqualTo(Trends.Direction.FADING);
    assertThat(direction(Map.of(YearMonth.of(2026, 1), 4))).isEqualTo(Trends.Direction.FADING);
    assertThat(direction(Map.of(YearMonth.of(2026, 1), 2))).as("too few to say").isEqualTo(Trends.Direction.STEADY);
  }

  @Test
  void monthsOlderThanTwoWindowsDoNotCount() {
    assertThat(Trends.windows(Map.of(YearMonth.of(2025, 12), 9, YearMonth.of(2026, 6), 1), LAST))
        .isEqualTo(new Trends.Windows(1, 0));
    assertThat(Trends.monthsUpTo(LAST, 3)).containsExactly(YearMonth.of(2026, 4), YearMonth.of(2026, 5), LAST);
  }

  @Test
  void theRuleOnThePageStatesTheNumbersTheCodeUses() {
    assertThat(Trends.RULE).contains("at least " + Trends.MIN_NOTES + " notes of the last " + Trends.WINDOW + " months")
        .contains(Trends.FACTOR + " times as many").contains("1/" + Trends.FACTOR);
  }
}
