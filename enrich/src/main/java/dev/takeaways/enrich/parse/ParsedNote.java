package dev.takeaways.enrich.parse;

import java.util.List;
import org.commonmark.node.Node;

/**
 * A note split into front matter and Markdown body.
 *
 * @param frontMatter what the front matter says ({@link FrontMatter#EMPTY} when there is none)
 * @param frontMatterUnreadable whether the note had front matter that could not be read
 * @param body the Markdown after the front matter, parsed as its blocks are read
 * @param warnings problems that did not stop parsing, such as unreadable front matter
 */
public record ParsedNote(FrontMatter frontMatter, boolean frontMatterUnreadable, MarkdownBody body, List<String> warnings) {
  public ParsedNote {
    warnings = List.copyOf(warnings);
  }

  /** The whole body as one commonmark tree (parsed again on each call). */
  public Node document() {
    return body.document();
  }
}
