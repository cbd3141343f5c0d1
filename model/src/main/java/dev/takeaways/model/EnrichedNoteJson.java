package dev.takeaways.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code notes.enriched} record on the wire. Writes schema v2; reads v2 and v1, so that records
 * written before v2 are still read during a transition (both are documented in {@code schemas/}).
 *
 * <p>v2 is v1 without what a note repeats for each of its takeaways (the seed's record: 75 KB in
 * v1, 48 KB in v2):
 *
 * <ul>
 *   <li>session and takeaway ids without the note id they start with ({@code "#48314cce91adb802"} for
 *       {@code "n.md#48314cce91adb802"});
 *   <li>a takeaway's {@code section} only where it differs from the previous takeaway's (the first:
 *       where it is not empty); its {@code position} only where it is not its index;
 *   <li>a tag's evidence flat in the tag ({@code {"id", "start", "end", "rule", "confidence"}}),
 *       with its {@code text} only where it is not the takeaway's text between {@code start} and
 *       {@code end};
 *   <li>no null fields and no empty lists.
 * </ul>
 *
 * Thread-safe.
 */
final class EnrichedNoteJson {
  static final String V2 = "notes.enriched/v2";

  private EnrichedNoteJson() {}

  /** The serializer and deserializer of {@link EnrichedNote}, for the shared mapper. */
  static SimpleModule module() {
    SimpleModule module = new SimpleModule("notes.enriched");
    module.addSerializer(EnrichedNote.class, new Writer());
    module.addDeserializer(EnrichedNote.class, new Reader());
    return module;
  }

