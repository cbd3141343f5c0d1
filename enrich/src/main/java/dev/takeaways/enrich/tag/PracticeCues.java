package dev.takeaways.enrich.tag;

import dev.takeaways.model.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Practices said without their names: "we deploy 40 times a day" (continuous delivery), "reviewers
 * approve every change" (code review), and practices shown by the tools a takeaway uses (Jenkins:
 * continuous integration). The cues and the kinds of tools that imply each practice are written from
 * the practice's definition, in {@code practice-cues.yml} beside this class, which also says the
 * cues' syntax. A cue matches inside one sentence. Immutable and thread-safe; pure.
 */
public final class PracticeCues {
  /**
   * The confidence of a practice found by a cue of several words, by a cue of one word (outage,
   * collaboration), and implied by a tool.
   */
  static final double CUE_CONFIDENCE = 0.8;

  static final double WORD_CUE_CONFIDENCE = 0.7;

  static final double IMPLIED_CONFIDENCE = 0.7;

  private static final String BUNDLED = "/dev/takeaways/enrich/tag/practice-cues.yml";

  /**
   * A practice's cues and the tools and kinds of tools that imply it.
   *
   * @param confidence the confidence of its cues, or null for the default ({@link #CUE_CONFIDENCE},
   *     {@link #WORD_CUE_CONFIDENCE}): lower for a practice no labeled note has measured yet
   */
  record Practice(String id, String definition, List<Cue> cues, List<String> impliedBy, Double confidence) {}

  private final Map<String, Practice> practices;
  /** Every cue, numbered. */
  private final List<Cue> cues = new ArrayList<>();
  /** The first words of every cue's anchor step, to the cues' numbers. */
  private final AnchorTrie anchors = new AnchorTrie();
  /** The cues whose anchor step may start with a number. */
  private int[] numberAnchors;
  /** By cue number: its confidence, and how many words before its anchor a match may start. */
  private final double[] cueConfidence;
  private final int[] cueReach;
  /** Practice ids by {@code tool:slug} and by {@code category:name}. */
  private final Map<String, List<String>> implied = new HashMap<>();

  private PracticeCues(Map<String, Practice> practices) {
    this.practices = Map.copyOf(practices);
    for (Practice p : practices.values()) {
      for (Cue cue : p.cues()) {
        int number = cues.size();
        cues.add(cue);
        for (Cue.Word[] alternative : cue.steps().get(cue.anchor()).alternatives()) {
          if (alternative[0] == Cue.Word.NUMBER) {
            numberAnchors = AnchorTrie.append(numberAnchors, number);
          } else {
            anchors.add(alternative[0], number);
          }
        }
      }
      for (String source : p.impliedBy()) {
        implied.computeIfAbsent(source, k -> new ArrayList<>()).add(p.id());
      }
    }
    cueConfidence = new double[cues.size()];
    cueReach = new int[cues.size()];
    for (int c = 0; c < cues.size(); c++) {
      Cue cue = cues.get(c);
      Double set = practices.get(cue.practiceId()).confidence();
      cueConfidence[c] = set != null ? set : cue.isOneWord() ? WORD_CUE_CONFIDENCE : CUE_CONFIDENCE;
      cueReach[c] = cue.reach();
    }
  }

  /** The practices a tool does, by itself or by its kind: worked out once per entry by the matcher. */
  List<String> impliedBy(TaxonomyEntry tool) {
    List<String> out = new ArrayList<>(implied.getOrDefault(tool.tagId(), List.of()));
    for (String practice : implied.getOrDefault("category:" + tool.category(), List.of())) {
      if (!out.contains(practice)) {
        out.add(practice);
      }
    }
    return List.copyOf(out);
  }

  /** The bundled cues. */
  public static PracticeCues bundled() {
    return Holder.BUNDLED_CUES;
  }

  private static final class Holder {
    static final PracticeCues BUNDLED_CUES = load();

