package dev.takeaways.ui;

import java.util.List;

/** A note as read: its sessions, in order, each with its takeaways and their evidence marked. */
public record NoteView(
    String id,
    String path,
    String title,
    String day,
    List<String> keywords,
    List<Highlights.Evidence> noteTags,
    List<Block> blocks) {

  /** A session (or, with a null title, the takeaways that stand outside any session). */
  public record Block(String title, String speaker, String url, String section, List<Item> takeaways) {}

  /** A takeaway: its kind, section and text cut at its evidence, and the evidence itself. */
  public record Item(String id, String kind, String section, List<Highlights.Piece> pieces, List<Highlights.Evidence> evidence) {}
}
