package dev.takeaways.enrich.topology;

import dev.takeaways.enrich.EnrichContract;
import dev.takeaways.enrich.EnrichResult;
import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.metrics.AssertionChecker;
import dev.takeaways.metrics.MetricNames;
import dev.takeaways.model.DeadLetter;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.JsonSerde;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.Tag;
import dev.takeaways.model.TaggedTakeaway;
import dev.takeaways.model.Takeaway;
import dev.takeaways.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches each note on {@code notes.raw} and forwards the results; keeps, per note, the ids of its
 * current takeaways so that an edit or a deletion tombstones the ones that are gone. A note that
 * cannot be processed is dead-lettered; nothing a note contains stops the stream.
 */
final class EnrichProcessor implements Processor<String, byte[], String, byte[]> {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);
  private static final JsonSerde<RawNote> RAW = Topics.NOTES_RAW.serde();
  private static final JsonSerde<EnrichedNote> ENRICHED = Topics.NOTES_ENRICHED.serde();
  private static final JsonSerde<TaggedTakeaway> TAGGED = Topics.TAKEAWAYS_TAGGED.serde();
  private static final JsonSerde<DeadLetter> DEAD = Topics.DEAD_LETTER.serde();
  /**
   * The largest value enrich forwards: the topics' record limit less room for the key, the headers
   * and the record's framing (a note id and a takeaway id are paths of at most a few KiB).
   */
  static final int MAX_OUTPUT_BYTES = Topics.MAX_RECORD_BYTES - 64 * 1024;

  private final NoteEnricher enricher;
  private final EnrichMetrics metrics;
  private final AssertionChecker checker;
  private final Clock clock;
  private ProcessorContext<String, byte[]> context;
  private KeyValueStore<String, String> takeawayIds;

  EnrichProcessor(NoteEnricher enricher, EnrichMetrics metrics, AssertionChecker checker, Clock clock) {
    this.enricher = enricher;
    this.metrics = metrics;
    this.checker = checker;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.takeawayIds = context.getStateStore(EnrichTopology.TAKEAWAY_IDS_STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    String noteId = record.key();
    long before = metrics.outcomes();
    metrics.components().received(record.value() == null ? 0 : record.value().length);
    handle(record, noteId);
    long outcomes = metrics.outcomes() - before;
    checker.check(EnrichContract.NOTE_ENRICHED_OR_DEAD_LETTERED, outcomes == 1,
        () -> "note " + noteId + " had " + outcomes + " outcomes");
  }

  /** Processes one record, counting exactly one outcome for it: enriched, deleted or dead-lettered. */
  private void handle(Record<String, byte[]> record, String noteId) {
    if (noteId == null || noteId.isBlank()) {
      checker.check(EnrichContract.RECORD_IS_A_NOTE, false, () -> "a record on notes.raw has no key");
      deadLetter(record, "unknown", null, "bad-record", "a record on notes.raw has no note id (key)");
      return;
    }
    if (record.value() == null) {
      checker.check(EnrichContract.RECORD_IS_A_NOTE, true, () -> "");
      delete(record, noteId);
      return;
    }
    RawNote raw;
    try {
      raw = RAW.fromBytes(record.value());
    } catch (SerializationException e) {
      checker.check(EnrichContract.RECORD_IS_A_NOTE, false, () -> "record " + noteId + " is not a notes.raw/v1 note");
      deadLetter(record, noteId, null, "bad-record", noteId + ": the record is not a notes.raw/v1 note: " + rootMessage(e));
      return;
    }
    checker.check(EnrichContract.RECORD_IS_A_NOTE, true, () -> "");
    long start = System.nanoTime();
    EnrichResult result;
    try {
      result = enricher.enrich(raw);
    } catch (RuntimeException | StackOverflowError e) {
      // A bug must not stop the stream for every other note: dead-letter the note and go on. A
      // stack overflow (a recursive library meeting a pathological note) is such a bug: left
      // uncaught it would kill the stream thread, and its replacement would meet the same record.
      LOG.error("enrich failed on {}", raw.path(), e);
      metrics.components().error("internal-error");
      deadLetter(record, noteId, raw.path(), "internal-error", raw.path() + ": enrich failed: " + e);
      return;
    }
    long nanos = System.nanoTime() - start;
    metrics.duration().record(nanos, TimeUnit.NANOSECONDS);
    checker.check(EnrichContract.NOTE_WITHIN_TIME_BOUND, nanos <= EnrichContract.TIME_BOUND.toNanos(),
        () -> raw.path() + " took " + nanos / 1_000_000 + " ms to enrich");
    if (result instanceof EnrichResult.Rejected rejected) {
      LOG.warn("rejected {}: {}", raw.path(), rejected.detail());
      deadLetter(record, noteId, raw.path(), rejected.reason(), rejected.detail());
      return;
    }
    EnrichedNote note = ((EnrichResult.Enriched) result).note();
    checker.check(EnrichContract.TAKEAWAYS_WELL_FORMED, wellFormed(note), () -> "note " + noteId + " has duplicate ids or a bad span");
    byte[] enriched = ENRICHED.toBytes(note);
    if (enriched.length > MAX_OUTPUT_BYTES) {
      int all = note.takeaways().size();
      note = withinLimit(note);
      enriched = ENRICHED.toBytes(note);
      LOG.warn("{}: kept the first {} of {} takeaways; the rest would make its record larger than {} bytes",
          raw.path(), note.takeaways().size(), all, MAX_OUTPUT_BYTES);
    }
    List<byte[]> takeaways = new ArrayList<>(note.takeaways().size());
    int largest = enriched.length;
    for (Takeaway t : note.takeaways()) {
      byte[] bytes = TAGGED.toBytes(TaggedTakeaway.of(note, t));
      takeaways.add(bytes);
      largest = Math.max(largest, bytes.length);
    }
    if (largest > MAX_OUTPUT_BYTES) {
      // Only a takeaway whose own record is over the limit is left here (one paragraph of most of
      // the note, its characters escaped many times over). Kafka would refuse the record, and the
      // stream would meet this note again after every retry: the note goes to the dead letters
      // instead, and the stream goes on.
      LOG.warn("dead-lettered {}: its records would be {} bytes, over {}", raw.path(), largest, MAX_OUTPUT_BYTES);
      deadLetter(record, noteId, raw.path(), "output-too-large", raw.path() + ": " + note.takeaways().size() + " takeaways make a record of "
          + largest + " bytes, over the topics' limit of " + MAX_OUTPUT_BYTES + " bytes");
      return;
    }
    forward(note, enriched, takeaways, record);
    metrics.enriched(note);
    LOG.debug("enriched {}: {} sessions, {} takeaways", raw.path(), note.sessions().size(), note.takeaways().size());
  }

  /**
   * The note with as many of its first takeaways as fit in {@link #MAX_OUTPUT_BYTES}, and a warning
   * saying how many were kept. This is what bounds enrich's output: a note's record is at most the
   * topics' limit whatever the note's shape (a journal of short lines makes a record many times its
   * text), so every note under the size limit is stored, the takeaways past the bound left out and
   * said so, instead of the whole note being dead-lettered. Found by bisection on the record's size.
   */
  static EnrichedNote withinLimit(EnrichedNote note) {
    int all = note.takeaways().size();
    int fits = 0;
    int tooMany = all;
    while (tooMany - fits > 1) {
      int k = (fits + tooMany) >>> 1;
      if (ENRICHED.toBytes(firstTakeaways(note, k, all)).length <= MAX_OUTPUT_BYTES) {
        fits = k;
      } else {
        tooMany = k;
      }
    }
    return firstTakeaways(note, fits, all);
  }

  private static EnrichedNote firstTakeaways(EnrichedNote note, int k, int all) {
    List<String> warnings = new ArrayList<>(note.warnings());
    warnings.add("kept the first " + k + " of " + all + " takeaways: the rest would make the notes.enriched record larger than the"
        + " topics' limit of " + MAX_OUTPUT_BYTES + " bytes");
    return new EnrichedNote(note.schema(), note.id(), note.path(), note.title(), note.created(), note.contentHash(), note.ingestedAt(),
        note.sessions(), note.takeaways().subList(0, k), note.keywords(), note.tags(), warnings);
  }

  private void forward(EnrichedNote note, byte[] enriched, List<byte[]> takeaways, Record<String, byte[]> record) {
    context.forward(record.withValue(enriched).withHeaders(new RecordHeaders()), EnrichTopology.ENRICHED_SINK);
    metrics.components().sent(enriched.length);
    Set<String> current = new LinkedHashSet<>();
    for (int i = 0; i < takeaways.size(); i++) {
      Takeaway t = note.takeaways().get(i);
      current.add(t.id());
      RecordHeaders headers = new RecordHeaders();
      String tags = t.tags().stream().map(Tag::id).collect(Collectors.joining(","));
      headers.add(Topics.HEADER_TAGS, tags.getBytes(StandardCharsets.UTF_8));
      headers.add(Topics.HEADER_NOTE_ID, note.id().getBytes(StandardCharsets.UTF_8));
      context.forward(
          new Record<>(t.id(), takeaways.get(i), record.timestamp(), headers),
          EnrichTopology.TAGGED_SINK);
    }
    for (String gone : previousIds(note.id())) {
      if (!current.contains(gone)) {
        tombstone(gone, note.id(), record.timestamp());
      }
    }
    takeawayIds.put(note.id(), String.join("\n", current));
  }

  private void delete(Record<String, byte[]> record, String noteId) {
    context.forward(record.withValue((byte[]) null).withHeaders(new RecordHeaders()), EnrichTopology.ENRICHED_SINK);
    for (String gone : previousIds(noteId)) {
      tombstone(gone, noteId, record.timestamp());
    }
    takeawayIds.delete(noteId);
    metrics.components().sent(0);
    metrics.outcome("deleted", MetricNames.NONE);
  }

  private void tombstone(String takeawayId, String noteId, long timestamp) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(Topics.HEADER_NOTE_ID, noteId.getBytes(StandardCharsets.UTF_8));
    context.forward(new Record<String, byte[]>(takeawayId, null, timestamp, headers), EnrichTopology.TAGGED_SINK);
  }

  private List<String> previousIds(String noteId) {
    String ids = takeawayIds.get(noteId);
    return ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split("\n"));
  }

  private void deadLetter(Record<String, byte[]> record, String noteId, String path, String reason, String detail) {
    DeadLetter letter = DeadLetter.of(noteId, path, "enrich", reason, detail, clock.millis());
    context.forward(
        new Record<>(noteId, DEAD.toBytes(letter), record.timestamp(), new RecordHeaders()), EnrichTopology.DEAD_LETTER_SINK);
    metrics.components().discarded(false);
    metrics.outcome("dead-lettered", reason);
  }

  private static boolean wellFormed(EnrichedNote note) {
    Set<String> ids = new HashSet<>();
    for (Takeaway t : note.takeaways()) {
      if (!ids.add(t.id())) {
        return false;
      }
      for (Tag tag : t.tags()) {
        if (tag.evidence().end() > t.text().length()) {
          return false;
        }
      }
    }
    return true;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage().lines().findFirst().orElse("");
  }
}
