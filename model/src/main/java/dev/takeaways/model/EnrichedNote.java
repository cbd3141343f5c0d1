package dev.takeaways.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What enrich makes of a note: the value of a {@code notes.enriched} record, keyed by {@link
 * #id()}, and exactly what {@code takeaways parse --json} prints.
 *
 * @param schema the schema the record was written in: {@link #SCHEMA}, or {@code notes.enriched/v1}
 *     for a record read from before v2
 * @param id the note id
 * @param path where the note came from
 * @param title the title (front matter, else first heading, else file name)
 * @param created the note's date as an ISO-8601 date, or null when it has none
 * @param contentHash SHA-256 of the raw text the note was made from
 * @param ingestedAt epoch milliseconds when the source read it (for end-to-end latency)
 * @param sessions the talks and breakouts the note covers, in order
 * @param takeaways the takeaways, in document order
 * @param keywords the note's own tags or categories, as its front matter writes them
 * @param tags tools and practices of the note as a whole: found in its title, its keywords and its
 *     headings; each evidence span is within the title, keyword or heading it was found in
 * @param warnings problems that did not stop processing, for people to read
 */
public record EnrichedNote(
    String schema,
    String id,
    String path,
    String title,
    String created,
    String contentHash,
    long ingestedAt,
    List<Session> sessions,
    List<Takeaway> takeaways,
    List<String> keywords,
    List<Tag> tags,
    List<String> warnings) {

  /** The schema enrich writes; records of {@code notes.enriched/v1} are read too (see {@code EnrichedNoteJson}). */
  public static final String SCHEMA = EnrichedNoteJson.V2;

  public EnrichedNote {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    sessions = List.copyOf(sessions);
    takeaways = List.copyOf(takeaways);
    keywords = List.copyOf(keywords);
    tags = List.copyOf(tags);
    warnings = List.copyOf(warnings);
  }

  /** Distinct tag ids of the given type ({@code tool} or {@code practice}): the note's and its takeaways'. */
  public long distinctTags(String type) {
    // One loop without streams: the publisher logs these counts for every note it stores.
    Set<String> ids = new HashSet<>();
    addOfType(tags, type, ids);
    for (Takeaway t : takeaways) {
      addOfType(t.tags(), type, ids);
    }
    return ids.size();
  }

  private static void addOfType(List<Tag> tags, String type, Set<String> ids) {
    for (Tag tag : tags) {
      String id = tag.id();
      if (id.length() > type.length() && id.charAt(type.length()) == ':' && id.startsWith(type)) {
        ids.add(id);
      }
    }
  }
}
