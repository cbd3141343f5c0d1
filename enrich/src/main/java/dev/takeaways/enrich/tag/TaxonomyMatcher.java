package dev.takeaways.enrich.tag;

import dev.takeaways.model.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the taxonomy's tools and practices in text, in one pass of an Aho-Corasick automaton (a
 * double-array trie) over the words of normalized text: lower case, hyphens and underscores read as
 * spaces, whole words only (the automaton's alphabet is the taxonomy's words, see {@link Words}),
 * plurals of practices. Overlapping matches keep the leftmost longest ({@code
 * Test Kitchen} over {@code Kitchen}).
 *
 * <p>Names that are also ordinary words need more than the word:
 *
 * <ul>
 *   <li>an entry with context words (Chef: cookbook, knife, ...) counts when one of them, or another
 *       listed tool, appears in the same text (a takeaway, a heading): never on the strength of the
 *       rest of the note, so that "The chef made soup." stays a sentence about cooking;
 *   <li>an ambiguous entry without context words ({@code Harbor}) counts only when written as a
 *       proper noun inside a sentence: with the display name's capitals, not at the start of a
 *       sentence, and not inside a run of capitalized words (a title);
 * </ul>
 *
 * Such matches carry the rule {@code context}. Capitalized words one edit away from a tool's name
 * count as that tool with the rule {@code misspelling} (see {@link NearMisses}). Immutable and
 * thread-safe once built.
 */
public final class TaxonomyMatcher {
  private enum Need {
    NOTHING,
    CONTEXT,
    PROPER_NOUN,
    /** With the display name's letters and capitals, separators aside (Open Tracing for OpenTracing). */
    SAME_CASE
  }

  /**
   * What a spelling means: a keyword of an entry, a context word, or both.
   *
   * @param entryIndex the entry's place in the taxonomy, or -1
   * @param contextId this spelling's number as a context word, or -1
   * @param contextIds the numbers of the entry's context words
   */
  private record Spelling(
      TaxonomyEntry entry, int entryIndex, String tagId, String rule, Need need, int contextId, int[] contextIds) {
    boolean isKeyword() {
      return entry != null;
    }

    boolean isContext() {
      return contextId >= 0;
    }
  }

  private static final int[] NO_IDS = new int[0];
  private final WordTrie<Spelling> trie = new WordTrie<>();
  private final Words words = new Words();
  private final NearMisses nearMisses;
  /** Every context word, numbered. */
  private final Map<String, Integer> contextIdByKey = new LinkedHashMap<>();
  /** Each entry's place in the taxonomy, and its spelling as a near miss. */
  private final Map<TaxonomyEntry, Spelling> nearMissSpellings = new IdentityHashMap<>();
  private final int entryCount;
  /** Per entry, by its place in the taxonomy: {@link TaxonomyEntry#listed}, and the base confidence of a broad entry. */
  private final boolean[] listed;
  private final double[] broadBase;
  /** Per entry, the practices it implies as a tool ({@link PracticeCues#impliedBy}). */
  private final List<String>[] impliedBy;
  private final int size;
  private final double minConfidence;
  private final ToolDiscovery discovery;
  private final PracticeCues practiceCues = PracticeCues.bundled();
  /** The practices of the taxonomy in use: a cue may only tag one of these. */
  private final Set<String> practiceIds = new HashSet<>();
  /** Parts of a tool written after its name with a hyphen, besides kinds of software: salt-master, puppet-agent. */
  private static final Set<String> COMPONENTS = Set.of("master", "minion", "worker", "node", "operator", "controller", "exporter", "web", "ui");

  /** The context ids of {@link ToolDiscovery#MARKERS}, in order. */
  private final int[] markerIds;

  /**
   * The confidence under which a tag is dropped unless told otherwise: chosen on the evaluation's
   * held-out split (see the README's "Check the tags on your own notes").
   */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.65;

