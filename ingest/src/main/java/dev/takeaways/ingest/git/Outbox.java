package dev.takeaways.ingest.git;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes a git hook could not send, in order, one JSON line each, kept under {@code .git/} until the
 * next hook run or {@code takeaways push --flush} sends them. Rewritten atomically.
 */
public final class Outbox {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  /**
   * One operation on {@code notes.raw}.
   *
   * @param op {@code put} or {@code delete}
   * @param content the note's bytes for a put, else null
   */
  public record Op(String op, String id, String path, String source, byte[] content) {
    static Op put(String id, String path, String source, byte[] content) {
      return new Op("put", id, path, source, content);
    }

    static Op delete(String id, String path, String source) {
      return new Op("delete", id, path, source, null);
    }
  }

  public Outbox(Path file) {
    this.file = file;
  }

  public List<Op> read() throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<Op> ops = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        ops.add(JSON.readValue(line, Op.class));
      }
    }
    return ops;
  }

  /** Adds {@code ops} after what is already waiting. */
  public void append(List<Op> ops) throws IOException {
    List<Op> all = new ArrayList<>(read());
    all.addAll(ops);
    replace(all);
  }

  /** Keeps exactly {@code ops}; an empty outbox is no file. */
  public void replace(List<Op> ops) throws IOException {
    if (ops.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    Files.createDirectories(file.getParent());
    StringBuilder text = new StringBuilder();
    for (Op op : ops) {
      text.append(JSON.writeValueAsString(op)).append('\n');
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
