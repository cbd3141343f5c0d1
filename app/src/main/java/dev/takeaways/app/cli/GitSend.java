package dev.takeaways.app.cli;

import dev.takeaways.ingest.IngestContract;
import dev.takeaways.ingest.KafkaNoteSink;
import dev.takeaways.ingest.NoteIngestor;
import dev.takeaways.ingest.NoteValidator;
import dev.takeaways.ingest.git.Git;
import dev.takeaways.ingest.git.GitPusher;
import dev.takeaways.metrics.AssertionChecker;
import dev.takeaways.model.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Sending a repository's note changes, for {@code push --git}, {@code push --flush} and the hooks. */
final class GitSend {
  private GitSend() {}

  interface Action {
    GitPusher.Result apply(GitPusher pusher) throws IOException;
  }

  static GitPusher.Result withPusher(Git git, KafkaOptions kafka, long timeoutSeconds, Action action) throws IOException {
    // A hook prints one line, not the Kafka client's connection warnings.
    Configurator.setLevel("org.apache.kafka", Level.ERROR);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (KafkaNoteSink sink = new KafkaNoteSink(kafka.clientConfig(), Duration.ofSeconds(timeoutSeconds), registry)) {
      NoteIngestor ingestor =
          new NoteIngestor(
              new NoteValidator(Topics.MAX_NOTE_BYTES), sink, registry, new AssertionChecker(registry, IngestContract.ALL), Clock.systemUTC(), false);
      return action.apply(new GitPusher(git, ingestor, GitPusher.outboxOf(git)));
    }
  }

  /** One line: what was sent, or why notes wait in the outbox; one more per rejected note. */
  static void report(GitPusher.Result result, String who, PrintWriter out, PrintWriter err) {
    result.rejected().forEach(detail -> err.println(who + ": rejected " + detail));
    if (result.queued() > 0) {
      err.println(who + ": Kafka unreachable; " + result.queued() + " note records wait in the outbox, sent on the next run or by 'takeaways push --flush'");
    } else {
      out.println(who + ": sent " + result.sent() + " note records");
    }
  }
}
