package dev.takeaways.ui;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What is rising or fading, from how many notes mention a tag per month. Pure: no I/O. The rule is
 * written out in {@link #RULE} and shown on the page as it is.
 */
public final class Trends {
  /** How many months make a window: the latest months against the ones before them. */
  public static final int WINDOW = 3;
  /** Fewer notes than this in the busier window say nothing. */
  public static final int MIN_NOTES = 3;
  /** How many times more (or fewer) notes make a rise (or a fall). */
  public static final int FACTOR = 2;

  public static final String RULE =
      "A tag is rising when at least " + MIN_NOTES + " notes of the last " + WINDOW + " months mention it, and at least "
          + FACTOR + " times as many as in the " + WINDOW + " months before; fading when at least " + MIN_NOTES
          + " notes of those earlier months mention it, and the last " + WINDOW + " months at most 1/" + FACTOR
          + " as many. Months are the notes' own dates (or the day they were read, for notes without one); the last month"
          + " is the newest month with a note.";

  public enum Direction { RISING, FADING, STEADY }

  private Trends() {}

  /** Notes in the last {@link #WINDOW} months up to {@code last}, and in the {@link #WINDOW} before. */
  public record Windows(int recent, int earlier) {
    public Direction direction() {
      if (recent >= MIN_NOTES && recent >= FACTOR * earlier) {
        return Direction.RISING;
      }
      if (earlier >= MIN_NOTES && recent * FACTOR <= earlier) {
        return Direction.FADING;
      }
      return Direction.STEADY;
    }
  }

  /** The two windows of one tag, from its notes per month. */
  public static Windows windows(Map<YearMonth, Integer> notesPerMonth, YearMonth last) {
    int recent = 0;
    int earlier = 0;
    for (int i = 0; i < 2 * WINDOW; i++) {
      int notes = notesPerMonth.getOrDefault(last.minusMonths(i), 0);
      if (i < WINDOW) {
        recent += notes;
      } else {
        earlier += notes;
      }
    }
    return new Windows(recent, earlier);
  }

  /** The {@code count} months that end with {@code last}, oldest first. */
  public static List<YearMonth> monthsUpTo(YearMonth last, int count) {
    List<YearMonth> months = new ArrayList<>();
    for (int i = count - 1; i >= 0; i--) {
      months.add(last.minusMonths(i));
    }
    return months;
  }
}
