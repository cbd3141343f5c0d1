package dev.takeaways.ingest.git;

import dev.takeaways.ingest.NoteIngestor;
import dev.takeaways.ingest.NoteSink;
import dev.takeaways.model.RawNote;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends what commits did to notes: added and modified notes as their committed content, deleted ones
 * as tombstones, a rename as both. Note ids are paths relative to the repository's root. When Kafka
 * cannot be reached, what is left goes to the outbox, in order, and is sent first next time.
 */
public final class GitPusher {
  private static final List<String> EXTENSIONS = List.of(".md", ".markdown", ".txt");

  private final Git git;
  private final NoteIngestor ingestor;
  private final Outbox outbox;

  /**
   * What a run did.
   *
   * @param sent records produced
   * @param rejected notes refused by validation, with the reasons
   * @param queued records left in the outbox because Kafka could not be reached
   */
  public record Result(int sent, List<String> rejected, int queued) {
    Result plus(Result other) {
      List<String> all = new ArrayList<>(rejected);
      all.addAll(other.rejected());
      return new Result(sent + other.sent(), all, queued + other.queued());
    }
  }

  public GitPusher(Git git, NoteIngestor ingestor, Outbox outbox) {
    this.git = git;
    this.ingestor = ingestor;
    this.outbox = outbox;
  }

  /** The outbox of the repository: {@code .git/takeaways/outbox.jsonl}. */
  public static Outbox outboxOf(Git git) throws IOException {
    return new Outbox(git.gitPath("takeaways/outbox.jsonl"));
  }

  /**
   * Sends the outbox, then the notes changed by the commits {@code git rev-list REVS} lists, oldest
   * first: {@code HEAD~3..HEAD}; {@code HEAD} alone is the whole history, a first import.
   */
  public Result push(List<String> revs) throws IOException {
    return push(revs, (done, total) -> {});
  }

  /** Told after each commit is sent: how many of how many. */
  public interface Progress {
    void commitSent(int done, int total);
  }

  /**
   * As {@link #push(List)}, commit by commit, so that a whole history never sits in memory. If Kafka
   * goes away part way, the rest of the commits' notes go to the outbox behind what is there.
   */
  public Result push(List<String> revs, Progress progress) throws IOException {
    List<String> commits = git.commits(revs);
    Result total = flush();
    for (int i = 0; i < commits.size(); i++) {
      if (total.queued() > 0) {
        // Kafka is unreachable: queue the rest, in order, behind what waits already.
        List<Outbox.Op> rest = new ArrayList<>();
        for (String commit : commits.subList(i, commits.size())) {
          rest.addAll(opsOf(commit));
        }
        outbox.append(rest);
        return new Result(total.sent(), total.rejected(), total.queued() + rest.size());
      }
      total = total.plus(send(opsOf(commits.get(i)), false));
      progress.commitSent(i + 1, commits.size());
    }
    return total;
  }

  /** The commit a post-commit hook runs after: HEAD alone. */
  public Result pushHead() throws IOException {
    return push(List.of("--max-count=1", "HEAD"));
  }

  /**
   * For a post-receive hook on a central repository: {@code lines} are what git gives it on
   * standard input, {@code <old> <new> <ref>} per updated ref. An update sends {@code old..new}; a
   * new branch sends its commits that no other branch has; a deleted branch sends nothing (its
   * commits, and the notes they made, are still in history).
   */
  public Result pushReceived(List<String> lines) throws IOException {
    Result total = new Result(0, List.of(), 0);
    for (String line : lines) {
      String[] f = line.strip().split("\\s+");
      if (f.length != 3 || f[1].matches("0+")) {
        continue;
      }
      List<String> revs = new ArrayList<>();
      if (f[0].matches("0+")) {
        revs.add(f[1]);
        List<String> others = git.branchTipsExcept(f[2]);
        if (!others.isEmpty()) {
          revs.add("--not");
          revs.addAll(others);
        }
      } else {
        revs.add(f[0] + ".." + f[1]);
      }
      total = total.plus(push(revs));
    }
    return total;
  }

  /** Sends what waits in the outbox, in order; what cannot be sent stays there. */
  public Result flush() throws IOException {
    List<Outbox.Op> ops = outbox.read();
    if (ops.isEmpty()) {
      return new Result(0, List.of(), 0);
    }
    // The outbox is rewritten only after its records are sent: a crash part way sends some twice
    // (the same records: idempotent downstream), never none.
    return send(ops, true);
  }

  /** The operations that {@code commit} makes on notes. */
  List<Outbox.Op> opsOf(String commit) throws IOException {
    String source = git.describe(commit) + " in " + git.root();
    List<Outbox.Op> ops = new ArrayList<>();
    for (Git.Change change : git.changes(commit)) {
      if (change.oldPath() != null && isNote(change.oldPath()) && change.status() == 'R') {
        ops.add(Outbox.Op.delete(change.oldPath(), change.oldPath(), source));
      }
      if (!isNote(change.path())) {
        continue;
      }
      if (change.status() == 'D') {
        ops.add(Outbox.Op.delete(change.path(), change.path(), source));
      } else {
        ops.add(Outbox.Op.put(change.path(), change.path(), source, git.show(commit, change.path())));
      }
    }
    return ops;
  }

  private static boolean isNote(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  /**
   * Sends {@code ops} in order. From the first that Kafka does not take, they wait in the outbox:
   * as all of it when they came from there, behind what waits otherwise.
   */
  private Result send(List<Outbox.Op> ops, boolean fromOutbox) throws IOException {
    int sent = 0;
    List<String> rejected = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      Outbox.Op op = ops.get(i);
      try {
        if (op.op().equals("delete")) {
          ingestor.delete(op.id());
          sent++;
        } else {
          NoteIngestor.Outcome outcome =
              ingestor.ingest(op.id(), op.path(), new RawNote.Source(RawNote.Source.GIT, op.source()), op.content());
          if (outcome instanceof NoteIngestor.Outcome.Rejected r) {
            rejected.add(r.detail());
          } else {
            sent++;
          }
        }
      } catch (NoteSink.SinkException e) {
        List<Outbox.Op> left = ops.subList(i, ops.size());
        if (fromOutbox) {
          outbox.replace(left);
        } else {
          outbox.append(left);
        }
        return new Result(sent, rejected, left.size());
      }
    }
    if (fromOutbox) {
      outbox.replace(List.of());
    }
    return new Result(sent, rejected, 0);
  }
}