    private static PracticeCues load() {
      try (InputStream in = PracticeCues.class.getResourceAsStream(BUNDLED)) {
        if (in == null) {
          throw new IllegalStateException("bundled practice cues missing: " + BUNDLED);
        }
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The cues of {@code yaml}, {@code practice-slug: {definition, cues, implied-by}}; {@code origin} names it in errors. */
  static PracticeCues parse(String yaml, String origin) {
    Object root = new Load(LoadSettings.builder().setLabel(origin).build()).loadFromString(yaml);
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(origin + ": expected a map of practice slugs");
    }
    Map<String, Practice> practices = new LinkedHashMap<>();
    map.forEach((slug, value) -> {
      String id = "practice:" + slug;
      if (!(value instanceof Map<?, ?> fields)) {
        throw new IllegalArgumentException(origin + ": " + slug + " must be a map");
      }
      List<Cue> cues = new ArrayList<>();
      for (String pattern : strings(fields.get("cues"))) {
        cues.add(new Cue(id, pattern, Cue.compile(pattern, origin + ": " + slug)));
      }
      Object definition = fields.get("definition");
      Double confidence = fields.get("confidence") instanceof Number n ? n.doubleValue() : null;
      if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
        throw new IllegalArgumentException(origin + ": " + slug + ": confidence must be in [0, 1], was " + confidence);
      }
      practices.put(id, new Practice(id, definition == null ? "" : definition.toString(), List.copyOf(cues), strings(fields.get("implied-by")),
          confidence));
    });
    return new PracticeCues(practices);
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of();
  }

  /** The practices of the cues, by tag id. */
  Map<String, Practice> practices() {
    return practices;
  }

