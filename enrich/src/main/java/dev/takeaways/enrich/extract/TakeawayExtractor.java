package dev.takeaways.enrich.extract;

import dev.takeaways.enrich.parse.FrontMatter;
import dev.takeaways.enrich.parse.MarkdownBody;
import dev.takeaways.enrich.parse.ParsedNote;
import dev.takeaways.model.Session;
import dev.takeaways.model.Takeaway;
import dev.takeaways.model.TakeawayKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;

/**
 * Splits a parsed note into sessions and takeaways.
 *
 * <p>Sessions. Headings form a tree of sections. A heading that names a speaker ({@code Title -
 * Speaker}, {@code Title (Speaker)}, {@code Speaker: Title}) is a session, with whatever stands
 * under it. A heading with no heading beneath it is a session too when it links to the talk or
 * stands in a section that holds talks ({@code Talks, Day 1}, {@code Micro talks}, {@code
 * Breakout Sessions}, ...). A note with no such heading that is one talk (front matter {@code type:
 * talk} or {@code speaker}, or a {@code Speakers} line) is one session, named after the note.
 *
 * <p>Takeaways, each with a kind: a paragraph that starts with a summary label ({@code X's
 * summary:}, {@code Summary:}, {@code TL;DR}, {@code Takeaways:}) is a {@code summary}; bold text
 * that is a whole line or a sentence of its own is a {@code highlight}; {@code Tool:}/{@code
 * Tools:} lines are {@code tool-mention}s; bracketed asides and {@code Note:} lines are {@code
 * aside}s; list items, table rows and short paragraphs are {@code point}s; block quotes are {@code
 * quote}s. Raw HTML blocks are read as text. Thread-safe and free of I/O.
 */
