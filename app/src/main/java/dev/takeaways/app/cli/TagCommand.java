package dev.takeaways.app.cli;

import dev.takeaways.model.JsonSerde;
import dev.takeaways.model.Tag;
import dev.takeaways.model.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** Tags text from standard input, showing why each tag was given. */
@Command(name = "tag", mixinStandardHelpOptions = true, description = "Reads text from standard input and prints its tags with their evidence.")
public final class TagCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin TaxonomyOptions taxonomy;

  @Option(names = "--json", description = "Print the tags as JSON, as they appear on the topics.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    // Read one byte past the note limit, not the whole stream: tag < /dev/zero must end.
    byte[] bytes = System.in.readNBytes(Topics.MAX_NOTE_BYTES + 1);
    if (bytes.length > Topics.MAX_NOTE_BYTES) {
      spec.commandLine().getErr().println("takeaways tag: standard input is over the note limit of " + Topics.MAX_NOTE_BYTES
          + " bytes (TAKEAWAYS_MAX_NOTE_BYTES)");
      return ExitCodes.REJECTED;
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<Tag> tags = taxonomy.matcher().tag(text);
    if (json) {
      out.println(JsonSerde.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tags));
      return ExitCodes.OK;
    }
    for (Tag tag : tags) {
      Tag.Evidence e = tag.evidence();
      out.printf("%-40s %-12s \"%s\" at %d-%d%n", tag.id(), e.rule(), e.text(), e.start(), e.end());
    }
    return ExitCodes.OK;
  }
}