  /**
   * The practices {@code text} states by a cue or by a tool it uses, other than those in {@code
   * already}: one tag per practice, with the evidence of its first cue, in order of appearance.
   *
   * @param tools the tools found in the text, with their evidence, for the practices they imply
   * @param impliedByTools for each of {@code tools}, the practices it implies ({@link #impliedBy})
   * @param known whether a practice id is in the taxonomy in use (a user's file may remove one)
   */
  List<Tag> tag(String text, List<Tag> already, List<Tag> tools, List<List<String>> impliedByTools,
      Predicate<String> known, double minConfidence) {
    List<Tag> out = new ArrayList<>();
    if (minConfidence <= CUE_CONFIDENCE) {
      CueTokens tokens = CueTokens.of(text);
      // Where the cues' anchors are in the text, in the order of the text: a cue can only match there.
      Hits hits = new Hits();
      for (int t = 0; t < tokens.size(); t++) {
        AnchorTrie.Node node = anchors.root;
        int end = tokens.end(t);
        for (int i = tokens.start(t); i < end && node != null; i++) {
          node = node.next(tokens.chars[i]);
          if (node != null) {
            hits.add(node.prefixOf, t);
            if (i == end - 1) {
              hits.add(node.wholeWord, t);
            }
          }
        }
        if (Character.isDigit(tokens.chars[tokens.start(t)])) {
          hits.add(numberAnchors, t);
        }
      }
      for (int h = 0; h < hits.count; h++) {
        tryCue(hits.cue(h), tokens, hits.token(h), text, already, out, known, minConfidence);
      }
      if (out.size() > 1) {
        out.sort(Comparator.comparingInt(tag -> tag.evidence().start()));
      }
    }
    if (minConfidence <= IMPLIED_CONFIDENCE && !tools.isEmpty() && saysMoreThanNames(text, tools)) {
      for (int i = 0; i < tools.size(); i++) {
        Tag.Evidence evidence = tools.get(i).evidence();
        for (String practice : impliedByTools.get(i)) {
          if (known.test(practice) && !has(already, practice) && !has(out, practice)) {
            out.add(new Tag(practice, new Tag.Evidence(evidence.text(), evidence.start(), evidence.end(), "implied", IMPLIED_CONFIDENCE)));
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether {@code text} says something of its tools: three words or more besides their names and
   * links. A bare name ("PagerDuty."), a list of names ("Tools: Packer, vagrant") or a link names a
   * tool without stating a practice as done.
   */
  static boolean saysMoreThanNames(String text, List<Tag> tools) {
    int words = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      String token = text.substring(start, i);
      if (token.contains("://") || token.startsWith("www.") || token.indexOf('/') > token.indexOf('.') && token.indexOf('.') > 0) {
        continue; // a link
      }
      for (int j = start; j < i; j++) {
        if (Character.isLetter(text.charAt(j)) && (j == start || !Character.isLetter(text.charAt(j - 1))) && !insideTool(tools, j)) {
          int end = j;
          while (end < i && Character.isLetter(text.charAt(end))) {
            end++;
          }
          if (end - j >= 2 && ++words >= 3) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean insideTool(List<Tag> tools, int at) {
    for (Tag t : tools) {
      if (at >= t.evidence().start() && at < t.evidence().end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The tags of a note's texts without the practices that one tool implies once in the whole note
   * and nothing else states: a tool named in passing ("could we use Docker?") is not a practice the
   * note discusses; one the note keeps coming back to, or states in words too, is.
   */
  public static List<List<Tag>> withoutLoneImplications(List<List<Tag>> tags) {
    Map<String, Integer> texts = new HashMap<>();
    for (List<Tag> list : tags) {
      for (Tag t : list) {
        if (t.id().startsWith("practice:")) {
          texts.merge(t.id(), 1, Integer::sum);
        }
      }
    }
    List<List<Tag>> out = new ArrayList<>(tags.size());
    for (List<Tag> list : tags) {
      boolean lone = false;
      for (Tag t : list) {
        lone |= t.evidence().rule().equals("implied") && texts.get(t.id()) == 1;
      }
      out.add(!lone ? list : list.stream().filter(t -> !t.evidence().rule().equals("implied") || texts.get(t.id()) > 1).toList());
    }
    return out;
  }

  private static boolean has(List<Tag> tags, String id) {
    for (Tag t : tags) {
      if (t.id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** Cues whose anchor is at a token, as {@code cue << 32 | token}, in the order they were found. */
  private static final class Hits {
    private long[] hits = new long[16];
    int count;

    void add(int[] cues, int token) {
      if (cues == null) {
        return;
      }
      if (count + cues.length > hits.length) {
        hits = Arrays.copyOf(hits, Math.max(2 * hits.length, count + cues.length));
      }
      for (int cue : cues) {
        hits[count++] = (long) cue << 32 | token;
      }
    }

    int cue(int h) {
      return (int) (hits[h] >>> 32);
    }

    int token(int h) {
      return (int) hits[h];
    }
  }

  /** Adds the practice of {@code cue} where it matches around its anchor at token {@code at}, unless a tag has it. */
  private void tryCue(int number, CueTokens tokens, int at, String text, List<Tag> already, List<Tag> out,
      Predicate<String> known, double minConfidence) {
    Cue cue = cues.get(number);
    double confidence = cueConfidence[number];
    if (confidence < minConfidence || has(out, cue.practiceId()) || has(already, cue.practiceId()) || !known.test(cue.practiceId())) {
      return;
    }
    for (int t = Math.max(0, at - cueReach[number]); t <= at; t++) {
      int end = cue.matchFrom(tokens, t);
      if (end > t) {
        int start = tokens.start(t);
        int stop = tokens.end(end - 1);
        out.add(new Tag(cue.practiceId(), new Tag.Evidence(text.substring(start, stop), start, stop, "cue", confidence)));
        return;
      }
    }
  }

  /**
   * The cues by the first words of their anchor steps, in a trie of the words' letters: a token's
   * letters, read once, reach the cues whose word is a prefix of it ({@code deploy*}) and those
   * whose word it is ({@code ci}).
   */
  private static final class AnchorTrie {
    static final class Node {
      private Node[] next;
      int[] prefixOf;
      int[] wholeWord;

      Node next(char c) {
        int i = index(c);
        return next == null || i < 0 ? null : next[i];
      }
    }

    final Node root = new Node();

    /** Letters, digits and the apostrophe have a child each; other characters end the walk. */
    private static int index(char c) {
      return c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : c == '\'' ? 36 : -1;
    }

    void add(Cue.Word word, int cue) {
      Node node = root;
      for (char c : word.text().toCharArray()) {
        int i = index(c);
        if (i < 0) {
          return; // a word no token can spell (tokens are letters, digits and apostrophes)
        }
        if (node.next == null) {
          node.next = new Node[37];
        }
        if (node.next[i] == null) {
          node.next[i] = new Node();
        }
        node = node.next[i];
      }
      if (word.prefix()) {
        node.prefixOf = append(node.prefixOf, cue);
      } else {
        node.wholeWord = append(node.wholeWord, cue);
      }
    }

    private static int[] append(int[] cues, int cue) {
      if (cues != null && cues[cues.length - 1] == cue) {
        return cues; // two alternatives of the anchor step that start with one word
      }
      int[] out = cues == null ? new int[1] : Arrays.copyOf(cues, cues.length + 1);
      out[out.length - 1] = cue;
      return out;
    }
  }
}
