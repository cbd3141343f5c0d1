package dev.takeaways.enrich;

import dev.takeaways.enrich.extract.Extraction;
import dev.takeaways.enrich.extract.TakeawayExtractor;
import dev.takeaways.enrich.parse.NoteParser;
import dev.takeaways.enrich.parse.ParsedNote;
import dev.takeaways.enrich.tag.PracticeCues;
import dev.takeaways.enrich.tag.SectionCues;
import dev.takeaways.enrich.tag.Taxonomy;
import dev.takeaways.enrich.tag.TaxonomyMatcher;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.Tag;
import dev.takeaways.model.Takeaway;
import dev.takeaways.model.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parse, extract and tag: a raw note in, an enriched note (or a rejection) out. A pure function of
 * its input and the taxonomy; no Kafka, no I/O, thread-safe.
 */
public final class NoteEnricher {
  /** Rounds of {@link #warmUp}: enough for the hot paths to reach the compilers' first tier. */
  private static final int WARM_UP_ROUNDS = 40;

  private static final Pattern SECTION_SEPARATOR = Pattern.compile(" > ");
  private final NoteParser parser;
  private final TakeawayExtractor extractor;
  private final TaxonomyMatcher matcher;
  private final SectionCues sectionCues;

  public NoteEnricher(NoteParser parser, TakeawayExtractor extractor, TaxonomyMatcher matcher) {
    this.parser = parser;
    this.extractor = extractor;
    this.matcher = matcher;
    this.sectionCues = new SectionCues(matcher);
  }

  /** An enricher with the bundled taxonomy. */
  public static NoteEnricher withBundledTaxonomy() {
    return withTaxonomy(Taxonomy.bundled());
  }

  /** An enricher with {@code taxonomy} and the default confidence threshold. */
  public static NoteEnricher withTaxonomy(Taxonomy taxonomy) {
    return withTaxonomy(taxonomy, TaxonomyMatcher.DEFAULT_MIN_CONFIDENCE);
  }

  /** An enricher with {@code taxonomy} that keeps tags of at least {@code minConfidence}. */
  public static NoteEnricher withTaxonomy(Taxonomy taxonomy, double minConfidence) {
    return new NoteEnricher(new NoteParser(), new TakeawayExtractor(), new TaxonomyMatcher(taxonomy, true, minConfidence));
  }

