package dev.takeaways.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** Questions to the store. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = "Asks the store: which sessions mentioned a tool, everything said about a practice, the recent notes.",
    subcommands = {QueryCommand.Sessions.class, QueryCommand.Takeaways.class, QueryCommand.Notes.class})
public final class QueryCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "sessions", mixinStandardHelpOptions = true, description = "The sessions whose takeaways mention a tag: query sessions --tag packer")
  static final class Sessions implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin StoreAnswer answer;

    @Option(names = "--tag", required = true, paramLabel = "TAG", description = "A tag id (tool:packer) or slug (packer).")
    String tag;

    @Override
    public Integer call() throws Exception {
      return answer.answer(q -> q.sessions(tag), spec.commandLine().getOut());
    }
  }

  @Command(name = "takeaways", mixinStandardHelpOptions = true, description = "Everything said about a tag, by speaker: query takeaways --tag code-review")
  static final class Takeaways implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin StoreAnswer answer;

    @Option(names = "--tag", required = true, paramLabel = "TAG", description = "A tag id (practice:code-review) or slug (code-review).")
    String tag;

    @Override
    public Integer call() throws Exception {
      return answer.answer(q -> q.takeaways(tag), spec.commandLine().getOut());
    }
  }

  @Command(name = "notes", mixinStandardHelpOptions = true, description = "The notes of the last DAYS days (by their own date, else when they arrived).")
  static final class Notes implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin StoreAnswer answer;

    @Option(names = "--days", paramLabel = "DAYS", description = "How far back (default ${DEFAULT-VALUE}).")
    int days = 30;

    @Override
    public Integer call() throws Exception {
      Instant since = Instant.now().minus(Duration.ofDays(days));
      return answer.answer(q -> q.notes(since), spec.commandLine().getOut());
    }
  }
}
