package dev.takeaways.model;

import java.util.List;
import java.util.Map;

/** The topics of the pipeline, with their value types and the settings they are created with. */
public final class Topics {
  private Topics() {}

  /** A topic's name, value type and creation settings. */
  public record Topic<V>(String name, Class<V> valueType, boolean compacted) {
    public JsonSerde<V> serde() {
      return new JsonSerde<>(valueType);
    }

    /** Topic-level settings: compaction for the latest-state topics, retention for the rest. */
    public Map<String, String> config() {
      return compacted
          ? Map.of(
              "cleanup.policy", "compact",
              "min.compaction.lag.ms", "0",
              "delete.retention.ms", "86400000",
              "max.message.bytes", String.valueOf(MAX_RECORD_BYTES))
          : Map.of(
              "cleanup.policy", "delete",
              "retention.ms", "2592000000",
              "max.message.bytes", String.valueOf(MAX_RECORD_BYTES));
    }
  }

  public static final Topic<RawNote> NOTES_RAW = new Topic<>("notes.raw", RawNote.class, true);
  public static final Topic<EnrichedNote> NOTES_ENRICHED =
      new Topic<>("notes.enriched", EnrichedNote.class, true);
  public static final Topic<TaggedTakeaway> TAKEAWAYS_TAGGED =
      new Topic<>("takeaways.tagged", TaggedTakeaway.class, true);
  public static final Topic<DeadLetter> DEAD_LETTER =
      new Topic<>("notes.dead-letter", DeadLetter.class, false);

  public static final List<Topic<?>> ALL =
      List.of(NOTES_RAW, NOTES_ENRICHED, TAKEAWAYS_TAGGED, DEAD_LETTER);

  /** The record header on {@code takeaways.tagged} holding the comma-separated tag ids. */
  public static final String HEADER_TAGS = "takeaways.tags";

  /** The record header on {@code takeaways.tagged} holding the note id. */
  public static final String HEADER_NOTE_ID = "takeaways.note-id";

  /** The note size limit unless {@code TAKEAWAYS_MAX_NOTE_BYTES} sets another: 5 MiB. */
  public static final int DEFAULT_MAX_NOTE_BYTES = 5 * 1024 * 1024;

  /**
   * The largest note accepted, in bytes: {@code -Dtakeaways.max-note-bytes}, else the environment
   * variable {@code TAKEAWAYS_MAX_NOTE_BYTES}, else {@link #DEFAULT_MAX_NOTE_BYTES}. Every process
   * of a pipeline must agree on it; the topics' and producers' record sizes follow from it.
   */
  public static final int MAX_NOTE_BYTES =
      maxNoteBytes(System.getProperty("takeaways.max-note-bytes", System.getenv("TAKEAWAYS_MAX_NOTE_BYTES")));

  static int maxNoteBytes(String setting) {
    if (setting == null || setting.isBlank()) {
      return DEFAULT_MAX_NOTE_BYTES;
    }
    int value;
    try {
      value = Integer.parseInt(setting.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TAKEAWAYS_MAX_NOTE_BYTES must be a number of bytes, was " + setting);
    }
    if (value < 1024 || value > 32 * 1024 * 1024) {
      // Records of up to twice that must fit a broker's default request limit (100 MB).
      throw new IllegalArgumentException("TAKEAWAYS_MAX_NOTE_BYTES must be between 1 KiB and 32 MiB, was " + value);
    }
    return value;
  }

  /**
   * The largest record on any topic, and every producer's {@code max.request.size}: a note's JSON
   * (its text escaped, or its takeaways' texts with their tags) is at most about twice the note.
   */
  public static final int MAX_RECORD_BYTES = 2 * MAX_NOTE_BYTES + 1024 * 1024;
}