  /** Enriches {@code raw}; never throws on bad content, rejects it instead. */
  /**
   * Enriches a bundled sample note (sessions, lists, quotes, a table, tools and practices) a few
   * times, so that the JIT has compiled parsing, extraction and tagging before the first real note:
   * a cold first note took over a second. The sample is never sent anywhere.
   *
   * @return the sample's enriched note, for warming up what comes after enrich
   */
  public EnrichedNote warmUp() {
    String text;
    try (InputStream in = NoteEnricher.class.getResourceAsStream("/dev/takeaways/enrich/warm-up.md")) {
      text = new String(Objects.requireNonNull(in, "warm-up.md").readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EnrichResult result = null;
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      result = enrich(RawNote.of("warm-up.md", "warm-up.md", new RawNote.Source(RawNote.Source.FOLDER, null), text, 0));
    }
    return ((EnrichResult.Enriched) result).note();
  }

  public EnrichResult enrich(RawNote raw) {
    String content = raw.content();
    if (content.isBlank()) {
      return new EnrichResult.Rejected("empty", raw.path() + ": the note is empty");
    }
    if (content.indexOf('\0') >= 0) {
      return new EnrichResult.Rejected("binary", raw.path() + ": the note contains NUL bytes; it is not text");
    }
    int bytes = content.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > Topics.MAX_NOTE_BYTES) {
      return new EnrichResult.Rejected(
          "too-large", raw.path() + ": the note is " + bytes + " bytes, over the limit of " + Topics.MAX_NOTE_BYTES);
    }
    ParsedNote parsed;
    Extraction extraction;
    try {
      parsed = parser.parse(content);
      extraction = extractor.extract(raw.id(), parsed);
    } catch (StackOverflowError e) {
      // Pathological nesting (thousands of levels): refuse the note, keep the stream.
      return new EnrichResult.Rejected("too-deep", raw.path() + ": the note nests too deeply to be read");
    }
    if (parsed.frontMatterUnreadable() && extraction.takeaways().isEmpty() && extraction.firstHeading() == null) {
      return new EnrichResult.Rejected(
          "front-matter", raw.path() + ": " + String.join("; ", parsed.warnings()) + ", and nothing else could be read");
    }
    String title = parsed.frontMatter().title();
    if (title == null) {
      title = extraction.firstHeading();
    }
    if (title == null) {
      title = fileTitle(raw.path());
    }
    List<Takeaway> takeaways = extraction.takeaways();
    // The takeaways first, then what belongs to the note as a whole (title, keywords, headings); each
    // text is tagged on its own evidence, and consecutive takeaways of a section also as one list.
    List<String> texts = new ArrayList<>(takeaways.size() + 8);
    takeaways.forEach(t -> texts.add(t.text()));
    Set<String> wholeNote = new LinkedHashSet<>();
    wholeNote.add(title);
    wholeNote.addAll(parsed.frontMatter().tags());
    extraction.sessions().forEach(s -> wholeNote.add(s.title()));
    Set<String> sections = new LinkedHashSet<>();
    takeaways.forEach(t -> sections.add(t.section()));
    sections.forEach(section -> wholeNote.addAll(Arrays.asList(SECTION_SEPARATOR.split(section))));
    wholeNote.removeIf(String::isBlank);
    texts.addAll(wholeNote);
    List<List<Tag>> tags = new ArrayList<>(matcher.tagAll(texts, extraction.codeSpans()));
    // Consecutive takeaways of one section read as one list: its items may introduce tools.
    for (int from = 0, to; from < takeaways.size(); from = to) {
      to = from + 1;
      while (to < takeaways.size() && takeaways.get(to).section().equals(takeaways.get(from).section())) {
        to++;
      }
      if (to - from >= 3) {
        List<List<Tag>> run = sectionCues.withListDiscoveries(texts.subList(from, to), tags.subList(from, to));
        for (int i = from; i < to; i++) {
          tags.set(i, run.get(i - from));
        }
      }
    }
    // A heading that is one name, its section starting by saying what software that is: a tool of the note.
    List<String> wholeNoteTexts = new ArrayList<>(wholeNote);
    Map<String, String> firstTakeawayOf = new LinkedHashMap<>();
    takeaways.forEach(t -> firstTakeawayOf.putIfAbsent(t.section(), t.text()));
    for (Map.Entry<String, String> section : firstTakeawayOf.entrySet()) {
      String[] path = SECTION_SEPARATOR.split(section.getKey());
      String heading = path[path.length - 1];
      int at = takeaways.size() + wholeNoteTexts.indexOf(heading);
      Tag tool = at < takeaways.size() ? null : sectionCues.headingTool(heading, tags.get(at), section.getValue());
      if (tool != null) {
        List<Tag> more = new ArrayList<>(tags.get(at));
        more.add(tool);
        tags.set(at, List.copyOf(more));
      }
    }
    tags = PracticeCues.withoutLoneImplications(tags);
    List<Takeaway> tagged = new ArrayList<>(takeaways.size());
    for (int i = 0; i < takeaways.size(); i++) {
      Takeaway t = takeaways.get(i);
      tagged.add(new Takeaway(t.id(), t.sessionId(), t.kind(), t.text(), t.section(), t.position(), tags.get(i)));
    }
    Map<String, Tag> noteTags = new LinkedHashMap<>();
    tags.subList(takeaways.size(), tags.size()).forEach(list -> list.forEach(tag -> noteTags.putIfAbsent(tag.id(), tag)));
    return new EnrichResult.Enriched(
        new EnrichedNote(
            EnrichedNote.SCHEMA,
            raw.id(),
            raw.path(),
            title,
            parsed.frontMatter().date() == null ? null : parsed.frontMatter().date().toString(),
            raw.contentHash(),
            raw.ingestedAt(),
            extraction.sessions(),
            tagged,
            parsed.frontMatter().tags(),
            List.copyOf(noteTags.values()),
            parsed.warnings()));
  }

  private static String fileTitle(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
