package dev.takeaways.ui;

import dev.takeaways.model.Tag;
import java.util.List;

/**
 * What the notes say at a glance: the tags mentioned most with their months, what is new in the
 * newest month, what is rising or fading, the tools mentioned together, and the latest notes.
 *
 * @param version the store's version it was computed at ({@link StoreBrowser#version()})
 * @param lastMonth the newest month with a note (YYYY-MM), or null when the store is empty
 * @param months the months the small trends show, oldest first
 */
public record Overview(
    String version,
    long notes,
    long takeaways,
    String lastMonth,
    List<String> months,
    List<TagLine> tools,
    List<TagLine> practices,
    List<TagLine> newInLastMonth,
    List<TagLine> rising,
    List<TagLine> fading,
    List<Pair> together,
    List<NoteLine> latest) {

  /** The rule that decides rising and fading, as the page shows it. */
  public String trendRule() {
    return Trends.RULE;
  }

  /**
   * One tag: how many takeaways and notes mention it, notes per month (aligned with {@link
   * #months}), and its two trend windows.
   */
  public record TagLine(String tag, long takeaways, long notes, List<Integer> perMonth, Trends.Windows windows) {
    public String type() {
      return Tag.typeOf(tag);
    }

    public int peak() {
      return perMonth.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The monthly counts as words, for screen readers and tooltips. */
    public String perMonthText(List<String> months) {
      StringBuilder out = new StringBuilder("notes per month:");
      for (int i = 0; i < months.size(); i++) {
        out.append(i == 0 ? " " : ", ").append(months.get(i)).append(' ').append(perMonth.get(i));
      }
      return out.toString();
    }
  }

  /** Two tools in the same takeaways. */
  public record Pair(String first, String second, long takeaways) {}

  /** A note in a list: its id, title, date (its own, or the day it was read) and size. */
  public record NoteLine(String id, String title, String day, long sessions, long takeaways) {}
}
