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

/**
 * A command that sends notes once and exits ({@code push}, the git hooks): an ingestor over a Kafka
 * sink with a short timeout, rejections reported to the person rather than dead-lettered.
 */
final class OneOffSend {
  private OneOffSend() {}

  interface Action<T> {
    T apply(NoteIngestor ingestor) throws IOException;
  }

  static <T> T withIngestor(KafkaOptions kafka, long timeoutSeconds, Action<T> action) throws IOException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (KafkaNoteSink sink = new KafkaNoteSink(kafka.clientConfig(), Duration.ofSeconds(timeoutSeconds), registry)) {
      return action.apply(
          new NoteIngestor(
              new NoteValidator(Topics.MAX_NOTE_BYTES), sink, registry, new AssertionChecker(registry, IngestContract.ALL), Clock.systemUTC(), false));
    }
  }

  interface GitAction {
    GitPusher.Result apply(GitPusher pusher) throws IOException;
  }

  /** A repository's note changes, for {@code push --git}, {@code push --flush} and the hooks. */
  static GitPusher.Result withPusher(Git git, KafkaOptions kafka, long timeoutSeconds, GitAction action) throws IOException {
    // A hook prints one line, not the Kafka client's connection warnings.
    Configurator.setLevel("org.apache.kafka", Level.ERROR);
    return withIngestor(kafka, timeoutSeconds, ingestor -> action.apply(new GitPusher(git, ingestor, GitPusher.outboxOf(git))));
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
