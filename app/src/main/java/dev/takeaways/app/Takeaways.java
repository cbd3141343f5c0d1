package dev.takeaways.app;

import dev.takeaways.app.cli.BenchCommand;
import dev.takeaways.app.cli.EnrichCommand;
import dev.takeaways.app.cli.EvalCommand;
import dev.takeaways.app.cli.ExitCodes;
import dev.takeaways.app.cli.HookCommand;
import dev.takeaways.app.cli.IngestCommand;
import dev.takeaways.app.cli.ParseCommand;
import dev.takeaways.app.cli.PublishCommand;
import dev.takeaways.app.cli.PushCommand;
import dev.takeaways.app.cli.QueryCommand;
import dev.takeaways.app.cli.RulesCommand;
import dev.takeaways.app.cli.Shutdown;
import dev.takeaways.app.cli.TagCommand;
import dev.takeaways.app.cli.TopCommand;
import dev.takeaways.app.cli.TailCommand;
import dev.takeaways.app.cli.UiCommand;
import dev.takeaways.app.cli.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code takeaways} command. */
@Command(
    name = "takeaways",
    mixinStandardHelpOptions = true,
    version = "takeaways 0.1.0",
    description = "Turns Markdown notes into a live stream of tagged takeaways.",
    subcommands = {
      UpCommand.class,
      IngestCommand.class,
      EnrichCommand.class,
      PublishCommand.class,
      PushCommand.class,
      HookCommand.class,
      ParseCommand.class,
      TailCommand.class,
      TagCommand.class,
      QueryCommand.class,
      TopCommand.class,
      UiCommand.class,
      EvalCommand.class,
      RulesCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Takeaways implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The command line, configured; tests run commands through it. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Takeaways());
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println(cmd.getColorScheme().errorText("takeaways: " + e.getMessage()));
          return ExitCodes.FAILED;
        });
    return cl;
  }

  /**
   * The JDK HTTP server's limits on how long a request may take to arrive and a response to leave
   * (seconds), unless set on the command line: a client that sends one byte and waits is cut off.
   * They are read once, before the first server starts, so they are set first thing. Responses go out
   * without Nagle's delay: the server writes headers and body apart, and a client's delayed ACK
   * would otherwise hold each small answer (the page's live poll, /health) for 40 ms.
   */
  static void httpTimeLimits() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", "30");
    }
    if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
      System.setProperty("sun.net.httpserver.maxRspTime", "120");
    }
  }

  public static void main(String[] args) {
    httpTimeLimits();
    int code = commandLine().execute(args);
    // During a shutdown (Ctrl-C on up), System.exit would wait forever for the hooks: just return.
    if (!Shutdown.inProgress()) {
      System.exit(code);
    }
  }
}
