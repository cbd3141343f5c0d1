package dev.takeaways.ui;

import dev.takeaways.model.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A takeaway's text cut where its tags' evidence starts and ends, so that a page can mark exactly
 * the evidence: each piece knows the tags whose evidence covers it. Overlapping evidence (two tags
 * from one phrase) splits into pieces that carry both. Pure: no I/O.
 */
public final class Highlights {
  private Highlights() {}

  /** The evidence of one tag in one text: {@code [start, end)} in UTF-16 units, as the tagger gives it. */
  public record Evidence(String tag, String text, int start, int end, String rule, Double confidence) {
    /** {@code tool} or {@code practice}. */
    public String type() {
      return Tag.typeOf(tag);
    }

    /** What a person reads on hovering or focusing the evidence. */
    public String explanation() {
      return tag + " · rule " + rule + (confidence == null ? "" : " · confidence " + String.format("%.2f", confidence));
    }
  }

  /** A piece of the text, {@code [start, end)}, and the evidence that covers it (none: plain text). */
  public record Piece(int start, int end, String text, List<Evidence> evidence) {
    public boolean marked() {
      return !evidence.isEmpty();
    }

    /** The tag ids of the evidence, space-separated. */
    public String tags() {
      return String.join(" ", evidence.stream().map(Evidence::tag).toList());
    }

    /** {@code tool}, {@code practice} or {@code both}: how the piece is coloured. */
    public String type() {
      long types = evidence.stream().map(Evidence::type).distinct().count();
      return types == 1 ? evidence.get(0).type() : "both";
    }

    /** Each covering tag with its rule and confidence, one per line. */
    public String explanation() {
      return String.join("\n", evidence.stream().map(Evidence::explanation).toList());
    }
  }

  /**
   * Cuts {@code text} at every start and end of the evidence. Evidence outside the text, or empty,
   * is left out (a record from an older tagger must not break the page).
   */
  public static List<Piece> pieces(String text, List<Evidence> evidence) {
    List<Evidence> valid = evidence.stream().filter(e -> e.start() >= 0 && e.start() < e.end() && e.end() <= text.length()).toList();
    TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
    for (Evidence e : valid) {
      cuts.add(e.start());
      cuts.add(e.end());
    }
    List<Piece> pieces = new ArrayList<>();
    Integer from = cuts.first();
    for (Integer to : cuts.tailSet(from, false)) {
      int start = from;
      List<Evidence> covering = valid.stream().filter(e -> e.start() <= start && e.end() >= to).toList();
      pieces.add(new Piece(start, to, text.substring(start, to), covering));
      from = to;
    }
    return pieces;
  }
}
