package dev.takeaways.ingest;

import dev.takeaways.metrics.AssertionChecker;
import dev.takeaways.metrics.ComponentCounters;
import dev.takeaways.metrics.MetricNames;
import dev.takeaways.metrics.Stage;
import dev.takeaways.model.DeadLetter;
import dev.takeaways.model.NoteIds;
import dev.takeaways.model.RawNote;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way every source turns bytes into a {@code notes.raw} record: validate, send, count.
 * Rejected notes are logged at WARN with their path and reason, counted, and dead-lettered.
 */
public final class NoteIngestor {
  private static final Logger LOG = LoggerFactory.getLogger(NoteIngestor.class);

  private final NoteValidator validator;
  private final NoteSink sink;
  private final MeterRegistry registry;
  private final AssertionChecker checker;
  private final Clock clock;
  private final boolean deadLetterRejects;
  private final ComponentCounters components;
  private final Timer duration;

  /**
   * @param deadLetterRejects whether rejected notes also go to {@code notes.dead-letter}: yes for
   *     unattended sources (the folder watch), no where a person sees the rejection at once ({@code
   *     push})
   */
  public NoteIngestor(
      NoteValidator validator, NoteSink sink, MeterRegistry registry, AssertionChecker checker, Clock clock, boolean deadLetterRejects) {
    this.deadLetterRejects = deadLetterRejects;
    this.validator = validator;
    this.sink = sink;
    this.registry = registry;
    this.checker = checker;
    this.clock = clock;
    this.components = new ComponentCounters(registry, Stage.INGEST);
    this.duration = Timer.builder(MetricNames.INGEST_DURATION)
        .description("Time to validate one note and have Kafka acknowledge it").register(registry);
    count("sent", MetricNames.NONE, 0);
    count("deleted", MetricNames.NONE, 0);
  }

  /** What became of a note. */
  public sealed interface Outcome {
    Outcome SENT = new Sent();

    /** Sent to Kafka. */
    record Sent() implements Outcome {}

    /** Not sent: {@code reason} is the validator's code, {@code detail} names the note and the reason. */
    record Rejected(String reason, String detail) implements Outcome {}
  }

  /** A note on its way to Kafka. */
  @FunctionalInterface
  public interface Ingesting {
    /** Waits until Kafka acknowledged the note and counts it; returns what happened. */
    Outcome finish() throws NoteSink.SinkException;
  }

  /** Validates and sends one note; returns what happened once Kafka acknowledged it. */
  public Outcome ingest(String id, String path, RawNote.Source source, byte[] bytes) throws NoteSink.SinkException {
    return begin(id, path, source, bytes).finish();
  }

  /**
   * Validates one note and starts sending it, without waiting for Kafka: notes begun one after
   * another are in flight together, and become durable in that order. A rejected note is done at once
   * (its dead letter is written before this returns).
   */
  public Ingesting begin(String id, String path, RawNote.Source source, byte[] bytes) throws NoteSink.SinkException {
    components.received(bytes.length);
    long start = System.nanoTime();
    String badId = NoteIds.problem(id);
    if (badId != null) {
      // Not dead-lettered: the id would be the record's key, and it is the problem.
      LOG.warn("rejected a note from {}: {}", source.kind(), badId);
      components.discarded(false);
      count("rejected", "bad-id", 1);
      Outcome rejected = new Outcome.Rejected("bad-id", badId);
      return () -> rejected;
    }
    NoteValidator.Verdict verdict = validator.validate(path, bytes);
    checker.check(IngestContract.NOTE_IS_VALID_TEXT, verdict instanceof NoteValidator.Valid,
        () -> ((NoteValidator.Invalid) verdict).detail());
    if (verdict instanceof NoteValidator.Invalid invalid) {
      rejectReceived(id, path, invalid.reason(), invalid.detail());
      Outcome rejected = new Outcome.Rejected(invalid.reason(), invalid.detail());
      return () -> rejected;
    }
    String text = ((NoteValidator.Valid) verdict).text();
    NoteSink.Write write = sink.sendLater(RawNote.of(id, path, source, text, clock.millis()));
    return () -> {
      try {
        write.await();
      } catch (NoteSink.SinkException e) {
        components.error("send-failed");
        throw e;
      }
      checker.check(IngestContract.SEND_ACKNOWLEDGED, true, () -> "");
      duration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      components.sent(bytes.length);
      count("sent", MetricNames.NONE, 1);
      LOG.debug("sent {} as {}", path, id);
      return Outcome.SENT;
    };
  }

  /**
   * Rejects a note of {@code size} bytes before it is read when that is over the limit: a source asks
   * this before reading a file, so that an enormous file is never held in memory.
   *
   * @return whether the note was rejected
   */
  public boolean rejectedBySize(String id, String path, long size) throws NoteSink.SinkException {
    if (!validator.tooLarge(size)) {
      return false;
    }
    reject(id, path, "too-large", id + ": " + size + " bytes is over the size limit");
    return true;
  }

  /** Rejects a note that cannot be read at all (too large, unreadable). */
  public void reject(String id, String path, String reason, String detail) throws NoteSink.SinkException {
    components.received(0);
    rejectReceived(id, path, reason, detail);
  }

  private void rejectReceived(String id, String path, String reason, String detail) throws NoteSink.SinkException {
    LOG.warn("rejected {}", detail);
    components.discarded(false);
    if (deadLetterRejects) {
      sink.deadLetter(DeadLetter.of(id, path, "ingest", reason, detail, clock.millis()));
    }
    count("rejected", reason, 1);
  }

  /** Sends the tombstone of a deleted note. */
  public void delete(String id) throws NoteSink.SinkException {
    components.received(0);
    sink.delete(id);
    components.sent(0);
    count("deleted", MetricNames.NONE, 1);
    LOG.debug("sent deletion of {}", id);
  }

  /** Counts a path with a note's name that is no file to read ({@code not-a-file}, {@code dangling-link}). */
  public void skipped(String reason) {
    count("skipped", reason, 1);
  }

  /** Counts a note that needed no sending because it has not changed. */
  public void unchanged() {
    components.received(0);
    components.discarded(true);
    count("unchanged", MetricNames.NONE, 1);
  }

  private void count(String outcome, String reason, int n) {
    Counter.builder(MetricNames.INGEST_NOTES)
        .description("Notes seen by ingest, by outcome")
        .tag(MetricNames.OUTCOME, outcome)
        .tag(MetricNames.REASON, reason)
        .register(registry)
        .increment(n);
  }
}
