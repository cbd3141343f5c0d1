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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tools no list has, recognised as a reader would from the sentence that introduces them, tagged
 * {@code tool:<slug>} with the rule {@code discovered}:
 *
 * <ul>
 *   <li><b>list</b>: an item of an enumeration whose other items include at least two known tools
 *       ("statsd, logster, deployinator, supergrep"), or that leads an item of a Markdown list
 *       beside items that lead with known tools: 0.55, under the default threshold (on the dev set's
 *       tune split this cue alone was right once in ten); 0.75 when the item says what software it
 *       is ("Vegeta: a versatile HTTP load testing tool");
 *   <li><b>descriptor</b>: a name said to be software ("Morgue is a postmortem tool", "we built
 *       Deployinator", "Hystrix (open source)"), confidence 0.7;
 *   <li><b>repository</b>: the repository of a link written in the text ({@code github.com/etsy/morgue}),
 *       confidence 0.6.
 * </ul>
 *
 * A candidate must look like a name: one word of letters and digits (hyphens inside), not an
 * ordinary English word or a word of computing jargon (a dictionary bundled with the taxonomy), not
 * an acronym of four letters or fewer, not a number. Pure and thread-safe.
 */
final class ToolDiscovery {
  static final double LIST = 0.55;
  static final double DESCRIBED_ITEM = 0.75;
  static final double DESCRIPTOR = 0.7;
  static final double REPOSITORY = 0.6;

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*");
  private static final Pattern DESCRIBED =
      Pattern.compile("\\b([A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]),? (?:is|was) (?:a|an|our|the|their) (?:[\\w-]+ ){0,3}?"
          + "(?:tool|framework|library|plugin|console|service|server|database|cli|daemon|dashboard|agent|proxy|platform|app|system)\\b");
  private static final Pattern BUILT =
      Pattern.compile("\\b(?:we|they|i) (?:built|wrote|created|open[- ]sourced|released) ([A-Z][A-Za-z0-9-]*[A-Za-z0-9])\\b");
  private static final Pattern OPEN_SOURCE = Pattern.compile("\\b([A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]) \\((?:open[- ]source|oss)\\)");
  private static final Pattern REPOSITORY_LINK = Pattern.compile("\\b(?:github|gitlab|bitbucket)\\.(?:com|org)/[\\w.-]+/([A-Za-z][\\w.-]*[A-Za-z0-9])");
  private static final Pattern ITEM_SEPARATOR = Pattern.compile("\\s*(?:,|;|/|\\+|\\band\\b|\\bor\\b|&)\\s*");
  /** An item that is a name, alone or followed by what it is: "Thruk", "Thruk - a web UI", "Thruk: ...". */
  private static final Pattern LEAD = Pattern.compile("([A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*)(?:\\s*$|\\s+[-–—:(]|:)");
  private static final Pattern CLAUSE = Pattern.compile("[^.:!?()\\[\\]\\n]+");

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
    int leadingKnown = 0;
    int[] leadEnd = new int[items.size()];
    for (int i = 0; i < items.size(); i++) {
      String text = items.get(i);
      Matcher lead = LEAD.matcher(text);
      leadEnd[i] = lead.lookingAt() ? lead.end(1) : -1;
      for (int[] k : known.get(i)) {
        if (k[0] == 0) {
          leadingKnown++;
          leadEnd[i] = -1;
          break;
        }
      }
    }
    if (leadingKnown < 2) {
      return out;
    }
    for (int i = 0; i < items.size(); i++) {
      if (leadEnd[i] > 0 && known.get(i).stream().noneMatch(k -> k[0] == 0)) {
        String name = items.get(i).substring(0, leadEnd[i]);
        if (looksLikeAName(name)) {
          out[i] = new Found(name, 0, leadEnd[i], saysWhatSoftware(items.get(i), leadEnd[i]) ? DESCRIBED_ITEM : LIST);
        }
      }
    }
    return out;
  }

  /** Whether {@link #discover} may find anything in {@code text}: a cheap test that skips most texts. */
  static boolean mayFind(String text, int knownTags) {
    return knownTags >= 2 || text.contains(" is ") || text.contains(" was ") || text.contains("(open") || text.contains("(oss")
        || text.contains("built ") || text.contains("wrote ") || text.contains("created ") || text.contains("sourced ")
        || text.contains("released ") || text.contains("hub.com/") || text.contains("lab.com/") || text.contains("bucket.org/");
  }

  /** A tool found in the text: its name as written, span and confidence. */
  record Found(String name, int start, int end, double confidence) {}

  /**
   * The tools of {@code text} that no entry knows.
   *
   * @param known the spans of the known tools found in the text, as {@code [start, end]} pairs
   */
  List<Found> discover(String text, List<int[]> known) {
    List<Found> out = new ArrayList<>();
    if (known.size() >= 2) {
      lists(text, known, out);
    }
    for (Pattern p : new Pattern[] {DESCRIBED, BUILT, OPEN_SOURCE}) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        add(text, m.start(1), m.end(1), DESCRIPTOR, known, out);
      }
    }
    Matcher repo = REPOSITORY_LINK.matcher(text);
    while (repo.find()) {
      int end = repo.end(1);
      while (end > repo.start(1) && text.charAt(end - 1) == '.') {
        end--;
      }
      add(text, repo.start(1), end, REPOSITORY, known, out);
    }
    return out;
  }

  private void lists(String text, List<int[]> known, List<Found> out) {
    Matcher clause = CLAUSE.matcher(text);
    while (clause.find()) {
      int from = clause.start();
      int to = clause.end();
      List<int[]> items = new ArrayList<>();
      Matcher sep = ITEM_SEPARATOR.matcher(text).region(from, to);
      int itemStart = from;
      while (sep.find()) {
        items.add(new int[] {itemStart, sep.start()});
        itemStart = sep.end();
      }
      items.add(new int[] {itemStart, to});
      if (items.size() < 3) {
        continue;
      }
      int knownItems = 0;
      for (int[] item : items) {
        if (endsWithKnown(known, trimStart(text, item[0], item[1]), trimEnd(text, item[0], item[1]))) {
          knownItems++;
        }
      }
      if (knownItems < 2) {
        continue;
      }
      for (int[] item : items) {
        int s = trimStart(text, item[0], item[1]);
        int e = trimEnd(text, s, item[1]);
        if (e > s && NAME.matcher(text).region(s, e).matches()) {
          add(text, s, e, LIST, known, out);
        }
      }
    }
  }

  private void add(String text, int start, int end, double confidence, List<int[]> known, List<Found> out) {
    String name = text.substring(start, end);
    if (overlaps(known, start, end) || !looksLikeAName(name)) {
      return;
    }
    for (Found f : out) {
      if (f.name().equalsIgnoreCase(name)) {
        return;
      }
    }
    out.add(new Found(name, start, end, confidence));
  }

  /** Whether the words after the name say it is software: a tool, a library, a server, ... */
  private static boolean saysWhatSoftware(String item, int from) {
    for (String word : item.substring(from).toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (TagConfidence.KINDS_OF_SOFTWARE.contains(word) && !word.equals("run") && !word.equals("runs")) {
        return true;
      }
    }
    return false;
  }

  /** One word, not ordinary, not an acronym, not short and lower case, not a number. */
  boolean looksLikeAName(String name) {
    if (name.length() < 3 || name.length() > 40 || !NAME.matcher(name).matches()) {
      return false;
    }
    if (name.equals(name.toUpperCase(Locale.ROOT)) || (name.length() < 4 && name.equals(name.toLowerCase(Locale.ROOT)))) {
      return false;
    }
    for (String part : name.toLowerCase(Locale.ROOT).split("[-_]")) {
      String letters = part.replaceAll("[0-9]+$", "");
      if (!ordinaryWords.contains(letters) && !ordinaryWords.contains(part) && !plural(letters)) {
        return true;
      }
    }
    return false;
  }

  private boolean plural(String word) {
    return word.endsWith("s") && ordinaryWords.contains(word.substring(0, word.length() - 1));
  }

  /** Whether a known tool ends the item ("we ship metrics with statsd" is an item naming statsd). */
  private static boolean endsWithKnown(List<int[]> known, int start, int end) {
    for (int[] k : known) {
      if (k[0] >= start && k[1] == end && end > start) {
        return true;
      }
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

  private static int trimStart(String text, int s, int e) {
    while (s < e && !Character.isLetterOrDigit(text.charAt(s))) {
      s++;
    }
    return s;
  }

  private static int trimEnd(String text, int s, int e) {
    while (e > s && !Character.isLetterOrDigit(text.charAt(e - 1))) {
      e--;
    }
    return e;
  }
}
