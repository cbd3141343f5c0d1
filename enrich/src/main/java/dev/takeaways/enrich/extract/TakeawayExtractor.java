package dev.takeaways.enrich.extract;

import dev.takeaways.enrich.parse.FrontMatter;
import dev.takeaways.enrich.parse.MarkdownBody;
import dev.takeaways.enrich.parse.ParsedNote;
import dev.takeaways.model.NoteIds;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableRow;
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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

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
  // The label patterns match a text's opening only (lookingAt): what follows the label is the rest of
  // the text, so the regular expression never scans a long paragraph to its end.
  private static final Pattern SUMMARY =
      Pattern.compile(
          "(?:[\\p{L}.'’ -]{1,40}['’]s?\\s+summary|summary|in\\s+summary|tl;?\\s?dr|(?:my\\s+|key\\s+)?takeaways?)\\s*[:\\-–—]\\s*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TOOLS = Pattern.compile("tools?\\s*:", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOTE_LINE = Pattern.compile("(?:note|nb|n\\.b\\.|q|question|aside|idea)\\s*:", Pattern.CASE_INSENSITIVE);
  private static final Pattern SPEAKERS =
      Pattern.compile("(?:speakers?|presenters?|presented by|speaker\\(s\\))\\s*:?\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern WHOLE_ASIDE = Pattern.compile("^\\[([^\\[\\]]+)]\\.?$", Pattern.DOTALL);
  private static final Pattern INLINE_ASIDE =
      Pattern.compile("\\[((?:Q|Question|Note|Idea|Interesting thought|Thought|Aside|TODO)\\s*:[^\\[\\]]+)]", Pattern.CASE_INSENSITIVE);
  private static final Pattern TALK_SECTION =
      Pattern.compile(
          "\\b(?:talks?|sessions?|breakouts?|keynotes?|workshops?|tracks?|day\\s*\\d+|micro|lightning|panels?|open\\s*spaces?"
              + "|hallway|unconference|program(?:me)?|agenda|presentations?|lectures?)\\b",
          Pattern.CASE_INSENSITIVE);
  /** The HTML elements whose text is read as a block's; compiled once (evaluators are thread-safe). */
  private static final Evaluator HTML_TEXT_BLOCKS = Selector.evaluatorOf("p, li, dd, blockquote");
  private static final int MAX_POINT_CHARS = 800;
  /** The first letters of the labels {@link #NOTE_LINE} knows. */
  private static final String NOTE_LABEL_START = "nqai";
  /** Long enough for the longest label the patterns know ({@code X's summary:} with a 40-letter name). */
  private static final int OPENING_CHARS = 64;
  /** What may follow a summary label ({@link #SUMMARY}). */
  private static final String LABEL_SEPARATORS = ":-\u2013\u2014";
  private static final int MIN_SENTENCE_WORDS = 3;
  private static final String SEPARATOR = " > ";

  /** Extracts from {@code note}, the parsed body of note {@code noteId}. */
  public Extraction extract(String noteId, ParsedNote note) {
    Walk walk = new Walk(noteId, note.body());
    walk.run();
    walk.wholeNoteSession(note.frontMatter());
    return new Extraction(walk.firstHeading, walk.sessions, walk.takeaways);
  }

  private static final class Walk {
    private final String noteId;
    private final MarkdownBody body;
    private final List<Session> sessions = new ArrayList<>();
    private final List<Takeaway> takeaways = new ArrayList<>();
    private final Deque<Section> open = new ArrayDeque<>();
    private final Map<String, Integer> sessionOccurrences = new HashMap<>();
    private final Map<String, Boolean> talkSections = new HashMap<>();
    private final NoteIds.TakeawayIdSequence ids;
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
      this.ids = new NoteIds.TakeawayIdSequence(noteId);
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
        current = new Session(NoteIds.sessionId(noteId, parent + SEPARATOR + parsed.title(), n), parsed.title(), parsed.speaker(), url, parent);
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
      Session whole = new Session(NoteIds.sessionId(noteId, title, 0), title, speaker, null, "");
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

    private static boolean hasLetter(String text) {
      for (int i = 0; i < text.length(); i++) {
        if (Character.isLetter(text.charAt(i))) {
          return true;
        }
      }
      return false;
    }

    /** Adds a takeaway; {@code tidyText} is already tidy but for white space at its ends. */
    private void add(TakeawayKind kind, String tidyText) {
      String text = tidyText.strip();
      if (!hasLetter(text)) {
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
    }

    private void paragraph(Paragraph paragraph, boolean inList) {
      PlainText.WithStrong collected = plain.withStrong(paragraph);
      String text = collected.text();
      if (!collected.strong().isEmpty()) {
        List<String> highlights = new ArrayList<>();
        for (PlainText.Bold bold : collected.strong()) {
          if (isHighlight(bold, text)) {
            highlights.add(withoutTrailingColon(bold.text()));
          }
        }
        if (!highlights.isEmpty() && summary(text) == null && speakersLine(text) == null) {
          highlights.forEach(h -> add(TakeawayKind.HIGHLIGHT, h));
          return;
        }
      }
      text(text, inList);
    }

    /** The rules for a block's plain text, wherever it came from (Markdown or HTML). */
    private void text(String text, boolean inList) {
      // Cheap tests on the opening first, so that the regular expressions run only where they may match.
      String summary = summary(text);
      if (summary != null) {
        add(TakeawayKind.SUMMARY, summary);
        return;
      }
      String speakers = inList ? null : speakersLine(text);
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
      if (opensWith(text, "tool") && labelled(TOOLS, text)) {
        add(TakeawayKind.TOOL_MENTION, text);
        return;
      }
      if (text.startsWith("[")) {
        Matcher m = WHOLE_ASIDE.matcher(text);
        if (m.matches()) {
          add(TakeawayKind.ASIDE, m.group(1));
          return;
        }
      }
      if (mayBeNoteLine(text) && labelled(NOTE_LINE, text)) {
        add(TakeawayKind.ASIDE, text);
        return;
      }
      if (isLabel(text)) {
        return;
      }
      if (inList || text.length() <= MAX_POINT_CHARS) {
        add(TakeawayKind.POINT, text);
      }
      if (text.indexOf('[') >= 0) {
        Matcher inline = INLINE_ASIDE.matcher(text);
        while (inline.find()) {
          add(TakeawayKind.ASIDE, inline.group(1));
        }
      }
    }

    /** Whether {@code text} starts with {@code word}, in any case. */
    private static boolean opensWith(String text, String word) {
      return lettersAt(text, 0, word);
    }

    /**
     * Whether {@code word}, lower-case ASCII letters, stands at {@code at} in {@code text} in any
     * case. A letter matches its upper case by one bit, so there is no case mapping per character.
     */
    private static boolean lettersAt(String text, int at, String word) {
      if (at + word.length() > text.length()) {
        return false;
      }
      for (int k = 0; k < word.length(); k++) {
        if ((text.charAt(at + k) | 0x20) != word.charAt(k)) {
          return false;
        }
      }
      return true;
    }

    private static boolean mayBeNoteLine(String text) {
      if (text.isEmpty() || NOTE_LABEL_START.indexOf(Character.toLowerCase(text.charAt(0))) < 0) {
        return false;
      }
      for (int i = 1; i < Math.min(text.length(), 10); i++) {
        if (text.charAt(i) == ':') {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether a summary label may open the text: every label ends with {@code summary}, {@code
     * takeaway(s)} or {@code dr} (TL;DR), then a colon or a dash. So only the words before the
     * separators in the opening are looked at, and those are found by {@code indexOf}, which scans
     * many characters at a time; most texts have none.
     */
    private static boolean mayBeSummary(String text) {
      int end = Math.min(text.length(), OPENING_CHARS);
      for (int s = 0; s < LABEL_SEPARATORS.length(); s++) {
        char separator = LABEL_SEPARATORS.charAt(s);
        for (int at = text.indexOf(separator); at >= 0 && at < end; at = text.indexOf(separator, at + 1)) {
          int word = at;
          while (word > 0 && Character.isWhitespace(text.charAt(word - 1))) {
            word--;
          }
          if (lettersBefore(text, word, "summary") || lettersBefore(text, word, "takeaway")
              || lettersBefore(text, word, "takeaways") || lettersBefore(text, word, "dr")) {
            return true;
          }
        }
      }
      return false;
    }

    /** Whether {@code word}, lower-case ASCII letters, ends at {@code end} in {@code text}, in any case. */
    private static boolean lettersBefore(String text, int end, String word) {
      return end >= word.length() && lettersAt(text, end - word.length(), word);
    }

    /**
     * Bold text is a highlight when it is the whole line (but for punctuation) or a sentence of its
     * own; a bold word inside a sentence, bold punctuation and bold labels ({@code **Title:**
     * ...}) are not.
     */
    private static boolean isHighlight(PlainText.Bold bold, String line) {
      String text = bold.text();
      if (!hasLetter(text)) {
        return false;
      }
      boolean label = text.endsWith(":");
      // The bold span is the whole line when no letter or digit stands outside it.
      if (!hasWordChar(line, 0, bold.start()) && !hasWordChar(line, bold.end(), line.length())) {
        return !(label && wordCount(text) <= 2);
      }
      return !label && wordCount(text) >= MIN_SENTENCE_WORDS;
    }

    private static boolean hasWordChar(String text, int from, int to) {
      for (int i = from; i < to; i++) {
        if (isWordChar(text.charAt(i))) {
          return true;
        }
      }
      return false;
    }

    /** A letter or digit; ASCII without a table lookup. */
    private static boolean isWordChar(char c) {
      if (c < 0x80) {
        return (char) ((c | 0x20) - 'a') < 26 || (char) (c - '0') < 10;
      }
      return Character.isLetterOrDigit(c);
    }

    /** How many runs of letters and digits {@code text} has. */
    private static int wordCount(String text) {
      int count = 0;
      boolean inWord = false;
      for (int i = 0; i < text.length(); i++) {
        boolean letter = isWordChar(text.charAt(i));
        if (letter && !inWord) {
          count++;
        }
        inWord = letter;
      }
      return count;
    }

    /** What follows the {@code Speakers:} label, or null when {@code text} is not such a line. */
    private static String speakersLine(String text) {
      if (text.length() > 120 || !(opensWith(text, "speaker") || opensWith(text, "present"))) {
        return null;
      }
      return afterLabel(SPEAKERS, text);
    }

    /** What follows a summary label ({@code Summary:}, {@code X's summary -}), or null when there is none. */
    private static String summary(String text) {
      return mayBeSummary(text) ? afterLabel(SUMMARY, text) : null;
    }

    /** The text after {@code label} when the text opens with it, else null. */
    private static String afterLabel(Pattern label, String text) {
      Matcher m = label.matcher(text);
      return m.lookingAt() ? text.substring(m.end()) : null;
    }

    /** Whether the text opens with {@code label} and has something after it. */
    private static boolean labelled(Pattern label, String text) {
      Matcher m = label.matcher(text);
      return m.lookingAt() && m.end() < text.length();
    }

    private static String withoutTrailingColon(String text) {
      String t = text.strip();
      return t.endsWith(":") ? t.substring(0, t.length() - 1).strip() : t;
    }

    /** A lead-in such as {@code Interesting tools:} introduces what follows; it says nothing alone. */
    private static boolean isLabel(String text) {
      return text.endsWith(":") && text.length() <= 40;
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
        add(TakeawayKind.QUOTE, plain.of(blockQuote));
      }

      @Override
      public void visit(HtmlBlock htmlBlock) {
        // Pages exported from CMSs keep their text in HTML: read it, never render it.
        Element body = Jsoup.parseBodyFragment(htmlBlock.getLiteral()).body();
        for (Element e : body.select(HTML_TEXT_BLOCKS)) {
          if (e.select(HTML_TEXT_BLOCKS).size() == 1) { // the element itself: no text block inside it
            String t = e.text();
            if (e.tagName().equals("blockquote")) {
              add(TakeawayKind.QUOTE, t);
            } else {
              text(plain.tidy(t), e.tagName().equals("li"));
            }
          }
        }
      }

      @Override
      public void visit(CustomBlock block) {
        if (block instanceof TableBlock) {
          // Rows of the body; a table that is only a header (a bar of links, say) is read by its header.
          boolean hasBody = false;
          for (Node part = block.getFirstChild(); part != null; part = part.getNext()) {
            hasBody |= part instanceof TableBody && part.getFirstChild() != null;
          }
          for (Node part = block.getFirstChild(); part != null; part = part.getNext()) {
            if (hasBody == (part instanceof TableBody)) {
              for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (row instanceof TableRow) {
                  add(TakeawayKind.POINT, tableRow(row));
                }
              }
            }
          }
          return;
        }
        visitChildren(block);
      }
    }

    private String tableRow(Node row) {
      List<String> cells = new ArrayList<>();
      for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
        String c = plain.of(cell);
        if (!c.isEmpty()) {
          cells.add(c);
        }
      }
      return String.join(" | ", cells);
    }
  }

  /** An open section: its heading's level and title, and its path (see {@link Walk#section}). */
  private record Section(int level, String title, String path) {}
}
