package dev.takeaways.app.cli;

import dev.takeaways.ingest.git.Git;
import dev.takeaways.ingest.git.GitPusher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** Git hooks that send the notes a commit (or a push to a central repository) changes. */
@Command(
    name = "hook",
    mixinStandardHelpOptions = true,
    description = "Installs, removes or runs the git hooks that send changed notes to notes.raw.",
    subcommands = {HookCommand.Install.class, HookCommand.Uninstall.class, HookCommand.Run.class})
public final class HookCommand implements Runnable {
  static final String BEGIN = "# >>> takeaways >>>";
  static final String END = "# <<< takeaways <<<";
  static final Set<String> HOOKS = Set.of("post-commit", "post-receive");

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every hook subcommand shares. */
  static final class Target {
    @Option(names = "--repo", paramLabel = "DIR", description = "The repository (default: the current folder).")
    Path repo = Path.of(".");

    @Option(names = "--hook", paramLabel = "NAME", description = "post-commit (default; a developer's clone) or post-receive (a central repository).")
    String hook = "post-commit";

    Path hookFile(Git git) throws IOException {
      if (!HOOKS.contains(hook)) {
        throw new IllegalArgumentException("--hook must be post-commit or post-receive, was " + hook);
      }
      return git.gitPath("hooks").resolve(hook);
    }
  }

  @Command(name = "install", mixinStandardHelpOptions = true, description = "Adds our block to the hook; an existing hook is kept and runs first.")
  static final class Install implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin Target target;
    @Mixin KafkaOptions kafka;

    @Override
    public Integer call() throws IOException {
      Git git = Git.at(target.repo);
      Path file = target.hookFile(git);
      String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      String without = withoutBlock(existing);
      StringBuilder text = new StringBuilder(without.isEmpty() ? "#!/bin/sh\n" : without);
      if (text.charAt(text.length() - 1) != '\n') {
        text.append('\n');
      }
      String repoArg = target.hook.equals("post-receive") ? "\"$(pwd)\"" : "\"$(git rev-parse --show-toplevel)\"";
      text.append(BEGIN).append('\n')
          .append("# Added by 'takeaways hook install'; 'takeaways hook uninstall' removes this block and nothing else.\n")
          .append("# It never fails the commit: without Kafka, the notes wait in .git/takeaways/outbox.jsonl.\n")
          .append(selfCommand(spec.root().userObject().getClass())).append(" hook run --hook ").append(target.hook)
          .append(" --repo ").append(repoArg)
          .append(" --bootstrap-servers ").append(quote(kafka.bootstrapServers()))
          .append(" || true\n")
          .append(END).append('\n');
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
      perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
      Files.setPosixFilePermissions(file, perms);
      spec.commandLine().getOut().println("installed the " + target.hook + " hook in " + file + (without.isEmpty() ? "" : " (the existing hook is kept and runs first)"));
      return ExitCodes.OK;
    }
  }

  @Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Removes our block from the hook, and nothing else.")
  static final class Uninstall implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin Target target;

    @Override
    public Integer call() throws IOException {
      Git git = Git.at(target.repo);
      Path file = target.hookFile(git);
      if (!Files.exists(file)) {
        spec.commandLine().getOut().println("no " + target.hook + " hook in " + file);
        return ExitCodes.OK;
      }
      String without = withoutBlock(Files.readString(file, StandardCharsets.UTF_8));
      if (without.strip().equals("#!/bin/sh") || without.isBlank()) {
        Files.delete(file);
      } else {
        Files.writeString(file, without, StandardCharsets.UTF_8);
      }
      spec.commandLine().getOut().println("removed takeaways from " + file);
      return ExitCodes.OK;
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true, description = "What the installed hook runs. Always exits 0: a hook must not fail a commit.")
  static final class Run implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin Target target;
    @Mixin KafkaOptions kafka;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for Kafka before queueing in the outbox (default ${DEFAULT-VALUE} s).")
    long timeoutSeconds = 3;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      try {
        Git git = Git.at(target.repo);
        GitPusher.Result result = OneOffSend.withPusher(git, kafka, timeoutSeconds, pusher -> target.hook.equals("post-receive")
            ? pusher.pushReceived(readStdin())
            : pusher.pushHead());
        OneOffSend.report(result, "takeaways hook", spec.commandLine().getOut(), err);
      } catch (IOException | RuntimeException e) {
        err.println("takeaways hook: notes not sent: " + e.getMessage());
      }
      return ExitCodes.OK;
    }

    private static List<String> readStdin() throws IOException {
      List<String> lines = new ArrayList<>();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
      return lines;
    }
  }

  /** {@code text} without our block, from its first marker line to the end of its last. */
  static String withoutBlock(String text) {
    int begin = text.indexOf(BEGIN);
    if (begin < 0) {
      return text;
    }
    int end = text.indexOf(END, begin);
    int lineEnd = end < 0 ? -1 : text.indexOf('\n', end);
    int after = lineEnd < 0 ? text.length() : lineEnd + 1;
    return text.substring(0, begin) + text.substring(after);
  }

  /**
   * The command line that runs this very takeaways: the same java, the same jar or class path, and
   * {@code main}, the command line's root (given by picocli, so that this class need not know it).
   */
  static String selfCommand(Class<?> main) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String location;
    try {
      location = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (Exception e) {
      location = "";
    }
    if (location.endsWith(".jar") && location.contains("takeaways")) {
      return quote(java) + " -jar " + quote(location);
    }
    return quote(java) + " -cp " + quote(System.getProperty("java.class.path")) + " " + main.getName();
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
