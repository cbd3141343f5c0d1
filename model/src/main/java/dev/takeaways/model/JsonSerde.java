package dev.takeaways.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One JSON serde for every record type. A null value is a tombstone both ways. Unknown fields are
 * ignored so that a newer producer does not break an older consumer. Thread-safe.
 */
public final class JsonSerde<T> implements Serde<T> {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(SerializationFeature.INDENT_OUTPUT, false)
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .registerModule(EnrichedNoteJson.module());

  private final Class<T> type;

  public JsonSerde(Class<T> type) {
    this.type = type;
  }

  /** The shared mapper, for callers that print records (such as {@code parse --json}). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public byte[] toBytes(T value) {
    if (value == null) {
      return null;
    }
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public T fromBytes(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return MAPPER.readValue(bytes, type);
    } catch (IOException e) {
      throw new SerializationException("not a valid " + type.getSimpleName() + " record", e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> toBytes(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> fromBytes(bytes);
  }
}
