package dev.takeaways.model;

import java.util.Objects;

/**
 * A note as a source saw it: the value of a {@code notes.raw} record, keyed by {@link #id()}.
 * A deleted note is a tombstone (a null value), never a {@code RawNote}.
 *
 * @param schema always {@link #SCHEMA}
 * @param id stable note id (see {@link NoteIds})
 * @param path the path the note came from, relative to the watched root or repository, or a label
 *     such as {@code stdin}
 * @param source which source produced it
 * @param contentHash SHA-256 of {@link #content()}, hex
 * @param content the note's text
 * @param ingestedAt epoch milliseconds when the source read it
 */
public record RawNote(
    String schema,
    String id,
    String path,
    Source source,
    String contentHash,
    String content,
    long ingestedAt) {

  public static final String SCHEMA = "notes.raw/v1";

  public RawNote {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(content, "content");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
  }

  /** A note read now from {@code path}, hashing its content. */
  public static RawNote of(String id, String path, Source source, String content, long ingestedAt) {
    return new RawNote(SCHEMA, id, path, source, Hashes.sha256(content), content, ingestedAt);
  }

  /** Where a note came from. */
  public record Source(String kind, String detail) {
    public static final String FOLDER = "folder";
    public static final String CLI = "cli";
    public static final String GIT = "git";
    public static final String HTTP = "http";

    public Source {
      Objects.requireNonNull(kind, "kind");
    }
  }
}
