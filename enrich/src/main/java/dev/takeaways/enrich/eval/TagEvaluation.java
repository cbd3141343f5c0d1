package dev.takeaways.enrich.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores predicted tags against gold labels at note level: per note, the set of tool (or practice)
 * slugs found against the gold set; micro-averaged over all notes, over each split of the gold file,
 * and, for precision, over each rule that produced a tag. Pure.
 */
public final class TagEvaluation {
  private TagEvaluation() {}

  /** Precision, recall and F1 with the counts they come from. */
  public record Scores(double precision, double recall, double f1, int truePositives, int falsePositives, int falseNegatives) {
    static Scores of(int[] counts) {
      int tp = counts[0];
      int fp = counts[1];
      int fn = counts[2];
      double p = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
      double r = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
      double f = p + r == 0 ? 0.0 : 2 * p * r / (p + r);
      return new Scores(p, r, f, tp, fp, fn);
    }
  }

  /** The scores of one split (or of all notes), tools and practices apart. */
  public record SplitScores(int notes, Scores tools, Scores practices) {}

  /**
   * The precision of one rule of one type: of the note-level tags it produced (alone or with other
   * rules), how many are in the gold labels. Optional labels count neither way.
   */
  public record RulePrecision(String type, String rule, int truePositives, int falsePositives) {
    public double precision() {
      return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
    }
  }

  /** One note's outcome; false positives and negatives as {@code tool:slug} or {@code practice:slug}. */
  public record NoteResult(
      String file, String split, List<String> tools, List<String> practices, List<String> falsePositives, List<String> falseNegatives) {}

  /**
   * The whole evaluation.
   *
   * @param splits the scores of each split, by name, in order of name
   * @param rules the precision of each rule, tools first, by rule name
   */
  public record Report(
      Scores tools, Scores practices, Map<String, SplitScores> splits, List<RulePrecision> rules, List<NoteResult> notes) {}

  /**
   * Scores {@code predicted} against {@code gold}, over the notes of {@code gold}. A note with no
   * prediction counts as one where nothing was found.
   */
  public static Report evaluate(Map<String, Labels> predicted, Map<String, GoldNote> gold) {
    Counts all = new Counts();
    Map<String, Counts> bySplit = new TreeMap<>();
    Map<String, int[]> byRule = new TreeMap<>();
    List<NoteResult> notes = new ArrayList<>();
    for (Map.Entry<String, GoldNote> entry : new TreeMap<>(gold).entrySet()) {
      Labels want = entry.getValue().labels();
      Labels got = predicted.getOrDefault(entry.getKey(), new Labels(Set.of(), Set.of()));
      Counts split = bySplit.computeIfAbsent(entry.getValue().split(), s -> new Counts());
      List<String> fps = new ArrayList<>();
      List<String> fns = new ArrayList<>();
      for (String type : List.of("tool", "practice")) {
        int[] counts = count(type, got.of(type), want.of(type), want.optional(), fps, fns);
        all.add(type, counts);
        split.add(type, counts);
      }
      split.notes++;
      all.notes++;
      got.rules().forEach((tagId, rules) -> {
        String type = tagId.substring(0, tagId.indexOf(':'));
        String slug = tagId.substring(tagId.indexOf(':') + 1);
        if (want.optional().contains(slug)) {
          return;
        }
        boolean right = want.of(type).contains(slug);
        for (String rule : rules) {
          byRule.computeIfAbsent(type + " " + rule, k -> new int[2])[right ? 0 : 1]++;
        }
      });
      notes.add(new NoteResult(
          entry.getKey(), entry.getValue().split(), List.copyOf(got.of("tool")), List.copyOf(got.of("practice")), fps, fns));
    }
    Map<String, SplitScores> splits = new LinkedHashMap<>();
    bySplit.forEach((name, c) -> splits.put(name, c.scores()));
    List<RulePrecision> rules = new ArrayList<>();
    for (String type : List.of("tool", "practice")) {
      byRule.forEach((key, c) -> {
        if (key.startsWith(type + " ")) {
          rules.add(new RulePrecision(type, key.substring(type.length() + 1), c[0], c[1]));
        }
      });
    }
    SplitScores total = all.scores();
    return new Report(total.tools(), total.practices(), splits, rules, notes);
  }

  private static final class Counts {
    final int[] tools = new int[3];
    final int[] practices = new int[3];
    int notes;

    void add(String type, int[] counts) {
      int[] into = "tool".equals(type) ? tools : practices;
      for (int i = 0; i < 3; i++) {
        into[i] += counts[i];
      }
    }

    SplitScores scores() {
      return new SplitScores(notes, Scores.of(tools), Scores.of(practices));
    }
  }

  private static int[] count(String type, Set<String> got, Set<String> want, Set<String> optional, List<String> fps, List<String> fns) {
    int[] totals = new int[3];
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
    return totals;
  }
}
