package dev.takeaways.enrich.tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tools no list has, recognised as a reader would from the sentence that introduces them, tagged
 * {@code tool:<slug>} with the rule {@code discovered}:
 *
 * <ul>
 *   <li><b>list</b> ({@link ListCues}): an item of an enumeration whose other items include at
 *       least two known tools ("statsd, logster, deployinator, supergrep"), or that leads an item of a Markdown list
 *       beside items that lead with known tools: 0.55, under the default threshold (on the dev set's
 *       tune split this cue alone was right once in ten); 0.75 when the item says what software it
 *       is ("Vegeta: a versatile HTTP load testing tool");
 *   <li><b>descriptor</b>: a name said to be software ("Morgue is a postmortem tool", "a program
 *       called Cloudalyzer", "we built Deployinator" or, after a verb of making, "we built droplog",
 *       "we switched to Flumox", "Hystrix (open source)", "Vortrix (home built)"), confidence 0.7; where
 *       the sentence itself calls it software ("X is a ... tool", "a tool called X"), a name written
 *       with a capital may be an ordinary word (Morgue, Scout), though not one of English's closed
 *       classes ("There is a tool for that");
 *   <li><b>repository</b>: the repository of a link written in the text ({@code github.com/etsy/morgue}),
 *       confidence 0.6;
 *   <li><b>heading</b>: a heading that is one name, whose section starts by saying what software it
 *       is ("## Eureka", then "a service discovery tool"), or that says so itself in parentheses ("##
 *       Deployboard (a deployment management system)"), confidence 0.7.
 * </ul>
 *
 * A candidate must look like a name: one word of letters and digits (hyphens inside), not an
 * ordinary English word or a word of computing jargon (a dictionary bundled with the taxonomy) nor
 * one made from such a word by an English ending (Vendoring, parsable), not
 * an acronym (all capitals), not shorter than four letters in lower case, not a number. Pure and
 * thread-safe.
 */
final class ToolDiscovery {
  static final double LIST = 0.55;
  static final double DESCRIBED_ITEM = 0.75;
  static final double DESCRIPTOR = 0.7;
  static final double REPOSITORY = 0.6;
  static final double DESCRIBED_HEADING = 0.7;
  /** Among how many first words of a section's first takeaway the word that says what software its heading names must be. */
  private static final int HEADING_DESCRIPTION_WORDS = 5;

  static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*");
  /** The most words of a name of several words ("Chaos Kong", "Simian Army"). */
  private static final int MAX_NAME_WORDS = 3;
  private static final Set<String> ARTICLES = Set.of("a", "an", "our", "the", "their");
  /** The kinds of software a descriptor names ("X is a ... tool"). */
  private static final Set<String> DESCRIPTIONS =
      Set.of("tool", "framework", "library", "plugin", "console", "service", "server", "database", "cli", "daemon", "dashboard",
          "agent", "proxy", "app", "engine", "sdk", "extension", "module", "package", "system", "platform", "bot", "program",
          "script");
  /**
   * The words that start a cue: the matcher looks for them in its scan of the text, so that discovery
   * reads a text again only for the cues it holds.
   */
  static final List<String> MARKERS =
      List.of("is", "was", "built", "wrote", "created", "released", "sourced", "oss", "source", "github", "gitlab", "bitbucket",
          "use", "used", "adopted", "deployed", "introduced", "chose", "switched", "moved", "migrated", "called", "named", "home",
          "homegrown", "house", "internal");
  private static final Set<String> BUILDERS = Set.of("we", "they", "i");
  /** Words of English's closed classes that start a sentence ("There is a tool for that"): never a name. */
  private static final Set<String> FUNCTION_WORDS =
      Set.of("this", "that", "these", "those", "there", "here", "which", "what", "each", "every", "another", "some", "such",
          "their", "theirs", "ours", "yours", "mine", "also", "then", "still", "both", "either", "neither", "none", "whose");
  /** The verbs of making: what follows them may be written in lower case ("we built droplog"). */
  private static final Set<String> MAKING = Set.of("built", "wrote", "created");
  /** Said of a tool a team made itself, right after its name: "Vortex (home built)". */
  private static final List<String> IN_HOUSE_MARKS =
      List.of(" (home built)", " (home-built)", " (homebuilt)", " (homegrown)", " (home-grown)", " (in-house)", " (in house)",
          " (internal)", " (internal tool)");
  /** The verbs of a move that take "to" before the name: "we switched to X". */
  private static final Set<String> MOVES = Set.of("switched", "moved", "migrated");
  /** "sourced" is a cue word as the verb of "we open-sourced X", found whole. */
  private static final List<String> OPEN_SOURCED = List.of(" open-sourced ", " open sourced ");
  private static final List<String> OPEN_SOURCE_MARKS = List.of(" (open source)", " (open-source)", " (oss)", " (OSS)");
  private static final List<String> FORGES = List.of("github.com/", "gitlab.com/", "bitbucket.org/");

  private final Set<String> ordinaryWords;

  /** @param ordinaryWords lower-case words that are never a discovered tool's name */
  ToolDiscovery(Set<String> ordinaryWords) {
    this.ordinaryWords = Set.copyOf(ordinaryWords);
  }

  private static final class Holder {
    static final ToolDiscovery BUNDLED = new ToolDiscovery(read("/dev/takeaways/enrich/tag/ordinary-words.txt"));

    private static Set<String> read(String resource) {
      try (InputStream in = ToolDiscovery.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("bundled word list missing: " + resource);
        }
        Set<String> words = new HashSet<>(1 << 17);
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.isEmpty() && line.charAt(0) != '#') {
            words.add(line);
          }
        }
        return words;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Whether {@code word} (lower case) is in the dictionary of ordinary words. */
  boolean ordinary(String word) {
    return ordinaryWords.contains(word);
  }

  /** English endings that make a word from another: archive, archival; release, releaser; vendor, vendoring. */
  private static final List<String> ENDINGS =
      List.of("s", "es", "ed", "er", "ers", "ing", "al", "able", "ible", "ly", "ness", "ment", "ion");

  /**
   * Whether {@code word} (lower case) is a word of the dictionary with one of {@link #ENDINGS}: its
   * stem, or its stem and an e, is one ("vendoring", "parsable"). The dictionary lacks many such words.
   */
  boolean derived(String word) {
    for (String ending : ENDINGS) {
      if (word.length() > ending.length() + 2 && word.endsWith(ending)) {
        String stem = word.substring(0, word.length() - ending.length());
        if (ordinaryWords.contains(stem) || ordinaryWords.contains(stem + "e")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Discovery with the bundled dictionary of ordinary words, read once. */
  static ToolDiscovery bundled() {
    return Holder.BUNDLED;
  }

  /**
   * The tools that lead the items of one list (consecutive takeaways of one section), where at least
   * two other items lead with a known tool: "Thruk - a web front end" beside "Nagios" and "Grafana".
   *
   * @param items the items' texts
   * @param known each item's known tools, as {@code [start, end]} pairs
   * @return for each item, the tool that leads it, or null
   */
  Found[] discoverInList(List<String> items, List<List<int[]>> known) {
    Found[] out = new Found[items.size()];
    if (items.size() < 3) {
      return out;
    }
    int[] leadEnd = ListCues.leadingNames(items, known);
    for (int i = 0; i < items.size(); i++) {
      if (leadEnd[i] > 0) {
        String name = items.get(i).substring(0, leadEnd[i]);
        if (looksLikeAName(name)) {
          out[i] = new Found(name, 0, leadEnd[i], ListCues.saysWhatSoftware(items.get(i), leadEnd[i]) ? DESCRIBED_ITEM : LIST);
        }
      }
    }
    return out;
  }

  /**
   * The tool a heading names when the heading is one name and its section starts by saying what
   * software that is ("## Eureka" then "service discovery for the middle tier"): a word of {@link
   * #DESCRIPTIONS} among the first {@value #HEADING_DESCRIPTION_WORDS} words of the section's first
   * takeaway, or a heading that says it itself in parentheses ("## Deployboard (a deployment
   * management system)"). Null otherwise. The name may be an ordinary word written with a capital
   * (Edda, Vault): only a known entry of that name may then be tagged ({@link SectionCues#headingTool}).
   */
  Found describedHeading(String heading, String firstTakeaway) {
    String name = heading.strip();
    int open = name.indexOf(" (");
    boolean described;
    if (open > 0 && name.endsWith(")")) {
      // "## Deployboard (a deployment management system)": the heading says it itself.
      String said = name.substring(open + 2, name.length() - 1);
      name = name.substring(0, open);
      described = describes(said, said.length());
    } else {
      described = describes(firstTakeaway, HEADING_DESCRIPTION_WORDS);
    }
    if (!described || !(looksLikeAName(name) || capitalizedWord(name) || isNameOfWords(name))) {
      return null;
    }
    int start = heading.indexOf(name);
    return new Found(name, start, start + name.length(), DESCRIBED_HEADING);
  }

  /** Whether a word of {@link #DESCRIPTIONS} is among the first {@code words} words of {@code text}. */
  private static boolean describes(String text, int words) {
    String[] split = text.toLowerCase(Locale.ROOT).split("[^a-z]+", words + 1);
    for (int i = 0; i < Math.min(split.length, words); i++) {
      if (DESCRIPTIONS.contains(split[i])) {
        return true;
      }
    }
    return false;
  }

  /** A tool found in the text: its name as written, span and confidence. */
  record Found(String name, int start, int end, double confidence) {}

  /**
   * The tools of {@code text} that no entry knows.
   *
   * @param known the spans of the known tools found in the text, as {@code [start, end]} pairs
   * @param markers which of {@link #MARKERS} the text holds (as words, in any case)
   */
  List<Found> discover(String text, List<int[]> known, boolean[] markers) {
    List<Found> out = new ArrayList<>();
    if (known.size() >= 2) {
      for (int[] item : ListCues.enumeratedNames(text, known)) {
        add(text, item[0], item[1], LIST, known, out);
      }
    }
    boolean openSourceRead = false;
    boolean inHouseRead = false;
    for (int m = 0; m < MARKERS.size(); m++) {
      if (!markers[m]) {
        continue;
      }
      String marker = MARKERS.get(m);
      switch (marker) {
        case "is", "was" -> {
          String verb = " " + marker + " ";
          for (int at = text.indexOf(verb); at > 0; at = text.indexOf(verb, at + 1)) {
            described(text, at, verb.length(), known, out);
          }
        }
        case "oss", "source" -> {
          if (!openSourceRead) {
            openSourceRead = true;
            marked(text, text, OPEN_SOURCE_MARKS, known, out);
          }
        }
        case "home", "homegrown", "house", "internal" -> {
          // Several of these words may be in one text: its marks are read once, and only where a parenthesis is.
          if (!inHouseRead && text.indexOf(" (") >= 0) {
            inHouseRead = true;
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.length() == text.length()) {
              marked(text, lower, IN_HOUSE_MARKS, known, out);
            }
          }
        }
        case "called", "named" -> {
          String verb = " " + marker + " ";
          for (int at = text.indexOf(verb); at > 0; at = text.indexOf(verb, at + 1)) {
            called(text, at, verb.length(), known, out);
          }
        }
        case "github", "gitlab", "bitbucket" -> {
          String host = marker + (marker.equals("bitbucket") ? ".org/" : ".com/");
          for (int at = text.indexOf(host); at >= 0; at = text.indexOf(host, at + 1)) {
            repository(text, at + host.length(), known, out);
          }
        }
        default -> {
          List<String> verbs = "sourced".equals(marker) ? OPEN_SOURCED
              : MOVES.contains(marker) ? List.of(" " + marker + " to ") : List.of(" " + marker + " ");
          for (String verb : verbs) {
            for (int at = text.indexOf(verb); at >= 0; at = text.indexOf(verb, at + 1)) {
              built(text, at, verb.length(), known, out);
            }
          }
        }
      }
    }
    return out;
  }

  /** The names right before a mark of {@code marks} ("Hystrix (open source)"), looked for in {@code haystack}: {@code text} or its lower case. */
  private void marked(String text, String haystack, List<String> marks, List<int[]> known, List<Found> out) {
    for (String mark : marks) {
      for (int at = haystack.indexOf(mark); at > 0; at = haystack.indexOf(mark, at + 1)) {
        add(text, wordStart(text, at), at, DESCRIPTOR, known, out);
      }
    }
  }

  /** "X is a/an/our/the ... tool": a name, the verb, an article, then a kind of software within four words. */
  private void described(String text, int at, int verbLength, List<int[]> known, List<Found> out) {
    int end = at > 0 && text.charAt(at - 1) == ',' ? at - 1 : at;
    int start = wordStart(text, end);
    int w = at + verbLength;
    int articleEnd = wordEnd(text, w);
    if (end <= start || !ARTICLES.contains(text.substring(w, articleEnd).toLowerCase(Locale.ROOT))) {
      return;
    }
    w = articleEnd;
    for (int words = 0; words < 4 && w < text.length() && text.charAt(w) == ' '; words++) {
      int wordEnd = wordEnd(text, w + 1);
      if (DESCRIPTIONS.contains(text.substring(w + 1, wordEnd).toLowerCase(Locale.ROOT))) {
        int runStart = capitalizedRunStart(text, start);
        if (runStart < start) {
          add(text, runStart, end, DESCRIPTOR, known, out, true); // "Chaos Kong is a tool"
        } else if (!afterCapitalizedWord(text, start)) {
          addNamed(text, start, end, known, out); // not the last word of a title ("Service Discovery is a ...")
        }
        return;
      }
      w = wordEnd;
    }
  }

  /**
   * Where a name of two or three words written with capitals ends its run back from the word at
   * {@code start} ("Chaos Kong", "Simian Army"): each word capitalized and none of English's closed
   * classes, one word at least not an ordinary word ("Service Discovery" is none). {@code start}
   * when there is no such run.
   */
  int capitalizedRunStart(String text, int start) {
    int end = wordEnd(text, start);
    int[] starts = new int[MAX_NAME_WORDS];
    int n = 0;
    for (int first = start; n < MAX_NAME_WORDS - 1 && first >= 2 && text.charAt(first - 1) == ' ' && text.charAt(first - 2) != ' '; ) {
      first = wordStart(text, first - 1);
      if (!Character.isUpperCase(text.charAt(first))) {
        break;
      }
      starts[n++] = first;
    }
    for (int i = n - 1; i >= 0; i--) {
      if (isNameOfWords(text.substring(starts[i], end))) {
        return starts[i]; // the longest run that is a name: "Simian Army", not "The Simian Army"
      }
    }
    return start;
  }

  /** Whether the word before {@code start}, in the same phrase, is capitalized and not one of English's closed classes. */
  private static boolean afterCapitalizedWord(String text, int start) {
    if (start < 2 || text.charAt(start - 1) != ' ') {
      return false;
    }
    int previous = wordStart(text, start - 1);
    String word = text.substring(previous, start - 1).toLowerCase(Locale.ROOT);
    return previous < start - 1 && Character.isUpperCase(text.charAt(previous)) && !FUNCTION_WORDS.contains(word) && !ARTICLES.contains(word);
  }

  /** Two or three capitalized words, none of English's closed classes, one at least not ordinary: "Chaos Kong". */
  boolean isNameOfWords(String name) {
    String[] words = name.split(" ");
    if (words.length < 2 || words.length > MAX_NAME_WORDS) {
      return false;
    }
    boolean unusual = false;
    for (String word : words) {
      if (!NAME.matcher(word).matches() || !Character.isUpperCase(word.charAt(0)) || FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT))
          || ARTICLES.contains(word.toLowerCase(Locale.ROOT))) {
        return false;
      }
      unusual |= looksLikeAName(word);
    }
    return unusual;
  }

  /**
   * "we built X", "we use X", "they switched to X": a capitalized name after a verb of making,
   * choosing or using, said by us or them; after a verb of making, in lower case too ("we built
   * droplog").
   */
  private void built(String text, int at, int verbLength, List<int[]> known, List<Found> out) {
    int start = at + verbLength;
    int end = wordEnd(text, start);
    if (end > start && (Character.isUpperCase(text.charAt(start)) || MAKING.contains(text.substring(at + 1, at + verbLength - 1)))
        && BUILDERS.contains(wordBefore(text, at))) {
      add(text, start, end, DESCRIPTOR, known, out);
    }
  }

  /** "a program called X", "an internal tool named X": a kind of software within the three words before the verb. */
  private void called(String text, int at, int verbLength, List<int[]> known, List<Found> out) {
    int w = at;
    for (int words = 0; words < 3 && w > 0; words++) {
      int start = wordStart(text, w);
      if (DESCRIPTIONS.contains(text.substring(start, w).toLowerCase(Locale.ROOT))) {
        int nameStart = at + verbLength;
        addNamed(text, nameStart, wordEnd(text, nameStart), known, out);
        return;
      }
      w = start;
      while (w > 0 && text.charAt(w - 1) == ' ') {
        w--;
      }
      if (w == start) {
        return; // not a word before: punctuation ends the phrase
      }
    }
  }

  /** The repository of {@code forge/org/repo}, {@code org} starting at {@code org}. */
  private void repository(String text, int org, List<int[]> known, List<Found> out) {
    int slash = org;
    while (slash < text.length() && isPathChar(text.charAt(slash))) {
      slash++;
    }
    if (slash > org && slash < text.length() && text.charAt(slash) == '/') {
      int start = slash + 1;
      int end = start;
      while (end < text.length() && isPathChar(text.charAt(end))) {
        end++;
      }
      while (end > start && text.charAt(end - 1) == '.') {
        end--;
      }
      if (end > start) {
        add(text, start, end, REPOSITORY, known, out);
      }
    }
  }

  private static boolean isPathChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
  }

  private static int wordStart(String text, int end) {
    int s = end;
    while (s > 0 && (Character.isLetterOrDigit(text.charAt(s - 1)) || text.charAt(s - 1) == '-')) {
      s--;
    }
    return s;
  }

  private static int wordEnd(String text, int start) {
    int e = start;
    while (e < text.length() && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '-')) {
      e++;
    }
    while (e > start && text.charAt(e - 1) == '-') {
      e--;
    }
    return e;
  }

  private static String wordBefore(String text, int end) {
    return text.substring(wordStart(text, end), end).toLowerCase(Locale.ROOT);
  }

  /**
   * A name the sentence itself says is software ("Morgue is a postmortem tool", "a program called
   * Scout"): written with a capital, it may be an ordinary word.
   */
  private void addNamed(String text, int start, int end, List<int[]> known, List<Found> out) {
    add(text, start, end, DESCRIPTOR, known, out, capitalizedWord(text.substring(start, end)));
  }

  /** A word written with a capital, not all capitals, not one of English's closed classes: Morgue, Edda. */
  static boolean capitalizedWord(String name) {
    return name.length() >= 4 && NAME.matcher(name).matches() && Character.isUpperCase(name.charAt(0))
        && !name.equals(name.toUpperCase(Locale.ROOT)) && !FUNCTION_WORDS.contains(name.toLowerCase(Locale.ROOT));
  }

  private void add(String text, int start, int end, double confidence, List<int[]> known, List<Found> out) {
    add(text, start, end, confidence, known, out, false);
  }

  private void add(String text, int start, int end, double confidence, List<int[]> known, List<Found> out, boolean named) {
    String name = text.substring(start, end);
    if (overlaps(known, start, end) || !(named || looksLikeAName(name))) {
      return;
    }
    for (Found f : out) {
      if (f.name().equalsIgnoreCase(name)) {
        return;
      }
    }
    out.add(new Found(name, start, end, confidence));
  }

  /** One word, not ordinary, not an acronym, not short and lower case, not a number. */
  boolean looksLikeAName(String name) {
    if (name.length() < 3 || name.length() > 40 || !NAME.matcher(name).matches()) {
      return false;
    }
    if (name.equals(name.toUpperCase(Locale.ROOT)) || (name.length() < 4 && name.equals(name.toLowerCase(Locale.ROOT)))) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    int from = 0;
    while (from < lower.length()) {
      int to = from;
      while (to < lower.length() && lower.charAt(to) != '-' && lower.charAt(to) != '_') {
        to++;
      }
      int letters = to;
      while (letters > from && Character.isDigit(lower.charAt(letters - 1))) {
        letters--;
      }
      String part = lower.substring(from, to);
      String word = lower.substring(from, letters);
      if (!ordinaryWords.contains(word) && !ordinaryWords.contains(part) && !derived(word)) {
        return true;
      }
      from = to + 1;
    }
    return false;
  }

  private static boolean overlaps(List<int[]> known, int start, int end) {
    for (int[] k : known) {
      if (k[0] < end && start < k[1]) {
        return true;
      }
    }
    return false;
  }


}
