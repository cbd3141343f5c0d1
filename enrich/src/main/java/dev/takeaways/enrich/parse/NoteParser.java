package dev.takeaways.enrich.parse;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Splits a note into YAML front matter and a Markdown body ({@link MarkdownBody}: commonmark-java
 * parses it in parts as it is read). Front matter is read with a real YAML parser under safe limits
 * (no alias bombs, bounded size); front matter that cannot be read becomes a warning, never an
 * exception. Thread-safe and free of I/O.
 */
public final class NoteParser {
  private static final TomlMapper TOML = new TomlMapper();
  private static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;
  private static final Pattern PERSON_SLUG = Pattern.compile("[a-z]+(?:-[a-z]+)+");
  private static final Pattern NOT_SLUG_CHARS = Pattern.compile("[^a-z0-9]+");
  private static final Pattern EDGE_DASHES = Pattern.compile("(^-+|-+$)");
  private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{9,11}");

  private final Parser markdown = markdownParser();
  private final int partChars;

  /**
   * commonmark-java as notes are parsed (GFM tables): also the parse-only reference of the
   * benchmarks, which must measure the same configuration.
   */
  public static Parser markdownParser() {
    return Parser.builder().extensions(List.of(TablesExtension.create())).build();
  }
  private final LoadSettings yamlSettings =
      LoadSettings.builder()
          .setMaxAliasesForCollections(20)
          .setAllowRecursiveKeys(false)
          .setCodePointLimit(MAX_FRONT_MATTER_CHARS)
          .setAllowDuplicateKeys(true)
          .build();
  /** A Load builds its constructor tables once; it is not thread-safe, so one per thread. */
  private final ThreadLocal<Load> yamlLoader = ThreadLocal.withInitial(() -> new Load(yamlSettings));

  public NoteParser() {
    this(MarkdownBody.PART_CHARS);
  }

  /** A parser that reads bodies in parts of at least {@code partChars} characters (tests cut small ones). */
  public NoteParser(int partChars) {
    if (partChars < 1) {
      throw new IllegalArgumentException("parts must be at least one character, not " + partChars);
    }
    this.partChars = partChars;
  }

  /** Parses {@code text}, the whole note. */
  public ParsedNote parse(String text) {
    List<String> warnings = new ArrayList<>();
    FrontMatter frontMatter = FrontMatter.EMPTY;
    boolean unreadable = false;
    String body = text;
    Fenced yaml = Fenced.find(text, "---", "...");
    Fenced fenced = yaml != null ? yaml : Fenced.find(text, "+++", "+++");
    if (fenced != null) {
      body = text.substring(fenced.bodyStart());
      String content = fenced.content(text);
      Map<?, ?> map = yaml != null ? readYaml(content, warnings) : readToml(content, warnings);
      unreadable = map == null;
      frontMatter = map == null ? FrontMatter.EMPTY : frontMatter(map, warnings);
    } else if (text.startsWith("---\n") || text.startsWith("---\r\n")) {
      warnings.add("front matter is not closed by a '---' line; read as Markdown");
    }
    return new ParsedNote(frontMatter, unreadable, new MarkdownBody(markdown, body, partChars), warnings);
  }

  /**
   * Front matter fenced by lines of its own: the note opens (after a byte order mark) with the
   * {@code open} line, and the first later line that is {@code open} or {@code close} ends it;
   * white space may follow a fence, lines end with LF or CRLF. Found by looking at line starts
   * only, not by a regular expression that tries every character of the front matter.
   *
   * @param contentStart where the front matter's first line starts
   * @param contentEnd where the closing fence's line starts
   * @param bodyStart where the body starts, after the closing fence's line
   */
  record Fenced(int contentStart, int contentEnd, int bodyStart) {
    String content(String text) {
      return text.substring(contentStart, contentEnd);
    }

