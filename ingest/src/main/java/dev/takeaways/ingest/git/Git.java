package dev.takeaways.ingest.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The git command line, in one repository. We use the git CLI rather than JGit: hooks run inside the
 * user's own git, so its configuration (core.hooksPath, worktrees, safe.directory) is honoured
 * exactly, and the product needs no second git implementation.
 */
public final class Git {
  private final Path root;

  private Git(Path root) {
    this.root = root;
  }

  /** A failed git command, with what git said. */
  public static final class GitException extends IOException {
    public GitException(String message) {
      super(message);
    }
  }

  /** One file a commit added, modified, deleted or renamed. */
  public record Change(char status, String path, String oldPath) {}

  /** The repository that contains {@code dir}: its work tree, or the repository itself when bare. */
  public static Git at(Path dir) throws IOException {
    boolean bare = "true".equals(new String(run(dir, "rev-parse", "--is-bare-repository"), StandardCharsets.UTF_8).strip());
    String top = new String(run(dir, "rev-parse", bare ? "--absolute-git-dir" : "--show-toplevel"), StandardCharsets.UTF_8).strip();
    return new Git(Path.of(top));
  }

  /** The tips of the branches, but {@code except}. */
  public List<String> branchTipsExcept(String except) throws IOException {
    List<String> tips = new ArrayList<>();
    for (String line : text("for-each-ref", "--format=%(objectname) %(refname)", "refs/heads").split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && !line.substring(space + 1).equals(except)) {
        tips.add(line.substring(0, space));
      }
    }
    return tips;
  }

  public Path root() {
    return root;
  }

  /** A path git keeps for the repository ({@code hooks}, ...), honouring core.hooksPath. */
  public Path gitPath(String name) throws IOException {
    return root.resolve(text("rev-parse", "--git-path", name));
  }

  /** The commits that {@code git rev-list REVS} lists, oldest first. */
  public List<String> commits(List<String> revs) throws IOException {
    List<String> args = new ArrayList<>(List.of("rev-list", "--reverse", "--topo-order"));
    args.addAll(revs);
    String out = text(args.toArray(String[]::new));
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  /** What {@code commit} changed, renames detected; the root commit's files are all added. */
  public List<Change> changes(String commit) throws IOException {
    String[] fields = text("diff-tree", "-r", "-M", "--root", "--no-commit-id", "--name-status", "-z", commit).split("\0");
    List<Change> out = new ArrayList<>();
    for (int i = 0; i + 1 < fields.length; ) {
      String status = fields[i++];
      if (status.isEmpty()) {
        continue;
      }
      char s = status.charAt(0);
      if (s == 'R' || s == 'C') {
        String from = fields[i++];
        String to = fields[i++];
        out.add(new Change(s, to, from));
      } else {
        out.add(new Change(s, fields[i++], null));
      }
    }
    return out;
  }

  /** The content of {@code path} as of {@code commit}. */
  public byte[] show(String commit, String path) throws IOException {
    return run(root, "show", commit + ":" + path);
  }

  /** {@code <hash> by <author> <email>}, for a record's source. */
  public String describe(String commit) throws IOException {
    return text("show", "-s", "--format=%H by %an <%ae>", commit);
  }

  String text(String... args) throws IOException {
    return new String(run(root, args), StandardCharsets.UTF_8).strip();
  }

  private static byte[] run(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    byte[] out = readAll(p.getInputStream());
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new GitException("git " + String.join(" ", args) + ": no answer in 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitException("interrupted");
    }
    if (p.exitValue() != 0) {
      throw new GitException("git " + String.join(" ", args) + ": " + new String(err.join(), StandardCharsets.UTF_8).strip());
    }
    return out;
  }

  private static byte[] readAll(InputStream in) {
    try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
