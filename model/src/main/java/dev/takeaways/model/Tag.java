package dev.takeaways.model;

import java.util.Objects;

/**
 * A tool or practice found in a takeaway.
 *
 * @param id {@code tool:<slug>} or {@code practice:<slug>}
 * @param evidence what in the text produced the tag
 */
public record Tag(String id, Evidence evidence) {
  public Tag {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(evidence, "evidence");
    if (!id.startsWith("tool:") && !id.startsWith("practice:")) {
      throw new IllegalArgumentException("tag id must start with tool: or practice:, was " + id);
    }
  }

  /** {@code tool} or {@code practice}. */
  public String type() {
    return typeOf(id);
  }

  /** The type of tag id {@code id}, what stands before its colon ({@code tool}, {@code practice}); "" without one. */
  public static String typeOf(String id) {
    int colon = id.indexOf(':');
    return colon < 0 ? "" : id.substring(0, colon);
  }

  /**
   * The span of the takeaway's text that matched.
   *
   * @param text the matched text as written
   * @param start offset of its first character in the takeaway's text
   * @param end offset just past its last character
   * @param rule how it matched: {@code exact}, {@code alias}, {@code misspelling}, {@code context}
   *     or {@code discovered}
   * @param confidence how sure the tagger is, in [0, 1]; records written before it existed read as
   *     1 (they were tagged without a threshold)
   */
  public record Evidence(String text, int start, int end, String rule, Double confidence) {
    public Evidence {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(rule, "rule");
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
      }
      confidence = confidence == null ? 1.0 : confidence;
      if (!(confidence >= 0 && confidence <= 1)) {
        throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
      }
    }

    /** Evidence of full confidence. */
    public Evidence(String text, int start, int end, String rule) {
      this(text, start, end, rule, 1.0);
    }
  }
}
