package dev.takeaways.enrich.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores predicted tags against gold labels at note level: per note, the set of tool (or practice)
 * slugs found against the gold set; micro-averaged over all notes. Pure.
 */
public final class TagEvaluation {
  private TagEvaluation() {}

  /** Precision, recall and F1 with the counts they come from. */
  public record Scores(double precision, double recall, double f1, int truePositives, int falsePositives, int falseNegatives) {
    static Scores of(int tp, int fp, int fn) {
      double p = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
      double r = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
      double f = p + r == 0 ? 0.0 : 2 * p * r / (p + r);
      return new Scores(p, r, f, tp, fp, fn);
    }
  }

  /** One note's outcome; false positives and negatives as {@code tool:slug} or {@code practice:slug}. */
  public record NoteResult(
      String file, List<String> tools, List<String> practices, List<String> falsePositives, List<String> falseNegatives) {}

  /** The whole evaluation. */
  public record Report(Scores tools, Scores practices, List<NoteResult> notes) {}

  /**
   * Scores {@code predicted} against {@code gold}, over the notes of {@code gold}. A note with no
   * prediction counts as one where nothing was found.
   */
  public static Report evaluate(Map<String, Labels> predicted, Map<String, Labels> gold) {
    int[] tools = new int[3];
    int[] practices = new int[3];
    List<NoteResult> notes = new ArrayList<>();
    for (Map.Entry<String, Labels> entry : new TreeMap<>(gold).entrySet()) {
      Labels want = entry.getValue();
      Labels got = predicted.getOrDefault(entry.getKey(), new Labels(Set.of(), Set.of()));
      List<String> fps = new ArrayList<>();
      List<String> fns = new ArrayList<>();
      count("tool", got.tools(), want.tools(), want.optional(), tools, fps, fns);
      count("practice", got.practices(), want.practices(), want.optional(), practices, fps, fns);
      notes.add(new NoteResult(entry.getKey(), List.copyOf(got.of("tool")), List.copyOf(got.of("practice")), fps, fns));
    }
    return new Report(Scores.of(tools[0], tools[1], tools[2]), Scores.of(practices[0], practices[1], practices[2]), notes);
  }

  private static void count(
      String type, Set<String> got, Set<String> want, Set<String> optional, int[] totals, List<String> fps, List<String> fns) {
    for (String slug : new TreeSet<>(got)) {
      if (want.contains(slug)) {
        totals[0]++;
      } else if (!optional.contains(slug)) {
        totals[1]++;
        fps.add(type + ":" + slug);
      }
    }
    for (String slug : new TreeSet<>(want)) {
      if (!got.contains(slug) && !optional.contains(slug)) {
        totals[2]++;
        fns.add(type + ":" + slug);
      }
    }
  }
}
