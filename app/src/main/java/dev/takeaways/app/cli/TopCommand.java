package dev.takeaways.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The leaderboard of tools or practices. */
@Command(name = "top", mixinStandardHelpOptions = true, description = "The tools (or practices) mentioned most: takeaways, sessions and notes per tag.")
public final class TopCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin StoreAnswer answer;

  @Option(names = "--type", paramLabel = "TYPE", description = "tool or practice (default ${DEFAULT-VALUE}).")
  String type = "tool";

  @Option(names = {"--limit", "-n"}, paramLabel = "N", description = "How many (default ${DEFAULT-VALUE}).")
  int limit = 20;

  @Option(names = "--days", paramLabel = "DAYS", description = "Only notes of the last DAYS days (default: all).")
  Integer days;

  @Override
  public Integer call() throws Exception {
    if (!type.equals("tool") && !type.equals("practice")) {
      spec.commandLine().getErr().println("takeaways top: --type is tool or practice, not " + type);
      return ExitCodes.USAGE;
    }
    if (limit < 1 || (days != null && days < 1)) {
      spec.commandLine().getErr().println("takeaways top: " + (limit < 1 ? "--limit must be 1 or more, not " + limit
          : "--days must be 1 or more, not " + days));
      return ExitCodes.USAGE;
    }
    Instant since = days == null ? null : Instant.now().minus(Duration.ofDays(days));
    return answer.answer(q -> q.top(type, limit, since), spec.commandLine().getOut());
  }
}
