package dev.takeaways.enrich.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.JsonSerde;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The gold file of an evaluation, {@code {"note.md": {"tools": [...], "practices": [...], "optional":
 * [...], "split": "tune"}}}, and the labels of what the tagger found in a note, read the same way.
 */
public final class GoldFile {
  private GoldFile() {}

  /**
   * The notes of a gold file, in the file's order.
   *
   * @throws IllegalArgumentException when the text is not JSON of that shape
   */
  public static Map<String, GoldNote> parse(String json) {
    JsonNode root;
    try {
      root = JsonSerde.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("expected an object of file names to labels");
    }
    Map<String, GoldNote> gold = new LinkedHashMap<>();
    root.fields().forEachRemaining(e -> gold.put(e.getKey(), new GoldNote(
        new Labels(strings(e.getValue().get("tools")), strings(e.getValue().get("practices")), strings(e.getValue().get("optional"))),
        e.getValue().path("split").asText(""))));
    return gold;
  }

  /** What the tagger found in {@code note}: the note's own tags and its takeaways', with their rules. */
  public static Labels found(EnrichedNote note) {
    Set<String> tools = new HashSet<>();
    Set<String> practices = new HashSet<>();
    Map<String, Set<String>> rules = new TreeMap<>();
    Stream.concat(note.tags().stream(), note.takeaways().stream().flatMap(t -> t.tags().stream()))
        .forEach(tag -> {
          (tag.type().equals("tool") ? tools : practices).add(tag.id().substring(tag.id().indexOf(':') + 1));
          rules.computeIfAbsent(tag.id(), id -> new TreeSet<>()).add(tag.evidence().rule());
        });
    return new Labels(tools, practices, Set.of(), rules);
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new HashSet<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }
}
