package dev.takeaways.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of takeaway, with the names used on the wire and in the store. */
public enum TakeawayKind {
  SUMMARY("summary"),
  HIGHLIGHT("highlight"),
  TOOL_MENTION("tool-mention"),
  ASIDE("aside"),
  POINT("point"),
  QUOTE("quote");

  private final String wireName;

  TakeawayKind(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }
}
