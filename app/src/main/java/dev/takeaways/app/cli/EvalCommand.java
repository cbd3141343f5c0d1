package dev.takeaways.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.takeaways.enrich.EnrichResult;
import dev.takeaways.enrich.eval.GoldFile;
import dev.takeaways.enrich.eval.GoldNote;
import dev.takeaways.enrich.eval.Labels;
import dev.takeaways.enrich.eval.TagEvaluation;
import dev.takeaways.enrich.tag.Taxonomy;
import dev.takeaways.model.JsonSerde;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** Precision and recall of the tagger against hand-made labels. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the tags of the notes in DIR against a gold file: per note, micro-averaged precision, recall and F1 over all",
      "notes and over each split the gold file names (\"split\": \"tune\" or \"check\"), and the precision of each rule."})
public final class EvalCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin TaxonomyOptions taxonomy;

  @Option(names = "--gold", paramLabel = "GOLD.json", required = true,
      description = "File name to {\"tools\": [slugs], \"practices\": [slugs], \"optional\": [slugs], \"split\": name}.")
  Path gold;

  @Option(names = "--split", paramLabel = "NAME",
      description = "Score only the notes of this split (repeatable); for example the split you tune on, so that the held-out notes' mistakes stay unread.")
  List<String> onlySplits = List.of();

  @Option(names = "--fold-aws", description = "Score aws-ec2, aws-lambda, ... as aws, in the labels and in the tags found.")
  boolean foldAws;

  @Parameters(paramLabel = "DIR", description = "The folder of the notes named in the gold file.")
  Path dir;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Taxonomy tools = taxonomy.taxonomy();
    // A label written as another name of a tool counts as that tool (saltstack: salt).
    UnaryOperator<String> named = tools.toolSlugsByName();
    UnaryOperator<String> fold = foldAws ? slug -> Labels.AWS_SERVICES_AS_AWS.apply(named.apply(slug)) : named;
    Map<String, GoldNote> goldLabels = new LinkedHashMap<>();
    readGold(gold).forEach((file, note) -> {
      if (onlySplits.isEmpty() || onlySplits.contains(note.split())) {
        goldLabels.put(file, new GoldNote(note.labels().foldTools(fold), note.split()));
      }
    });
    Map<String, Labels> predicted = new LinkedHashMap<>();
    NoteFileEnricher enricher = new NoteFileEnricher(tools, taxonomy.minConfidence());
    for (String file : goldLabels.keySet()) {
      Path note = dir.resolve(file);
      if (!Files.isRegularFile(note)) {
        err.println("takeaways eval: " + note + ": no such file; counted as finding nothing");
        continue;
      }
      EnrichResult result = enricher.enrich(note, file, file);
      if (result instanceof EnrichResult.Enriched enriched) {
        Labels found = GoldFile.found(enriched.note());
        predicted.put(file, found.foldTools(fold));
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

  static Map<String, GoldNote> readGold(Path file) throws IOException {
    try {
      return GoldFile.parse(Files.readString(file));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode toJson(TagEvaluation.Report report) {
    ObjectNode root = JsonSerde.mapper().createObjectNode();
    root.set("tools", scores(report.tools()));
    root.set("practices", scores(report.practices()));
    ObjectNode splits = root.putObject("splits");
    report.splits().forEach((name, s) -> {
      ObjectNode split = splits.putObject(name);
      split.put("notes", s.notes());
      split.set("tools", scores(s.tools()));
      split.set("practices", scores(s.practices()));
    });
    ArrayNode rules = root.putArray("rules");
    for (TagEvaluation.RulePrecision r : report.rules()) {
      rules.addObject().put("type", r.type()).put("rule", r.rule()).put("precision", r.precision())
          .put("truePositives", r.truePositives()).put("falsePositives", r.falsePositives());
    }
    ArrayNode notes = root.putArray("notes");
    for (TagEvaluation.NoteResult n : report.notes()) {
      ObjectNode note = notes.addObject();
      note.put("file", n.file());
      note.put("split", n.split());
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
      out.printf("%s%s%n  tools: %s%n  practices: %s%n", n.file(), n.split().isEmpty() ? "" : " (" + n.split() + ")", n.tools(), n.practices());
      if (!n.falsePositives().isEmpty()) {
        out.printf("  false positives: %s%n", n.falsePositives());
      }
      if (!n.falseNegatives().isEmpty()) {
        out.printf("  false negatives: %s%n", n.falseNegatives());
      }
    }
    out.println();
    line(out, "tools", report.tools());
    line(out, "practices", report.practices());
    if (report.splits().size() > 1 || !report.splits().containsKey("")) {
      report.splits().forEach((name, s) -> {
        out.printf("%nsplit %s (%d notes)%n", name.isEmpty() ? "(none)" : name, s.notes());
        line(out, "tools", s.tools());
        line(out, "practices", s.practices());
      });
    }
    out.printf("%nprecision by rule%n");
    for (TagEvaluation.RulePrecision r : report.rules()) {
      out.printf("%-10s %-12s precision %.3f  (tp %d, fp %d)%n", r.type() + "s", r.rule(), r.precision(), r.truePositives(), r.falsePositives());
    }
  }

  private static void line(PrintWriter out, String type, TagEvaluation.Scores s) {
    out.printf("%-10s precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d)%n", type,
        s.precision(), s.recall(), s.f1(), s.truePositives(), s.falsePositives(), s.falseNegatives());
  }
}
