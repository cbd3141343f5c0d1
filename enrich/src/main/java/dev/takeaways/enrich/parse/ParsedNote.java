package dev.takeaways.enrich.parse;

import java.util.List;
import org.commonmark.node.Node;

/**
 * A note split into front matter and Markdown document.
 *
 * @param frontMatter what the front matter says ({@link FrontMatter#EMPTY} when there is none)
 * @param frontMatterUnreadable whether the note had front matter that could not be read
 * @param document the commonmark tree of the body
 * @param warnings problems that did not stop parsing, such as unreadable front matter
 */
public record ParsedNote(FrontMatter frontMatter, boolean frontMatterUnreadable, Node document, List<String> warnings) {
  public ParsedNote {
    warnings = List.copyOf(warnings);
  }
}
