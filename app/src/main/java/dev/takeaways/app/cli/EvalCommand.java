package dev.takeaways.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.takeaways.enrich.EnrichResult;
import dev.takeaways.enrich.eval.Labels;
import dev.takeaways.enrich.eval.TagEvaluation;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.JsonSerde;
import dev.takeaways.model.Tag;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Precision and recall of the tagger against hand-made labels. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Scores the tags of the notes in DIR against a gold file: per note and micro-averaged precision, recall and F1.")
public final class EvalCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.Mixin TaxonomyOptions taxonomy;

  @Option(names = "--gold", paramLabel = "GOLD.json", required = true,
      description = "File name to {\"tools\": [slugs], \"practices\": [slugs], \"optional\": [slugs]}.")
  Path gold;

  @Parameters(paramLabel = "DIR", description = "The folder of the notes named in the gold file.")
  Path dir;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Labels> goldLabels = readGold(gold);
    Map<String, Labels> predicted = new LinkedHashMap<>();
    NoteFileEnricher enricher = new NoteFileEnricher(taxonomy.taxonomy());
    for (String file : goldLabels.keySet()) {
      Path note = dir.resolve(file);
      if (!Files.isRegularFile(note)) {
        err.println("takeaways eval: " + note + ": no such file; counted as finding nothing");
        continue;
      }
      EnrichResult result = enricher.enrich(note, file, file);
      if (result instanceof EnrichResult.Enriched enriched) {
        predicted.put(file, labels(enriched.note()));
      } else {
        err.println("takeaways eval: rejected " + ((EnrichResult.Rejected) result).detail());
      }
    }
    TagEvaluation.Report report = TagEvaluation.evaluate(predicted, goldLabels);
    if (json) {
      out.println(JsonSerde.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report)));
    } else {
      print(report, out);
    }
    return ExitCodes.OK;
  }

  private static Labels labels(EnrichedNote note) {
    Set<String> tools = new HashSet<>();
    Set<String> practices = new HashSet<>();
    java.util.stream.Stream.concat(note.tags().stream(), note.takeaways().stream().flatMap(t -> t.tags().stream()))
        .forEach(tag -> (tag.type().equals("tool") ? tools : practices).add(slug(tag)));
    return new Labels(tools, practices);
  }

  private static String slug(Tag tag) {
    return tag.id().substring(tag.id().indexOf(':') + 1);
  }

  static Map<String, Labels> readGold(Path file) throws IOException {
    JsonNode root = JsonSerde.mapper().readTree(file.toFile());
    Map<String, Labels> gold = new LinkedHashMap<>();
    root.fields().forEachRemaining(e -> gold.put(e.getKey(), new Labels(strings(e.getValue().get("tools")), strings(e.getValue().get("practices")),
        strings(e.getValue().get("optional")))));
    return gold;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new HashSet<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static ObjectNode toJson(TagEvaluation.Report report) {
    ObjectNode root = JsonSerde.mapper().createObjectNode();
    root.set("tools", scores(report.tools()));
    root.set("practices", scores(report.practices()));
    ArrayNode notes = root.putArray("notes");
    for (TagEvaluation.NoteResult n : report.notes()) {
      ObjectNode note = notes.addObject();
      note.put("file", n.file());
      note.set("tools", JsonSerde.mapper().valueToTree(n.tools()));
      note.set("practices", JsonSerde.mapper().valueToTree(n.practices()));
      note.set("falsePositives", JsonSerde.mapper().valueToTree(n.falsePositives()));
      note.set("falseNegatives", JsonSerde.mapper().valueToTree(n.falseNegatives()));
    }
    return root;
  }

  private static ObjectNode scores(TagEvaluation.Scores s) {
    return JsonSerde.mapper().createObjectNode()
        .put("precision", s.precision()).put("recall", s.recall()).put("f1", s.f1())
        .put("truePositives", s.truePositives()).put("falsePositives", s.falsePositives()).put("falseNegatives", s.falseNegatives());
  }

  private static void print(TagEvaluation.Report report, PrintWriter out) {
    for (TagEvaluation.NoteResult n : report.notes()) {
      out.printf("%s%n  tools: %s%n  practices: %s%n", n.file(), n.tools(), n.practices());
      if (!n.falsePositives().isEmpty()) {
        out.printf("  false positives: %s%n", n.falsePositives());
      }
      if (!n.falseNegatives().isEmpty()) {
        out.printf("  false negatives: %s%n", n.falseNegatives());
      }
    }
    out.println();
    out.printf("%-10s precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d)%n", "tools",
        report.tools().precision(), report.tools().recall(), report.tools().f1(),
        report.tools().truePositives(), report.tools().falsePositives(), report.tools().falseNegatives());
    out.printf("%-10s precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d)%n", "practices",
        report.practices().precision(), report.practices().recall(), report.practices().f1(),
        report.practices().truePositives(), report.practices().falsePositives(), report.practices().falseNegatives());
  }
}
