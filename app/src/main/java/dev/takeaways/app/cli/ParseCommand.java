package dev.takeaways.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.takeaways.enrich.EnrichResult;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.JsonSerde;
import dev.takeaways.model.Session;
import dev.takeaways.model.Tag;
import dev.takeaways.model.Takeaway;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** What the pipeline would make of one note, offline. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = "Prints what the pipeline extracts from one note, without Kafka. --json prints the notes.enriched record.")
public final class ParseCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin TaxonomyOptions taxonomy;

  @Parameters(paramLabel = "FILE", description = "The note.")
  Path file;

  @Option(names = "--json", description = "Print the notes.enriched record as JSON.")
  boolean json;

  @Option(names = "--id", paramLabel = "ID", description = "The note id (default: the file name).")
  String id;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      String why = !Files.exists(file) ? "no such file" : Files.isDirectory(file) ? "a directory, not a note" : "not a regular file";
      err.println("takeaways parse: " + file + ": " + why);
      return ExitCodes.USAGE;
    }
    String path = file.getFileName().toString();
    EnrichResult result = new NoteFileEnricher(taxonomy.taxonomy(), taxonomy.minConfidence()).enrich(file, id == null ? path : id, path);
    if (result instanceof EnrichResult.Rejected rejected) {
      err.println("takeaways parse: rejected " + rejected.detail());
      return ExitCodes.REJECTED;
    }
    EnrichedNote note = ((EnrichResult.Enriched) result).note();
    if (json) {
      // Streamed, not built as one string: a note of many takeaways makes JSON many times its size.
      JsonSerde.mapper().writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .writeValue(out, note);
      out.println();
    } else {
      print(note, out);
    }
    return ExitCodes.OK;
  }

  private static void print(EnrichedNote note, PrintWriter out) {
    out.printf("%s (%s): %d sessions, %d takeaways, %d tools, %d practices%n",
        note.title(), note.id(), note.sessions().size(), note.takeaways().size(), note.distinctTags("tool"), note.distinctTags("practice"));
    note.warnings().forEach(w -> out.println("warning: " + w));
    String sessionId = "";
    for (Takeaway t : note.takeaways()) {
      if (!Objects.equals(t.sessionId(), sessionId)) {
        sessionId = t.sessionId();
        Session s = note.sessions().stream().filter(x -> x.id().equals(t.sessionId())).findFirst().orElse(null);
        out.println();
        out.println(s == null ? "## " + t.section() : "## " + s.title() + (s.speaker() == null ? "" : " (" + s.speaker() + ")"));
      }
      String tags = t.tags().stream().map(Tag::id).collect(Collectors.joining(", "));
      out.printf("  %-12s %s%s%n", t.kind().wireName(), t.text(), tags.isEmpty() ? "" : "  [" + tags + "]");
    }
  }
}