  /** {@link #DEFAULT_MIN_CONFIDENCE} as a constant string, for command-line defaults. */
  public static final String DEFAULT_MIN_CONFIDENCE_TEXT = "0.65";

  /** A matcher with misspelling tolerance and the default confidence threshold. */
  public TaxonomyMatcher(Taxonomy taxonomy) {
    this(taxonomy, true, DEFAULT_MIN_CONFIDENCE);
  }

  /** @param nearMisses whether to read capitalized words one edit from a tool's name as that tool */
  public TaxonomyMatcher(Taxonomy taxonomy, boolean nearMisses) {
    this(taxonomy, nearMisses, DEFAULT_MIN_CONFIDENCE);
  }

  /**
   * @param nearMisses whether to read capitalized words one edit from a tool's name as that tool
   * @param minConfidence tags of lower confidence ({@link TagConfidence}) are dropped; 0 keeps all
   */
  public TaxonomyMatcher(Taxonomy taxonomy, boolean nearMisses, double minConfidence) {
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException("minimum confidence must be in [0, 1], was " + minConfidence);
    }
    this.minConfidence = minConfidence;
    this.discovery = ToolDiscovery.bundled();
    for (TaxonomyEntry e : taxonomy.entries()) {
      for (String c : e.context()) {
        String k = normalize(c);
        if (!k.isBlank()) {
          contextIdByKey.putIfAbsent(k, contextIdByKey.size());
        }
      }
    }
    // The words that start a discovery cue are looked for as context words are.
    markerIds = new int[ToolDiscovery.MARKERS.size()];
    for (int i = 0; i < markerIds.length; i++) {
      markerIds[i] = contextIdByKey.computeIfAbsent(ToolDiscovery.MARKERS.get(i), k -> contextIdByKey.size());
    }
    // Keyed by the spelling's word codes: the automaton runs over words.
    Map<String, Spelling> byKey = new HashMap<>();
    List<TaxonomyEntry> entries = taxonomy.entries();
    entryCount = entries.size();
    listed = new boolean[entryCount];
    broadBase = new double[entryCount];
    @SuppressWarnings("unchecked")
    List<String>[] implied = new List[entryCount];
    impliedBy = implied;
    for (int i = 0; i < entries.size(); i++) {
      TaxonomyEntry e = entries.get(i);
      if ("practice".equals(e.type())) {
        practiceIds.add(e.tagId());
      }
      nearMissSpellings.put(e, new Spelling(e, i, e.tagId(), "misspelling", Need.NOTHING, -1, null));
      listed[i] = e.listed();
      broadBase[i] = listed[i] ? 0 : TagConfidence.broadBase(e);
      impliedBy[i] = "tool".equals(e.type()) ? practiceCues.impliedBy(e) : List.of();
    }
    // Names first, then aliases, then misspellings: an entry's name beats another entry's alias.
    for (TaxonomyEntry e : entries) {
      Need need = !e.ambiguous() ? Need.NOTHING : e.context().isEmpty() ? Need.PROPER_NOUN : Need.CONTEXT;
      if (need == Need.PROPER_NOUN && e.name().equals(e.name().toLowerCase(Locale.ROOT))
          && !e.source().contains("+") && !e.source().contains("devicon") && !e.listed()) {
        continue; // an ordinary word only one list of packages or logos names (and, time): not looked for
      }
      addKeyword(byKey, e.name(), e, "exact", need);
      // A slug that is one of the entry's own aliases (google-cloud-storage: Google Cloud Storage)
      // is that alias, which needs no cue, not the ordinary-word name's spelling.
      String slug = normalize(e.slug());
      if (e.aliases().stream().noneMatch(a -> normalize(a).equals(slug))) {
        addKeyword(byKey, e.slug(), e, "exact", need);
      }
    }
    for (TaxonomyEntry e : entries) {
      e.aliases().forEach(a -> addKeyword(byKey, a, e, "alias", Need.NOTHING));
    }
    for (TaxonomyEntry e : entries) {
      e.misspellings().forEach(a -> addKeyword(byKey, a, e, "misspelling", Need.NOTHING));
    }
    // How people write a tool's name of several words besides as listed: run together (Sumologic,
    // searchguard) and, for a listed tool, in the plural (GitLab Runners).
    for (TaxonomyEntry e : entries) {
      if ("tool".equals(e.type())) {
        for (String variant : variants(e, discovery)) {
          addKeyword(byKey, variant, e, "variant", Need.NOTHING);
        }
        String apart = camelCaseApart(e.name());
        if (apart != null) {
          addKeyword(byKey, apart, e, "variant", Need.SAME_CASE);
        }
      }
    }
    contextIdByKey.forEach(
        (k, id) -> byKey.merge(words.add(k), new Spelling(null, -1, null, null, Need.NOTHING, id, null), (a, b) -> withContext(a, id)));
    trie.build(new TreeMap<>(byKey));
    this.nearMisses = nearMisses ? new NearMisses(taxonomy.entries(), taxonomy.notMisspellings()) : null;
    size = byKey.size();
  }

  private static Spelling withContext(Spelling s, int contextId) {
    return new Spelling(s.entry(), s.entryIndex(), s.tagId(), s.rule(), s.need(), contextId, s.contextIds());
  }

  private void addKeyword(Map<String, Spelling> out, String text, TaxonomyEntry e, String rule, Need need) {
    String k = normalize(text);
    if (k.isBlank()) {
      return;
    }
    int[] contextIds = e.context().isEmpty() ? NO_IDS
        : e.context().stream().map(TaxonomyMatcher::normalize).filter(c -> !c.isBlank()).mapToInt(contextIdByKey::get).toArray();
    int index = nearMissSpellings.get(e).entryIndex();
    String tagId = e.tagId();
    out.putIfAbsent(words.add(k), new Spelling(e, index, tagId, rule, need, -1, contextIds));
    if ("practice".equals(e.type()) && !k.endsWith("s")) {
      out.putIfAbsent(words.add(k + "s"), new Spelling(e, index, tagId, rule, need, -1, contextIds));
    }
  }

  /** A joined name shorter than this is too often something else (a word, initials). */
  static final int MIN_JOINED = 6;

  /**
   * The other spellings of a tool whose name or alias has several words: the words run together
   * (not where that is an ordinary word or shorter than {@link #MIN_JOINED}), the first two run
   * together when there are three or more (a vendor's name: Redhat Atomic), and, for a listed tool
   * whose name ends in a noun of four letters or more, that noun in the plural.
   */
  static List<String> variants(TaxonomyEntry e, ToolDiscovery discovery) {
    List<String> out = new ArrayList<>();
    List<String> names = new ArrayList<>(e.aliases());
    names.add(0, e.name());
    for (String name : names) {
      String[] words = normalize(name).split(" ");
      if (words.length < 2) {
        continue;
      }
      StringBuilder joined = new StringBuilder();
      boolean plain = true;
      for (String w : words) {
        plain &= w.chars().allMatch(Character::isLetterOrDigit);
        joined.append(w);
      }
      if (plain && joined.length() >= MIN_JOINED && !discovery.ordinary(joined.toString())) {
        out.add(joined.toString());
      }
      // A vendor's name of two words run together before the product's (Redhat Atomic).
      String vendor = words[0] + words[1];
      if (words.length >= 3 && plain && vendor.length() >= MIN_JOINED && !discovery.ordinary(vendor)) {
        out.add(vendor + " " + String.join(" ", Arrays.copyOfRange(words, 2, words.length)));
      }
      String last = words[words.length - 1];
      if (name.equals(e.name()) && e.listed() && last.length() >= 4 && last.chars().allMatch(Character::isLetter) && !last.endsWith("s")) {
        out.add(normalize(name) + "s");
      }
    }
    return out;
  }

  /**
   * A name written in camel case (OpenTracing, PagerDuty, CloudFormation) as its words apart ({@code
   * open tracing}), as people also write it; null for other names. Two or three words of at least
   * three letters each, so that neither initials (MongoDB) nor short words (LinkedIn) are cut off.
   * Matched only with the name's own capitals ({@link Need#SAME_CASE}): "an open shift" is no
   * OpenShift.
   */
  static String camelCaseApart(String name) {
    if (name.length() < MIN_JOINED || !Character.isUpperCase(name.charAt(0))) {
      return null;
    }
    List<String> words = new ArrayList<>();
    int from = 0;
    for (int i = 1; i <= name.length(); i++) {
      if (i == name.length() || (Character.isUpperCase(name.charAt(i)) && Character.isLowerCase(name.charAt(i - 1)))) {
        String word = name.substring(from, i);
        if (word.length() < 3 || !word.chars().skip(1).allMatch(Character::isLowerCase) || !Character.isUpperCase(word.charAt(0))) {
          return null;
        }
        words.add(word);
        from = i;
      }
    }
    return words.size() < 2 || words.size() > 3 ? null : normalize(String.join(" ", words));
  }

  /** How many spellings (names, aliases, misspellings, plurals, context words) the automaton holds. */
  public int size() {
    return size;
  }

  /** Lower case with hyphens and underscores as spaces, runs of spaces as one. */
  static String normalize(String text) {
    char[] out = new char[text.length()];
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = Words.fold(text.charAt(i));
      if (c != ' ' || (n > 0 && out[n - 1] != ' ')) {
        out[n++] = c;
      }
    }
    while (n > 0 && Character.isWhitespace(out[n - 1])) {
      n--;
    }
    int from = 0;
    while (from < n && Character.isWhitespace(out[from])) {
      from++;
    }
    return new String(out, from, n - from);
  }

  /**
   * The tags of one text on its own: its own words are its context, and what it writes between
   * backticks ({@code `helm install`}) are its code spans.
   */
  public List<Tag> tag(String text) {
    return tagAll(List.of(text), List.of(backtickSpans(text))).get(0);
  }

  /** The contents of {@code `...`} spans on one line of {@code text}. */
  static List<String> backtickSpans(String text) {
    List<String> out = new ArrayList<>(0);
    for (int open = text.indexOf('`'); open >= 0; ) {
      int close = text.indexOf('`', open + 1);
      if (close < 0) {
        break;
      }
      String code = text.substring(open + 1, close);
      if (!code.isBlank() && code.indexOf('\n') < 0) {
        out.add(code);
      }
      open = text.indexOf('`', close + 1);
    }
    return out;
  }

  /**
   * The tags of each text, in order, each text on its own. One tag per tool or practice per text,
   * with the evidence of its first mention, in order of appearance.
   */
  public List<List<Tag>> tagAll(List<String> texts) {
    return tagAll(texts, List.of());
  }

  /**
   * {@link #tagAll(List)}, with the code spans of each text as written ({@code `kind create
   * cluster`}, without backticks in the text): an ordinary-word name that starts a command written
   * as code is the program, the tool. {@code codeSpans} may be shorter than {@code texts}.
   */
  public List<List<Tag>> tagAll(List<String> texts, List<List<String>> codeSpans) {
    List<List<Tag>> out = new ArrayList<>(texts.size());
    boolean[] context = new boolean[contextIdByKey.size()];
    long[] tagged = new long[(entryCount + 63) >>> 6]; // by entry index, cleared after each text
    boolean[] markers = new boolean[markerIds.length];
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      List<Match> matches = scan(text, context);
      out.add(resolve(text, matches, context, tagged, markers, i < codeSpans.size() ? codeSpans.get(i) : List.of()));
      Arrays.fill(context, false);
    }
    return out;
  }

  private record Match(int start, int end, Spelling spelling) {}

  /** One pass: the leftmost-longest whole-word keyword matches, and the context words seen. */
  private List<Match> scan(String text, boolean[] context) {
    List<Match> hits = new ArrayList<>();
    Words.Strangers strangers =
        words.scan(
            text,
            trie,
            (int start, int end, Spelling s) -> {
              if (s.isContext()) {
                context[s.contextId()] = true;
              }
              if (s.isKeyword()) {
                hits.add(new Match(start, end, s));
              }
            },
            nearMisses == null ? null : nearMisses.starts());
    if (nearMisses != null && strangers.count() > 0) {
      TaxonomyEntry[] near = nearMisses.near(text, strangers);
      for (int i = 0; i < near.length; i++) {
        if (near[i] != null) {
          hits.add(new Match(strangers.spans()[2 * i], strangers.spans()[2 * i + 1], nearMissSpellings.get(near[i])));
        }
      }
    }
    if (hits.size() <= 1) {
      return hits;
    }
    Match[] sorted = hits.toArray(Match[]::new);
    Arrays.sort(sorted, (a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
    List<Match> kept = new ArrayList<>(sorted.length);
    int covered = 0;
    for (Match m : sorted) {
      if (m.start() >= covered) {
        kept.add(m);
        covered = m.end();
      }
    }
    return kept;
  }

  private List<Tag> resolve(String text, List<Match> matches, boolean[] context, long[] tagged, boolean[] markers, List<String> codes) {
    if (matches.isEmpty()) {
      return discover(text, practiceCues.tag(text, List.of(), List.of(), List.of(), practiceIds::contains, minConfidence), context, markers);
    }
    boolean otherTool = false;
    for (Match m : matches) {
      otherTool |= isListedTool(m);
    }
    List<Tag> found = new ArrayList<>(matches.size());
    List<Tag> tools = new ArrayList<>();
    List<List<String>> impliedByTools = new ArrayList<>();
    for (int i = 0; i < matches.size(); i++) {
      Match m = matches.get(i);
      Spelling s = m.spelling();
      TaxonomyEntry e = s.entry();
      // An ordinary-word name is a tool by its capitals alone, or as an item of a list of tools; and
      // for a tool only the broad lists name, standing in a list of tools is a cue that it is software
      // (a listed tool's name needs no cue: not looked for).
      boolean enumerated = isTool(m) && (s.need() == Need.PROPER_NOUN || !listed[s.entryIndex()]) && inToolEnumeration(text, matches, i);
      boolean inList = s.need() == Need.PROPER_NOUN && enumerated;
      boolean code = !codes.isEmpty() && inCodeSpan(text, m.start(), m.end(), codes);
      String rule =
          switch (s.need()) {
            case NOTHING -> s.rule();
            case CONTEXT -> !inCompound(text, m.start(), m.end())
                && (otherTool || code || anyIn(s.contextIds(), context) || properNoun(text, m.start(), m.end(), e.name())) ? "context" : null;
            case PROPER_NOUN -> !inCompound(text, m.start(), m.end()) && (inList || code || properNoun(text, m.start(), m.end(), e.name()))
                ? "context" : null;
            case SAME_CASE -> sameLetters(text, m.start(), m.end(), e.name()) ? s.rule() : null;
          };
      int index = s.entryIndex();
      if (rule != null && (tagged[index >>> 6] & (1L << index)) == 0 && !profileLink(text, m.start(), m.end())) {
        double confidence = TagConfidence.of(e, listed[index], broadBase[index], rule, s.need() == Need.PROPER_NOUN && !inList && !code, text,
            m.start(), m.end(), enumerated || (otherTool && !isOnlyTool(matches, m)));
        if (confidence >= minConfidence) {
          tagged[index >>> 6] |= 1L << index;
          Tag tag = new Tag(s.tagId(), new Tag.Evidence(text.substring(m.start(), m.end()), m.start(), m.end(), rule, round(confidence)));
          found.add(tag);
          if ("tool".equals(e.type())) {
            tools.add(tag);
            impliedByTools.add(impliedBy[index]);
          }
        }
      }
    }
    for (Match m : matches) {
      int index = m.spelling().entryIndex();
      tagged[index >>> 6] = 0;
    }
    found.addAll(practiceCues.tag(text, found, tools, impliedByTools, practiceIds::contains, minConfidence));
    return discover(text, found, context, markers);
  }

  /**
   * The tag {@code item} would carry if it is one tool's name and nothing more ("Slack.", "Vault"):
   * rule {@code context}, with the confidence an item of a list of tools gets, threshold not applied;
   * null when the item is anything else. For {@link SectionCues}.
   */
  Tag nameOnly(String item) {
    Match m = toolSpanning(item, nameEnd(item));
    if (m == null) {
      return null;
    }
    int index = m.spelling().entryIndex();
    double confidence = TagConfidence.of(m.spelling().entry(), listed[index], broadBase[index], "context", false, item, m.start(), m.end(), true);
    return new Tag(m.spelling().tagId(), new Tag.Evidence(item.substring(m.start(), m.end()), m.start(), m.end(), "context", round(confidence)));
  }

  /** The one match of {@code text}, when it is a tool's and spans {@code text[0, end)}; else null. */
  private Match toolSpanning(String text, int end) {
    List<Match> matches = scan(text, new boolean[contextIdByKey.size()]);
    if (matches.size() != 1 || matches.get(0).start() != 0 || matches.get(0).end() != end || !isTool(matches.get(0))) {
      return null;
    }
    return matches.get(0);
  }

  /** Where a name-only item's name ends: before its closing punctuation ("Slack."). */
  static int nameEnd(String item) {
    int end = item.length();
    while (end > 0 && ".,;:!".indexOf(item.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  /** The tags under this confidence are dropped. */
  double minConfidence() {
    return minConfidence;
  }

  ToolDiscovery discovery() {
    return discovery;
  }

  /** The spans of the tools among {@code tags}, as {@code [start, end]} pairs. */
  static List<int[]> toolSpans(List<Tag> tags) {
    List<int[]> spans = new ArrayList<>();
    for (Tag t : tags) {
      if (t.id().startsWith("tool:")) {
        spans.add(new int[] {t.evidence().start(), t.evidence().end()});
      }
    }
    return spans;
  }

  /** The tag of a discovered tool, or null when it is under the threshold or {@code tags} has it. */
  Tag discovered(ToolDiscovery.Found f, List<Tag> tags) {
    if (f.confidence() < minConfidence) {
      return null;
    }
    // A known tool's name with a version or a part after it (linkerd2, linkerd2-proxy, kubernetes-on-aws) is that tool.
    String known = knownHead(f.name());
    String id = known != null ? known : "tool:" + f.name().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    if (tags.stream().anyMatch(t -> t.id().equals(id))) {
      return null;
    }
    return new Tag(id, new Tag.Evidence(f.name(), f.start(), f.end(), known != null ? "variant" : "discovered", f.confidence()));
  }

  /**
   * The id of the known tool that the first word of {@code name} names on its own (no ordinary
   * word), once a version glued to it is taken off, when there is more after it; or null.
   */
  private String knownHead(String name) {
    int end = 0;
    while (end < name.length() && Character.isLetterOrDigit(name.charAt(end))) {
      end++;
    }
    int letters = end;
    while (letters > 0 && Character.isDigit(name.charAt(letters - 1))) {
      letters--;
    }
    if (letters < 2 || letters == name.length()) {
      return null;
    }
    Match m = toolSpanning(name.substring(0, letters), letters);
    return m == null || m.spelling().need() != Need.NOTHING ? null : m.spelling().tagId();
  }

  /** {@code found} and the tools {@link ToolDiscovery} finds beside them. */
  private List<Tag> discover(String text, List<Tag> found, boolean[] context, boolean[] markers) {
    boolean any = false;
    for (int i = 0; i < markerIds.length; i++) {
      markers[i] = context[markerIds[i]];
      any |= markers[i];
    }
    if (!any && found.size() < 2) {
      return List.copyOf(found);
    }
    List<Tag> out = new ArrayList<>(found);
    for (ToolDiscovery.Found f : discovery.discover(text, toolSpans(found), markers)) {
      Tag tag = discovered(f, out);
      if (tag != null) {
        out.add(tag);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Whether {@code matches[i]} is an item of an enumeration of tools in one clause: three items or
   * more ({@code tigera, twistlock, cilium and istio}), or two joined by a conjunction ({@code
   * Kubernetes and Cilium}), where the other names are a listed, unambiguous tool or three tools'
   * names or more ({@code grunt, karma, mocha}). A comma alone after a name is no list ({@code In
   * istio, use ...}).
   */
  private boolean inToolEnumeration(String text, List<Match> matches, int i) {
    int first = i;
    int items = 1;
    boolean conjunction = false;
    int gap;
    while (first > 0 && isTool(matches.get(first - 1))
        && (gap = ListCues.enumerationGap(text, matches.get(first - 1).end(), matches.get(first).start())) >= 0) {
      first--;
      items += 1 + (gap >> 1);
      conjunction |= (gap & 1) == 1;
    }
    int last = i;
    while (last + 1 < matches.size() && isTool(matches.get(last + 1))
        && (gap = ListCues.enumerationGap(text, matches.get(last).end(), matches.get(last + 1).start())) >= 0) {
      last++;
      items += 1 + (gap >> 1);
      conjunction |= (gap & 1) == 1;
    }
    if (items < 3 && !(items == 2 && conjunction)) {
      return false;
    }
    if (last - first + 1 >= 3) {
      return true;
    }
    for (int k = first; k <= last; k++) {
      if (k != i && isListedTool(matches.get(k))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTool(Match m) {
    return "tool".equals(m.spelling().entry().type());
  }

  /** Whether {@code m} is a listed tool's unambiguous spelling: one that vouches for tools beside it. */
  private boolean isListedTool(Match m) {
    return m.spelling().need() == Need.NOTHING && isTool(m) && listed[m.spelling().entryIndex()];
  }

  /** Whether {@code m} is the only listed, unambiguous tool among {@code matches}: it does not vouch for itself. */
  private boolean isOnlyTool(List<Match> matches, Match m) {
    for (Match other : matches) {
      if (other != m && other.spelling().entry() != m.spelling().entry() && isListedTool(other)) {
        return false;
      }
    }
    return true;
  }

  private static double round(double confidence) {
    return Math.round(confidence * 100) / 100.0;
  }

  private static boolean anyIn(int[] ids, boolean[] seen) {
    for (int id : ids) {
      if (seen[id]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code text[start, end)}, an ordinary word's match, is part of a word joined with hyphens
   * ({@code Keep-Alive}, {@code groff-base}, {@code self-service}): the compound is the word, not the
   * tool. A kind of software joined to it ({@code vault-agent}, {@code salt-master}) leaves it a name.
   */
  static boolean inCompound(String text, int start, int end) {
    if (start >= 2 && text.charAt(start - 1) == '-' && Character.isLetterOrDigit(text.charAt(start - 2))) {
      return true; // a word before it: groff-base
    }
    if (end + 1 >= text.length() || text.charAt(end) != '-' || !Character.isLetterOrDigit(text.charAt(end + 1))) {
      return false;
    }
    String joined = TagConfidence.wordAfter(text, end + 1);
    return !TagConfidence.KINDS_OF_SOFTWARE.contains(joined) && !COMPONENTS.contains(joined);
  }

  /**
   * Whether {@code text[start, end)} starts a command line written as code ({@code kind create
   * cluster}, {@code helm install}): the program. A code span of one word is as often a module, a
   * parameter or a key ({@code buffer}, {@code port}), and says nothing.
   */
  static boolean inCodeSpan(String text, int start, int end, List<String> codes) {
    for (String code : codes) {
      for (int at = text.indexOf(code); at >= 0 && at <= start; at = text.indexOf(code, at + 1)) {
        if (at == start && end < at + code.length() && text.charAt(end) == ' ') {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the match is the host of a link to one account's page ({@code
   * https://github.com/someone}): that names a person, not a use of the service. A repository link
   * ({@code github.com/org/repo}) or the bare host counts.
   */
  static boolean profileLink(String text, int start, int end) {
    if (end >= text.length() || (text.charAt(end) != '.' && text.charAt(end) != '/')) {
      return false;
    }
    int from = start;
    while (from > 0 && !Character.isWhitespace(text.charAt(from - 1)) && text.charAt(from - 1) != '(') {
      from--;
    }
    int to = end;
    while (to < text.length() && !Character.isWhitespace(text.charAt(to)) && text.charAt(to) != ')') {
      to++;
    }
    String token = text.substring(from, to);
    int scheme = token.indexOf("://");
    int host = scheme < 0 ? 0 : scheme + 3;
    int urlEnd = token.length();
    while (urlEnd > host && "/.,;".indexOf(token.charAt(urlEnd - 1)) >= 0) {
      urlEnd--; // trailing slashes and punctuation
    }
    String url = token.substring(host, urlEnd);
    int slash = url.indexOf('/');
    if (slash < 0 || start - from - host >= slash) {
      return false; // no path, or the match is in the path, not the host
    }
    return url.indexOf('/', slash + 1) < 0;
  }

  /**
   * Whether {@code text[start, end)} reads as the proper noun {@code name}: written with its
   * capitals, inside a sentence (after a semicolon too), and not one of a run of capitalized words.
   */
  static boolean properNoun(String text, int start, int end, String name) {
    // Most candidates are ordinary lower-case words: reject those before anything else.
    if (!Character.isUpperCase(text.charAt(start)) || !sameLetters(text, start, end, name)) {
      return false;
    }
    int before = lastNonSpaceBefore(text, start);
    // After a semicolon the clause goes on in lower case: a capital there is the name's ("...; Edda keeps").
    if (before < 0 || ".!?:\n\"“(".indexOf(text.charAt(before)) >= 0) {
      return false;
    }
    int after = end;
    while (after < text.length() && text.charAt(after) == ' ') {
      after++;
    }
    boolean capitalAfter = after > end && after < text.length() && Character.isUpperCase(text.charAt(after));
    // The word before counts toward a title only when its capital is not the sentence's own ("Used Harbor to ...").
    int previous = wordStart(text, before);
    boolean capitalBefore = Character.isUpperCase(text.charAt(previous)) && !startsSentence(text, previous);
    return !capitalAfter && !capitalBefore;
  }

  /** Whether the word at {@code start} is the first of its sentence: at the text's start or after . ! ? : or a line break. */
  private static boolean startsSentence(String text, int start) {
    int i = lastNonSpaceBefore(text, start);
    return i < 0 || ".!?:\n".indexOf(text.charAt(i)) >= 0;
  }

  /** The index of the last character before {@code at} that is not a space, or -1. */
  private static int lastNonSpaceBefore(String text, int at) {
    int i = at - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    return i;
  }

  private static int wordStart(String text, int last) {
    int i = last;
    while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /**
   * Whether {@code text[start, end)} is {@code name} letter for letter, separators aside; a name the
   * lists write all in lower case (tomcat) takes any capitals.
   */
  private static boolean sameLetters(String text, int start, int end, String name) {
    boolean anyCase = name.equals(name.toLowerCase(Locale.ROOT));
    int i = start;
    int j = 0;
    while (true) {
      while (i < end && isSeparator(text.charAt(i))) {
        i++;
      }
      while (j < name.length() && isSeparator(name.charAt(j))) {
        j++;
      }
      if (i == end || j == name.length()) {
        return i == end && j == name.length();
      }
      char a = text.charAt(i++);
      char b = name.charAt(j++);
      if (a != b && !(anyCase && Character.toLowerCase(a) == b)) {
        return false;
      }
    }
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '_';
  }
}
