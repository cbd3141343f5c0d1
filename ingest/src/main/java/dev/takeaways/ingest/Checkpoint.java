package dev.takeaways.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.takeaways.model.JsonSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What a folder watcher has sent: note id to content hash, kept in a JSON file so that a restart
 * sends only what changed while it was down. Written atomically (write, then rename). Not
 * thread-safe: one watcher owns it.
 */
public final class Checkpoint {
  private final Path file;
  private final Map<String, String> sent;

  private Checkpoint(Path file, Map<String, String> sent) {
    this.file = file;
    // Read by the HTTP server's threads (is an id the folder's?) while the watch writes it.
    this.sent = new ConcurrentSkipListMap<>(sent);
  }

  /** Loads the checkpoint at {@code file}, or starts an empty one when there is none. */
  public static Checkpoint load(Path file) {
    if (!Files.exists(file)) {
      return new Checkpoint(file, new TreeMap<>());
    }
    try {
      Map<String, String> map = JsonSerde.mapper().readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() {});
      return new Checkpoint(file, map);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ingest checkpoint " + file + "; delete it to resend every note", e);
    }
  }

  /** Whether the watch has sent the note {@code noteId} (it is a note of the folder). */
  public boolean has(String noteId) {
    return sent.containsKey(noteId);
  }

  public String hash(String noteId) {
    return sent.get(noteId);
  }

  public Set<String> noteIds() {
    return Set.copyOf(sent.keySet());
  }

  public void put(String noteId, String hash) {
    putAll(Map.of(noteId, hash));
  }

  /**
   * Records several notes with one write of the file: the file holds every note sent, so writing it
   * once per note would cost the watch time in proportion to the folder's size for each note.
   */
  public void putAll(Map<String, String> hashByNoteId) {
    if (!hashByNoteId.isEmpty()) {
      sent.putAll(hashByNoteId);
      save();
    }
  }

  public void remove(String noteId) {
    if (sent.remove(noteId) != null) {
      save();
    }
  }

  private void save() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JsonSerde.mapper().writeValue(tmp.toFile(), sent);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ingest checkpoint " + file, e);
    }
  }
}
