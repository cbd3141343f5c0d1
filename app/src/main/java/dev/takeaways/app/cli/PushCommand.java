package dev.takeaways.app.cli;

import dev.takeaways.ingest.git.Git;
import dev.takeaways.ingest.git.GitPusher;
import dev.takeaways.ingest.NoteIngestor;
import dev.takeaways.ingest.NoteSink;
import dev.takeaways.model.RawNote;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** One-off pushes of notes to {@code notes.raw}. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = "Sends notes to notes.raw. Exit codes: 0 sent, 2 usage, 3 input rejected, 4 Kafka unreachable.")
public final class PushCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka;

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Notes to send; - reads one note from standard input.")
  List<String> files = List.of();

  @Option(names = "--git", paramLabel = "REVS", split = " ",
      description = "Send what these commits did to notes, oldest first, as git rev-list reads REVS: HEAD~5..HEAD; HEAD alone is the"
          + " whole history (a first import). Ids are paths in the repository.")
  List<String> gitRevs;

  @Option(names = "--flush", description = "Send the notes a git hook left in the repository's outbox.")
  boolean flush;

  @Option(names = "--repo", paramLabel = "DIR", description = "The git repository for --git and --flush (default: the current folder).")
  Path repo = Path.of(".");

  @Option(names = "--id", paramLabel = "ID", description = "The note id (default: the path relative to the current folder; required for -).")
  String id;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for Kafka (default ${DEFAULT-VALUE} s).")
  long timeoutSeconds = 10;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (gitRevs != null || flush) {
      if (!files.isEmpty()) {
        err.println("takeaways push: --git and --flush send a repository's notes; give no FILE with them");
        return ExitCodes.USAGE;
      }
      return pushGit(out, err);
    }
    if (files.isEmpty()) {
      err.println("takeaways push: give FILE..., -, --git REVS or --flush");
      return ExitCodes.USAGE;
    }
    if (id != null && files.size() > 1) {
      err.println("takeaways push: --id names one note; give one FILE with it");
      return ExitCodes.USAGE;
    }
    if (files.contains("-") && id == null) {
      err.println("takeaways push: reading from - needs --id");
      return ExitCodes.USAGE;
    }
    return OneOffSend.withIngestor(kafka, timeoutSeconds, ingestor -> pushFiles(ingestor, out, err));
  }

  private int pushFiles(NoteIngestor ingestor, PrintWriter out, PrintWriter err) throws IOException {
    int code = ExitCodes.OK;
    for (String file : files) {
      byte[] bytes;
      String path;
      if (file.equals("-")) {
        bytes = System.in.readAllBytes();
        path = "stdin";
      } else {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
          err.println("takeaways push: " + file + ": no such file");
          code = ExitCodes.REJECTED;
          continue;
        }
        bytes = Files.readAllBytes(p);
        path = relativeToWorkingDir(p);
      }
      String noteId = id != null ? id : path;
      try {
        NoteIngestor.Outcome outcome = ingestor.ingest(noteId, path, new RawNote.Source(RawNote.Source.CLI, null), bytes);
        if (outcome instanceof NoteIngestor.Outcome.Rejected rejected) {
          err.println("takeaways push: rejected " + rejected.detail());
          code = ExitCodes.REJECTED;
        } else {
          out.println("sent " + path + " as " + noteId);
        }
      } catch (NoteSink.SinkException e) {
        err.println("takeaways push: Kafka unreachable at " + kafka.bootstrapServers() + ": " + e.getMessage());
        return ExitCodes.KAFKA_UNREACHABLE;
      }
    }
    return code;
  }

  private int pushGit(PrintWriter out, PrintWriter err) throws IOException {
    Git git;
    try {
      git = Git.at(repo);
    } catch (Git.GitException e) {
      err.println("takeaways push: " + repo + ": not a git repository: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    // A progress line where a person watches (a terminal), none in scripts and hooks.
    GitPusher.Progress progress = System.console() == null
        ? (done, total) -> {}
        : (done, total) -> {
          err.print("\rtakeaways push: " + done + "/" + total + " commits" + (done == total ? "\n" : ""));
          err.flush();
        };
    GitPusher.Result result =
        OneOffSend.withPusher(git, kafka, timeoutSeconds, pusher -> gitRevs != null ? pusher.push(gitRevs, progress) : pusher.flush());
    OneOffSend.report(result, "takeaways push", out, err);
    if (result.queued() > 0) {
      return ExitCodes.KAFKA_UNREACHABLE;
    }
    return result.rejected().isEmpty() ? ExitCodes.OK : ExitCodes.REJECTED;
  }

  private static String relativeToWorkingDir(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString().replace('\\', '/') : abs.getFileName().toString();
  }
}
