package dev.takeaways.enrich.tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where lists introduce tools ({@link ToolDiscovery}'s list cues): the items of an enumeration in a
 * clause that names two known tools or more ("statsd, logster, deployinator and supergrep"), and
 * the names that lead the items of a Markdown list beside items led by known tools. Says where
 * the candidate names are; whether a candidate is a name at all is {@link ToolDiscovery}'s to say.
 * Pure and stateless.
 */
final class ListCues {
  /** An item that is a name, alone or followed by what it is: "Thruk", "Thruk - a web UI", "Thruk: ...". */
  private static final Pattern LEAD = Pattern.compile("([A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*)(?:\\s*$|\\s+[-–—:(]|:)");
  private static final String ITEM_SEPARATORS = ",;/+&";
  private static final boolean[] CLAUSE_END = new boolean[128];

  static {
    for (char c : ".:!?()[]\n".toCharArray()) {
      CLAUSE_END[c] = true;
    }
  }

  private ListCues() {}

  /**
   * The spans of the one-word items of enumerations in the clauses of {@code text} (between . : ! ?
   * brackets and line breaks) where two items or more end with a known tool.
   *
   * @param known the known tools' spans, in order of their start
   */
  static List<int[]> enumeratedNames(String text, List<int[]> known) {
    List<int[]> out = new ArrayList<>();
    int from = 0;
    int k = 0;
    while (from < text.length()) {
      int to = from;
      while (to < text.length() && !isClauseEnd(text.charAt(to))) {
        to++;
      }
      while (k < known.size() && known.get(k)[0] < from) {
        k++;
      }
      int first = k;
      while (k < known.size() && known.get(k)[0] < to) {
        k++;
      }
      if (k - first >= 2) {
        items(text, from, to, known.subList(first, k), out);
      }
      from = to + 1;
    }
    return out;
  }

  private static void items(String text, int from, int to, List<int[]> known, List<int[]> out) {
    List<int[]> items = new ArrayList<>();
    int itemStart = from;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      int sepEnd = -1;
      if (ITEM_SEPARATORS.indexOf(c) >= 0) {
        sepEnd = i + 1;
      } else if (c == ' ' && (text.startsWith(" and ", i) || text.startsWith(" or ", i))) {
        sepEnd = i + (text.startsWith(" and ", i) ? 5 : 4);
      }
      if (sepEnd > 0 && sepEnd <= to) {
        items.add(new int[] {itemStart, i});
        itemStart = sepEnd;
        i = sepEnd - 1;
      }
    }
    items.add(new int[] {itemStart, to});
    if (items.size() < 3) {
      return;
    }
    int knownItems = 0;
    for (int[] item : items) {
      if (endsWithKnown(known, trimStart(text, item[0], item[1]), trimEnd(text, item[0], item[1]))) {
        knownItems++;
      }
    }
    if (knownItems < 2) {
      return;
    }
    for (int[] item : items) {
      int s = trimStart(text, item[0], item[1]);
      int e = trimEnd(text, s, item[1]);
      if (e > s && ToolDiscovery.NAME.matcher(text).region(s, e).matches()) {
        out.add(new int[] {s, e});
      }
    }
  }

  /**
   * Where the name that leads each item of one list ends, or -1: only where at least two items lead
   * with a known tool, and only for items that do not.
   *
   * @param known each item's known tools, as {@code [start, end]} pairs
   */
  static int[] leadingNames(List<String> items, List<List<int[]>> known) {
    int[] leadEnd = new int[items.size()];
    int leadingKnown = 0;
    for (int i = 0; i < items.size(); i++) {
      Matcher lead = LEAD.matcher(items.get(i));
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
      Arrays.fill(leadEnd, -1);
    }
    return leadEnd;
  }

  /**
   * What {@code text[from, to)}, the gap between two names, says of them as items of one
   * enumeration: -1 when it is no such gap, otherwise {@code items << 1 | conjunction}, where items
   * is how many one-word items lie between ({@code ", twistlock, "}: 1, at most two) and conjunction
   * whether {@code and}, {@code or}, {@code &}, {@code +} or {@code /} joins them, not only commas.
   * Only separators and such items, no end of a clause.
   */
  static int enumerationGap(String text, int from, int to) {
    int items = 0;
    boolean conjunction = false;
    boolean separated = false; // whether a separator came since the last item
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c == ' ') {
        i++;
      } else if (ITEM_SEPARATORS.indexOf(c) >= 0) {
        separated = true;
        conjunction |= c != ',' && c != ';';
        i++;
      } else if (isWordAt(text, i, to, "and") || isWordAt(text, i, to, "or")) {
        separated = true;
        conjunction = true;
        i += text.charAt(i) == 'a' ? 3 : 2;
      } else if (Character.isLetterOrDigit(c) && separated && items < 2) {
        while (i < to && (Character.isLetterOrDigit(text.charAt(i)) || "-_.".indexOf(text.charAt(i)) >= 0)) {
          i++;
        }
        items++;
        separated = false;
      } else {
        return -1;
      }
    }
    return separated ? items << 1 | (conjunction ? 1 : 0) : -1;
  }

  private static boolean isWordAt(String text, int i, int to, String word) {
    int end = i + word.length();
    return end <= to && text.startsWith(word, i) && (end == to || !Character.isLetterOrDigit(text.charAt(end)));
  }

  /** Whether the words after the name say it is software: a tool, a library, a server, ... */
  static boolean saysWhatSoftware(String item, int from) {
    for (String word : item.substring(from).toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (TagConfidence.KINDS_OF_SOFTWARE.contains(word) && !word.equals("run") && !word.equals("runs")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isClauseEnd(char c) {
    return c < 128 && CLAUSE_END[c];
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
