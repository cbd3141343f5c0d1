package dev.takeaways.enrich.extract;

import dev.takeaways.model.NoteIds;
import dev.takeaways.model.Session;
import dev.takeaways.model.Takeaway;
import dev.takeaways.model.TakeawayKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;

/**
 * Splits a parsed note into sessions and takeaways.
 *
 * <p>Headings form a tree of sections. A heading with no heading beneath it and at least one
 * heading above it is a session (a talk, micro-talk or breakout); the others are sections. Within
 * them: a paragraph that starts with a summary label ({@code X's summary:}, {@code Summary:},
 * {@code TL;DR}, {@code Takeaways:}) is a {@code summary}; bold text with letters in it is a {@code
 * highlight}; {@code Tool:}/{@code Tools:} lines are {@code tool-mention}s; bracketed asides are
 * {@code aside}s; list items and short paragraphs are {@code point}s; block quotes are {@code
 * quote}s. Thread-safe and free of I/O.
 */
public final class TakeawayExtractor {
  private static final Pattern SUMMARY =
      Pattern.compile(
          "^(?:[\\p{L}.'’ -]{1,40}['’]s\\s+summary|summary|tl;?dr|key\\s+takeaways?|takeaways?)\\s*[:\\-–]\\s*(.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TOOLS = Pattern.compile("^tools?\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern WHOLE_ASIDE = Pattern.compile("^\\[([^\\[\\]]+)]$", Pattern.DOTALL);
  private static final Pattern INLINE_ASIDE =
      Pattern.compile("\\[((?:Q|Question|Note|Idea|Interesting thought|Thought|Aside|TODO)\\s*:[^\\[\\]]+)]", Pattern.CASE_INSENSITIVE);
  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final int MAX_POINT_CHARS = 600;
  private static final String SEPARATOR = " > ";

  /** Extracts from {@code document}, the body of note {@code noteId}. */
  public Extraction extract(String noteId, Node document) {
    Walk walk = new Walk(noteId, document);
    walk.run();
    return new Extraction(walk.firstHeading, walk.sessions, walk.takeaways);
  }

  private static final class Walk {
    private final String noteId;
    private final Node document;
    private final List<Session> sessions = new ArrayList<>();
    private final List<Takeaway> takeaways = new ArrayList<>();
    private final Deque<Section> open = new ArrayDeque<>();
    private final Map<String, Integer> occurrences = new HashMap<>();
    private String firstHeading;
    private Session current;

    Walk(String noteId, Node document) {
      this.noteId = noteId;
      this.document = document;
    }

    void run() {
      List<Node> blocks = new ArrayList<>();
      for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
        blocks.add(n);
      }
      for (int i = 0; i < blocks.size(); i++) {
        Node block = blocks.get(i);
        if (block instanceof Heading heading) {
          enter(heading, hasSubheading(blocks, i, heading.getLevel()));
        } else {
          block.accept(new BlockVisitor());
        }
      }
    }

    private static boolean hasSubheading(List<Node> blocks, int index, int level) {
      for (int j = index + 1; j < blocks.size(); j++) {
        if (blocks.get(j) instanceof Heading next) {
          return next.getLevel() > level;
        }
      }
      return false;
    }

    private void enter(Heading heading, boolean hasSubheading) {
      String text = PlainText.of(heading);
      if (firstHeading == null && !text.isEmpty()) {
        firstHeading = text;
      }
      while (!open.isEmpty() && open.peek().level >= heading.getLevel()) {
        open.pop();
      }
      String parent = sectionPath();
      current = null;
      if (!hasSubheading && !open.isEmpty() && !text.isEmpty()) {
        HeadingTitle parsed = HeadingTitle.parse(text);
        String url = firstLink(heading);
        int n = occurrences.merge("session\n" + parent + "\n" + parsed.title(), 1, Integer::sum) - 1;
        current =
            new Session(
                NoteIds.sessionId(noteId, parent + SEPARATOR + parsed.title(), n),
                parsed.title(),
                parsed.speaker(),
                url,
                parent);
        sessions.add(current);
        text = parsed.title();
      }
      open.push(new Section(heading.getLevel(), text));
    }

    private static String firstLink(Node node) {
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        if (child instanceof Link link) {
          return link.getDestination();
        }
        String nested = firstLink(child);
        if (nested != null) {
          return nested;
        }
      }
      return null;
    }

    private String sectionPath() {
      List<String> names = new ArrayList<>();
      open.descendingIterator().forEachRemaining(s -> names.add(s.title));
      return names.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(SEPARATOR));
    }

    private void add(TakeawayKind kind, String rawText) {
      String text = PlainText.tidy(rawText);
      if (!LETTER.matcher(text).find()) {
        return;
      }
      String section = sectionPath();
      int n = occurrences.merge(kind + "\n" + section + "\n" + text.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum) - 1;
      takeaways.add(
          new Takeaway(
              NoteIds.takeawayId(noteId, section, kind.wireName() + ":" + text, n),
              current == null ? null : current.id(),
              kind,
              text,
              section,
              takeaways.size(),
              List.of()));
    }

    private void paragraph(Paragraph paragraph, boolean inList) {
      String text = PlainText.of(paragraph);
      Matcher summary = SUMMARY.matcher(text);
      if (summary.matches()) {
        add(TakeawayKind.SUMMARY, summary.group(1));
        return;
      }
      List<String> bold = new ArrayList<>();
      paragraph.accept(
          new AbstractVisitor() {
            @Override
            public void visit(StrongEmphasis strong) {
              bold.add(PlainText.of(strong));
            }
          });
      bold.removeIf(b -> !LETTER.matcher(b).find());
      if (!bold.isEmpty()) {
        bold.forEach(b -> add(TakeawayKind.HIGHLIGHT, stripTrailingColon(b)));
        return;
      }
      Matcher tools = TOOLS.matcher(text);
      if (tools.matches()) {
        add(TakeawayKind.TOOL_MENTION, text);
        return;
      }
      Matcher whole = WHOLE_ASIDE.matcher(text);
      if (whole.matches()) {
        add(TakeawayKind.ASIDE, whole.group(1));
        return;
      }
      if (isLabel(text)) {
        return;
      }
      if (inList || text.length() <= MAX_POINT_CHARS) {
        add(TakeawayKind.POINT, text);
      }
      Matcher inline = INLINE_ASIDE.matcher(text);
      while (inline.find()) {
        add(TakeawayKind.ASIDE, inline.group(1));
      }
    }

    /** A lead-in such as {@code Interesting tools:} introduces what follows; it says nothing alone. */
    private static boolean isLabel(String text) {
      return text.endsWith(":") && text.length() <= 40;
    }

    private static String stripTrailingColon(String text) {
      return text.strip().replaceAll("\\s*:$", "");
    }

    private final class BlockVisitor extends AbstractVisitor {
      private int listDepth;

      @Override
      public void visit(Paragraph paragraph) {
        paragraph(paragraph, listDepth > 0);
      }

      @Override
      public void visit(ListItem listItem) {
        listDepth++;
        visitChildren(listItem);
        listDepth--;
      }

      @Override
      public void visit(BlockQuote blockQuote) {
        add(TakeawayKind.QUOTE, PlainText.of(blockQuote));
      }
    }
  }

  private record Section(int level, String title) {}
}