    /** The front matter between {@code open} and {@code open} or {@code close} fences, or null. */
    static Fenced find(String text, String open, String close) {
      int start = text.startsWith("\uFEFF") ? 1 : 0;
      if (!text.startsWith(open, start)) {
        return null;
      }
      int contentStart = afterFenceLine(text, start + open.length());
      if (contentStart <= 0 || text.charAt(contentStart - 1) != '\n') {
        return null; // the opening fence's line must end: a note that is only "---" has no front matter
      }
      for (int line = contentStart; line < text.length(); ) {
        String fence = text.startsWith(open, line) ? open : text.startsWith(close, line) ? close : null;
        int bodyStart = fence == null ? -1 : afterFenceLine(text, line + fence.length());
        if (bodyStart >= 0) {
          return new Fenced(contentStart, line, bodyStart);
        }
        int newline = text.indexOf('\n', line);
        if (newline < 0) {
          return null;
        }
        line = newline + 1;
      }
      return null;
    }

    /** After a fence at {@code at}: blanks, then the line's end; where the next line starts, or -1 when more follows. */
    private static int afterFenceLine(String text, int at) {
      int i = at;
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      if (i == text.length()) {
        return i;
      }
      if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        return i + 2;
      }
      return text.charAt(i) == '\n' ? i + 1 : -1;
    }
  }

  /** Real front matter is a few levels deep; a bomb is thousands (the YAML parser recurses per level). */
  static final int MAX_YAML_NESTING = 64;

  /**
   * An upper bound of the YAML's nesting: open flow brackets, plus block levels (leading spaces and
   * "- " markers of a line, counted as one level each). Quotes are not parsed: a bracket inside a
   * string counts too, which only errs towards refusing absurd front matter.
   */
  static int nestingDepth(String yaml) {
    int max = 0;
    int flow = 0;
    for (int start = 0; start <= yaml.length(); ) {
      int newline = yaml.indexOf('\n', start);
      int end = newline < 0 ? yaml.length() : newline;
      int block = 0;
      int i = start;
      while (i < end && (yaml.charAt(i) == ' ' || yaml.charAt(i) == '-' || yaml.charAt(i) == '?' || yaml.charAt(i) == '\t')) {
        if (yaml.charAt(i) != ' ') {
          block++;
        }
        i++;
      }
      block += (i - start) / 2;
      for (; i < end; i++) {
        char c = yaml.charAt(i);
        if (c == '[' || c == '{') {
          flow++;
          max = Math.max(max, block + flow);
        } else if ((c == ']' || c == '}') && flow > 0) {
          flow--;
        } else if (c == ':' && i + 1 < end && yaml.charAt(i + 1) == ' ') {
          block++; // "a: b: c:" on one line nests mappings too
        }
      }
      max = Math.max(max, block + flow);
      start = end + 1;
    }
    return max;
  }

  /** The YAML mapping, an empty map for empty front matter, or null (with a warning) when unreadable. */
  private Map<?, ?> readYaml(String yaml, List<String> warnings) {
    if (yaml.length() > MAX_FRONT_MATTER_CHARS) {
      warnings.add("front matter is over " + MAX_FRONT_MATTER_CHARS + " characters; ignored");
      return null;
    }
    if (nestingDepth(yaml) > MAX_YAML_NESTING) {
      warnings.add("front matter is nested more than " + MAX_YAML_NESTING + " levels deep; ignored");
      return null;
    }
    Object loaded;
    try {
      loaded = yamlLoader.get().loadFromString(yaml);
    } catch (YamlEngineException e) {
      warnings.add("front matter is not valid YAML (" + firstLine(e.getMessage()) + "); ignored");
      return null;
    } catch (StackOverflowError e) {
      // The YAML parser recurses once per level; the depth check above should prevent this. Drop
      // this thread's parser, whose state the overflow may have left half-built.
      yamlLoader.remove();
      warnings.add("front matter is nested too deep to read; ignored");
      return null;
    }
    if (loaded == null) {
      return Map.of();
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      warnings.add("front matter is not a YAML mapping; ignored");
      return null;
    }
    return map;
  }

  private static Map<?, ?> readToml(String toml, List<String> warnings) {
    if (toml.length() > MAX_FRONT_MATTER_CHARS) {
      warnings.add("front matter is over " + MAX_FRONT_MATTER_CHARS + " characters; ignored");
      return null;
    }
    try {
      return TOML.readValue(toml, Map.class);
    } catch (IOException e) {
      warnings.add("front matter is not valid TOML (" + firstLine(e.getMessage()) + "); ignored");
      return null;
    }
  }

  private static FrontMatter frontMatter(Map<?, ?> raw, List<String> warnings) {
    // Keys are matched case-insensitively: Hugo sites write Title and Speakers.
    Map<String, Object> map = new HashMap<>();
    raw.forEach((k, v) -> map.putIfAbsent(String.valueOf(k).toLowerCase(Locale.ROOT), v));
    List<String> tags = new ArrayList<>();
    addStrings(map.get("tags"), tags);
    addStrings(map.get("categories"), tags);
    Object date = map.containsKey("date") ? map.get("date") : map.get("created");
    List<String> speakers = new ArrayList<>();
    addStrings(map.get("speakers"), speakers);
    addStrings(map.get("speaker"), speakers);
    speakers.replaceAll(NoteParser::personFromSlug);
    return new FrontMatter(
        string(map.get("title")),
        date(date, warnings),
        slug(string(map.get("slug"))),
        tags,
        string(map.get("author")),
        string(map.containsKey("excerpt") ? map.get("excerpt") : map.get("description")),
        string(map.get("type")),
        speakers);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    return message.lines().findFirst().orElse(message).strip();
  }

  private static String string(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString().strip();
    return s.isEmpty() ? null : s;
  }

  private static void addStrings(Object value, List<String> out) {
    if (value instanceof Iterable<?> items) {
      for (Object item : items) {
        String s = string(item);
        if (s != null && !out.contains(s)) {
          out.add(s);
        }
      }
    } else {
      String s = string(value);
      if (s != null) {
        for (String part : s.split(",")) {
          String p = part.strip();
          if (!p.isEmpty() && !out.contains(p)) {
            out.add(p);
          }
        }
      }
    }
  }

  /** {@code mike-place} is Mike Place; anything else stays as written. */
  static String personFromSlug(String value) {
    if (!PERSON_SLUG.matcher(value).matches()) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    for (String part : value.split("-")) {
      out.append(out.length() == 0 ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  /** Turns {@code "notes summary from devops days boston 2014 "} into kebab-case. */
  static String slug(String value) {
    if (value == null) {
      return null;
    }
    String s = EDGE_DASHES.matcher(NOT_SLUG_CHARS.matcher(value.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
    return s.isEmpty() ? null : s;
  }

  private static LocalDate date(Object value, List<String> warnings) {
    if (value == null) {
      return null;
    }
    try {
      if (value instanceof Number n) {
        return Instant.ofEpochSecond(n.longValue()).atOffset(ZoneOffset.UTC).toLocalDate();
      }
      if (value instanceof Date d) {
        return d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
      }
      if (value instanceof TemporalAccessor t) {
        return LocalDate.from(t);
      }
      String s = value.toString().strip();
      if (EPOCH_SECONDS.matcher(s).matches()) {
        return Instant.ofEpochSecond(Long.parseLong(s)).atOffset(ZoneOffset.UTC).toLocalDate();
      }
      if (s.length() > 10 && s.charAt(10) == 'T') {
        return OffsetDateTime.parse(s).toLocalDate();
      }
      return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s);
    } catch (DateTimeException | NumberFormatException e) {
      warnings.add("front matter date '" + value + "' is not a date; ignored");
      return null;
    }
  }
}
