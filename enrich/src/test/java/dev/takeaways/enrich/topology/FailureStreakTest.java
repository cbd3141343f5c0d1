package dev.takeaways.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureStreakTest {
  @Test
  void failuresOnTheSameRecordMakeAStreakThatProgressEnds() {
    FailureStreak streak = new FailureStreak();
    assertThat(streak.stuck(10)).isFalse();
    assertThat(streak.failed(10)).isEqualTo(1);
    assertThat(streak.failed(10)).isEqualTo(2);
    assertThat(streak.stuck(10)).isFalse();
    assertThat(streak.failed(10)).isEqualTo(FailureStreak.STUCK_AFTER);
    assertThat(streak.stuck(10)).as("three failures, nothing finished between them").isTrue();
    assertThat(streak.inARow(10)).isEqualTo(3);
    assertThat(streak.inARow(11)).isZero();
    assertThat(streak.stuck(11)).as("a note finished since: going again").isFalse();
    assertThat(streak.failed(11)).isEqualTo(1);
  }

  @Test
  void failuresBetweenWhichNotesAreFinishedAreNoStreak() {
    FailureStreak streak = new FailureStreak();
    for (int progress = 0; progress < 10; progress++) {
      assertThat(streak.failed(progress)).isEqualTo(1);
    }
    assertThat(streak.stuck(9)).isFalse();
  }
}