public final class TakeawayExtractor {
  private static final Pattern TALK_SECTION =
      Pattern.compile(
          "\\b(?:talks?|sessions?|breakouts?|keynotes?|workshops?|tracks?|day\\s*\\d+|micro|lightning|panels?|open\\s*spaces?"
              + "|hallway|unconference|program(?:me)?|agenda|presentations?|lectures?)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final int MAX_POINT_CHARS = 800;
  private static final String SEPARATOR = " > ";

  /** Extracts from {@code note}, the parsed body of note {@code noteId}. */
  public Extraction extract(String noteId, ParsedNote note) {
    Walk walk = new Walk(noteId, note.body());
    walk.run();
    walk.wholeNoteSession(note.frontMatter());
    return new Extraction(walk.firstHeading, walk.sessions, walk.takeaways, walk.codeSpans);
  }

  private static final class Walk {
    private final String noteId;
    private final MarkdownBody body;
    private final List<Session> sessions = new ArrayList<>();
    private final List<Takeaway> takeaways = new ArrayList<>();
    /** For each takeaway, the code spans of its text. */
    private final List<List<String>> codeSpans = new ArrayList<>();
    /** The code spans of the block being read, for the takeaways made of it. */
    private List<String> blockCodes = List.of();
    private final Deque<Section> open = new ArrayDeque<>();
    private final Map<String, Integer> sessionOccurrences = new HashMap<>();
    private final Map<String, Boolean> talkSections = new HashMap<>();
    private final TakeawayIds.TakeawayIdSequence ids;
    private final List<String> speakersInBody = new ArrayList<>();
    private final PlainText plain = new PlainText();
    private String firstHeading;
    /** The heading the body opens with, if it opens with one. */
    private Heading bodyOpensWith;
    private Session current;
    private int currentLevel;
    private boolean speakerListNext;

    Walk(String noteId, MarkdownBody body) {
      this.noteId = noteId;
      this.ids = new TakeawayIds.TakeawayIdSequence(noteId);
      this.body = body;
    }

    /**
     * One pass over the blocks. A heading is entered when the next heading shows whether a deeper
     * one follows it; the blocks between wait for that in a list, so each block is read once and
     * handled while it is still in the processor's cache (the body is parsed a part at a time as
     * its blocks are read, for the same reason).
     */
    void run() {
      BlockVisitor visitor = new BlockVisitor();
      Heading pending = null;
      List<Node> section = new ArrayList<>();
      Iterator<Node> blocks = body.blocks();
      for (boolean first = true; blocks.hasNext(); first = false) {
        Node block = blocks.next();
        if (block instanceof Heading heading) {
          if (first) {
            bodyOpensWith = heading;
          }
          if (pending != null) {
            enter(pending, heading.getLevel() > pending.getLevel());
            handle(section, visitor);
          }
          pending = heading;
        } else if (pending != null) {
          section.add(block);
        } else {
          handle(block, visitor);
        }
      }
      if (pending != null) {
        enter(pending, false);
        handle(section, visitor);
      }
    }

    private void handle(List<Node> blocks, BlockVisitor visitor) {
      speakerListNext = false; // a heading stands before these blocks
      for (Node block : blocks) {
        handle(block, visitor);
      }
      blocks.clear();
    }

    private void handle(Node block, BlockVisitor visitor) {
      if (speakerListNext && (block instanceof BulletList || block instanceof OrderedList)) {
        speakerListNext = false;
        for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
          speakersInBody.add(personName(plain.of(item)));
        }
      } else {
        speakerListNext = false;
        block.accept(visitor);
      }
    }

    private void enter(Heading heading, boolean hasSubheading) {
      String text = plain.of(heading);
      // The note's title, when it has none in front matter: a top-level heading, or a heading the body opens with.
      if (firstHeading == null && !text.isEmpty() && (heading.getLevel() == 1 || heading == bodyOpensWith)) {
        firstHeading = text;
      }
      while (!open.isEmpty() && open.peek().level >= heading.getLevel()) {
        open.pop();
      }
      if (current != null && currentLevel >= heading.getLevel()) {
        current = null;
      }
      String parent = section();
      HeadingTitle parsed = HeadingTitle.parse(text);
      String url = firstLink(heading);
      boolean talk =
          !text.isEmpty()
              && (parsed.speaker() != null
                  || (current == null && !hasSubheading && !open.isEmpty()
                      && (isWholeLink(heading) || holdsTalks(open.peek().title))));
      if (talk) {
        int n = sessionOccurrences.merge("session\n" + parent + "\n" + parsed.title(), 1, Integer::sum) - 1;
        current = new Session(TakeawayIds.sessionId(noteId, parent + SEPARATOR + parsed.title(), n), parsed.title(), parsed.speaker(), url, parent);
        currentLevel = heading.getLevel();
        sessions.add(current);
        text = parsed.title();
      }
      open.push(new Section(heading.getLevel(), text, text.isEmpty() ? parent : parent.isEmpty() ? text : parent + SEPARATOR + text));
    }

    /** Whether a section's title says it holds talks; asked once per title. */
    private boolean holdsTalks(String title) {
      return talkSections.computeIfAbsent(title, t -> TALK_SECTION.matcher(t).find());
    }

    /** A note that is one talk and has no talk headings becomes one session. */
    void wholeNoteSession(FrontMatter frontMatter) {
      if (!sessions.isEmpty()) {
        return;
      }
      List<String> speakers = !frontMatter.speakers().isEmpty() ? frontMatter.speakers() : speakersInBody;
      boolean oneTalk = "talk".equalsIgnoreCase(frontMatter.type()) || !speakers.isEmpty();
      if (!oneTalk) {
        return;
      }
      String title = frontMatter.title() != null ? frontMatter.title() : firstHeading;
      if (title == null) {
        return;
      }
      String speaker = speakers.isEmpty() ? null : String.join(", ", speakers);
      Session whole = new Session(TakeawayIds.sessionId(noteId, title, 0), title, speaker, null, "");
      sessions.add(whole);
      takeaways.replaceAll(t -> new Takeaway(t.id(), whole.id(), t.kind(), t.text(), t.section(), t.position(), t.tags()));
    }

    private static boolean isWholeLink(Heading heading) {
      Node only = heading.getFirstChild();
      return only instanceof Link && only.getNext() == null;
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

    /** The path of the innermost open section: its titles from the top, the empty ones left out. */
    private String section() {
      return open.isEmpty() ? "" : open.peek().path();
    }

    /** Adds a takeaway; {@code tidyText} is already tidy but for white space at its ends. */
    private void add(TakeawayKind kind, String tidyText) {
      String text = tidyText.strip();
      if (!LineLabels.hasLetter(text)) {
        return;
      }
      String section = section();
      takeaways.add(
          new Takeaway(
              ids.next(section, kind, text),
              current == null ? null : current.id(),
              kind,
              text,
              section,
              takeaways.size(),
              List.of()));
      List<String> codes = List.of();
      for (String code : blockCodes) {
        if (text.contains(code)) {
          codes = codes.isEmpty() ? new ArrayList<>(2) : codes;
          codes.add(code);
        }
      }
      codeSpans.add(codes);
    }

    private void paragraph(Paragraph paragraph, boolean inList) {
      PlainText.WithStrong collected = plain.withStrong(paragraph);
      blockCodes = plain.codes();
      paragraph(collected, inList);
      blockCodes = List.of();
    }

    private void paragraph(PlainText.WithStrong collected, boolean inList) {
      String text = collected.text();
      if (!collected.strong().isEmpty()) {
        List<String> highlights = new ArrayList<>();
        for (PlainText.Bold bold : collected.strong()) {
          if (LineLabels.isHighlight(bold, text)) {
            highlights.add(LineLabels.withoutTrailingColon(bold.text()));
          }
        }
        if (!highlights.isEmpty() && LineLabels.summary(text) == null && LineLabels.speakersLine(text) == null) {
          highlights.forEach(h -> add(TakeawayKind.HIGHLIGHT, h));
          return;
        }
      }
      text(text, inList);
    }

    /** The rules for a block's plain text, wherever it came from (Markdown or HTML). */
    private void text(String text, boolean inList) {
      // Cheap tests on the opening first, so that the regular expressions run only where they may match.
      String summary = LineLabels.summary(text);
      if (summary != null) {
        add(TakeawayKind.SUMMARY, summary);
        return;
      }
      String speakers = inList ? null : LineLabels.speakersLine(text);
      if (speakers != null) {
        String names = speakers.strip();
        if (names.isEmpty()) {
          speakerListNext = true;
        } else {
          for (String name : names.split("\\s*(?:;|\\band\\b|&)\\s*")) {
            speakersInBody.add(personName(name));
          }
        }
        return;
      }
      if (LineLabels.toolMention(text)) {
        add(TakeawayKind.TOOL_MENTION, text);
        return;
      }
      String aside = LineLabels.wholeAside(text);
      if (aside != null) {
        add(TakeawayKind.ASIDE, aside);
        return;
      }
      if (LineLabels.noteLine(text)) {
        add(TakeawayKind.ASIDE, text);
        return;
      }
      if (LineLabels.isLabel(text)) {
        return;
      }
      if (inList || text.length() <= MAX_POINT_CHARS) {
        add(TakeawayKind.POINT, text);
      }
      LineLabels.inlineAsides(text).forEach(a -> add(TakeawayKind.ASIDE, a));
    }

    /** {@code William Morgan, Buoyant} is William Morgan. */
    private String personName(String text) {
      String name = plain.tidy(text);
      int comma = name.indexOf(',');
      return comma > 0 ? name.substring(0, comma).strip() : name;
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
        String quote = plain.of(blockQuote);
        blockCodes = plain.codes();
        add(TakeawayKind.QUOTE, quote);
        blockCodes = List.of();
      }

      @Override
      public void visit(HtmlBlock htmlBlock) {
        for (BlockReaders.HtmlText t : BlockReaders.html(htmlBlock.getLiteral())) {
          if (t.quote()) {
            add(TakeawayKind.QUOTE, t.text());
          } else {
            text(plain.tidy(t.text()), t.listItem());
          }
        }
      }

      @Override
      public void visit(CustomBlock block) {
        if (block instanceof TableBlock table) {
          BlockReaders.tableRows(table, plain).forEach(row -> add(TakeawayKind.POINT, row));
          return;
        }
        visitChildren(block);
      }
    }
  }

  /** An open section: its heading's level and title, and its path (see {@link Walk#section}). */
  private record Section(int level, String title, String path) {}
}