  /** v1's reader: the records' own mapping, without this module. */
  private static final ObjectMapper V1_MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final class Writer extends JsonSerializer<EnrichedNote> {
    @Override
    public void serialize(EnrichedNote note, JsonGenerator g, SerializerProvider provider) throws IOException {
      String noteId = note.id();
      g.writeStartObject();
      g.writeStringField("schema", V2);
      g.writeStringField("id", noteId);
      optional(g, "path", note.path());
      g.writeStringField("title", note.title());
      optional(g, "created", note.created());
      optional(g, "contentHash", note.contentHash());
      g.writeNumberField("ingestedAt", note.ingestedAt());
      if (!note.sessions().isEmpty()) {
        g.writeArrayFieldStart("sessions");
        for (Session s : note.sessions()) {
          g.writeStartObject();
          g.writeStringField("id", relative(noteId, s.id()));
          g.writeStringField("title", s.title());
          optional(g, "speaker", s.speaker());
          optional(g, "url", s.url());
          if (!s.section().isEmpty()) {
            g.writeStringField("section", s.section());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (!note.takeaways().isEmpty()) {
        g.writeArrayFieldStart("takeaways");
        String section = "";
        int index = 0;
        for (Takeaway t : note.takeaways()) {
          g.writeStartObject();
          g.writeStringField("id", relative(noteId, t.id()));
          if (t.sessionId() != null) {
            g.writeStringField("sessionId", relative(noteId, t.sessionId()));
          }
          g.writeStringField("kind", t.kind().wireName());
          g.writeStringField("text", t.text());
          if (!t.section().equals(section)) {
            g.writeStringField("section", t.section());
            section = t.section();
          }
          if (t.position() != index) {
            g.writeNumberField("position", t.position());
          }
          tags(g, t.tags(), t.text());
          g.writeEndObject();
          index++;
        }
        g.writeEndArray();
      }
      strings(g, "keywords", note.keywords());
      tags(g, note.tags(), null);
      strings(g, "warnings", note.warnings());
      g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
      if (value != null) {
        g.writeStringField(field, value);
      }
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
      if (!values.isEmpty()) {
        g.writeArrayFieldStart(field);
        for (String v : values) {
          g.writeString(v);
        }
        g.writeEndArray();
      }
    }

    /** The tags, flat; {@code text} the takeaway's text their spans are in, or null (the note's tags: always written). */
    private static void tags(JsonGenerator g, List<Tag> tags, String text) throws IOException {
      if (tags.isEmpty()) {
        return;
      }
      g.writeArrayFieldStart("tags");
      for (Tag tag : tags) {
        Tag.Evidence e = tag.evidence();
        g.writeStartObject();
        g.writeStringField("id", tag.id());
        if (text == null || e.end() > text.length() || !text.regionMatches(e.start(), e.text(), 0, e.text().length())
            || e.end() - e.start() != e.text().length()) {
          g.writeStringField("text", e.text());
        }
        g.writeNumberField("start", e.start());
        g.writeNumberField("end", e.end());
        g.writeStringField("rule", e.rule());
        g.writeNumberField("confidence", e.confidence());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private static String relative(String noteId, String id) {
      return id.length() > noteId.length() && id.startsWith(noteId) && isMark(id.charAt(noteId.length()))
          ? id.substring(noteId.length())
          : id;
    }
  }

  /** Session ids go on with {@code @}, takeaway ids with {@code #}, after the note id. */
  private static boolean isMark(char c) {
    return c == '#' || c == '@';
  }

  private static final class Reader extends JsonDeserializer<EnrichedNote> {
    @Override
    public EnrichedNote deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      JsonNode n = p.readValueAsTree();
      String schema = n.path("schema").asText();
      if (!schema.equals(V2)) {
        return V1_MAPPER.treeToValue(n, EnrichedNote.class); // notes.enriched/v1, or whatever its mapping makes of it
      }
      String noteId = required(n, "id");
      List<Session> sessions = new ArrayList<>();
      for (JsonNode s : n.path("sessions")) {
        sessions.add(new Session(absolute(noteId, required(s, "id")), required(s, "title"), text(s, "speaker"), text(s, "url"),
            s.path("section").asText("")));
      }
      List<Takeaway> takeaways = new ArrayList<>();
      String section = "";
      for (JsonNode t : n.path("takeaways")) {
        String text = required(t, "text");
        section = t.has("section") ? t.get("section").asText() : section;
        String sessionId = text(t, "sessionId");
        takeaways.add(new Takeaway(absolute(noteId, required(t, "id")), sessionId == null ? null : absolute(noteId, sessionId),
            kind(required(t, "kind")), text, section, t.path("position").asInt(takeaways.size()), tags(t.path("tags"), text)));
      }
      return new EnrichedNote(schema, noteId, text(n, "path"), required(n, "title"), text(n, "created"), text(n, "contentHash"),
          n.path("ingestedAt").asLong(), sessions, takeaways, strings(n.path("keywords")), tags(n.path("tags"), null),
          strings(n.path("warnings")));
    }

    private static List<Tag> tags(JsonNode array, String text) throws IOException {
      List<Tag> out = new ArrayList<>(array.size());
      for (JsonNode tag : array) {
        int start = tag.path("start").asInt();
        int end = tag.path("end").asInt();
        String matched = tag.has("text") ? tag.get("text").asText() : null;
        if (matched == null) {
          if (text == null || start < 0 || end < start || end > text.length()) {
            throw new IOException("a tag without its text, and no takeaway text to take it from: " + tag);
          }
          matched = text.substring(start, end);
        }
        out.add(new Tag(required(tag, "id"), new Tag.Evidence(matched, start, end, required(tag, "rule"),
            tag.has("confidence") ? tag.get("confidence").asDouble() : null)));
      }
      return out;
    }

    private static List<String> strings(JsonNode array) {
      List<String> out = new ArrayList<>(array.size());
      array.forEach(v -> out.add(v.asText()));
      return out;
    }

    private static TakeawayKind kind(String wireName) throws IOException {
      for (TakeawayKind k : TakeawayKind.values()) {
        if (k.wireName().equals(wireName)) {
          return k;
        }
      }
      throw new IOException("unknown takeaway kind: " + wireName);
    }

    private static String required(JsonNode n, String field) throws IOException {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        throw new IOException("missing field: " + field);
      }
      return v.asText();
    }

    private static String text(JsonNode n, String field) {
      JsonNode v = n.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }

    private static String absolute(String noteId, String id) {
      return !id.isEmpty() && isMark(id.charAt(0)) ? noteId + id : id;
    }
  }
}
