package dev.takeaways.ingest;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * The free-space watermark of the data folder, as trusted systems have one (Elasticsearch's
 * flood stage): under it, ingest takes no new notes, so that the broker and the store never meet a
 * full disk; over it again, everything resumes by itself.
 */
public final class DiskSpace {
  /** The space kept free by default, in MiB: {@code TAKEAWAYS_MIN_FREE_MB} sets another. */
  public static final long DEFAULT_MIN_FREE_MB = 256;

  private final String where;
  private final long minFreeBytes;
  private final LongSupplier freeBytes;

  /** @param freeBytes the usable space now, in bytes */
  public DiskSpace(String where, long minFreeBytes, LongSupplier freeBytes) {
    this.where = where;
    this.minFreeBytes = minFreeBytes;
    this.freeBytes = freeBytes;
  }

  /** The watermark of the file system {@code dir} is on, at {@code TAKEAWAYS_MIN_FREE_MB} or the default. */
  public static DiskSpace of(Path dir) {
    String setting = System.getenv("TAKEAWAYS_MIN_FREE_MB");
    long mb = setting == null || setting.isBlank() ? DEFAULT_MIN_FREE_MB : Long.parseLong(setting.strip());
    FileStore store;
    try {
      store = Files.getFileStore(dir); // found once: finding it reads the mount table
    } catch (IOException e) {
      store = null;
    }
    FileStore found = store;
    return new DiskSpace(dir.toString(), mb << 20, () -> {
      try {
        return found == null ? Long.MAX_VALUE : found.getUsableSpace();
      } catch (IOException e) {
        return Long.MAX_VALUE; // unknown: do not stop on a guess
      }
    });
  }

  /** Whether the free space is under the watermark. */
  public boolean low() {
    return freeBytes.getAsLong() < minFreeBytes;
  }

  /** Why ingest waits, for people: the free space and the watermark. */
  public String why() {
    return "only " + (freeBytes.getAsLong() >> 20) + " MiB free on " + where + ", under the " + (minFreeBytes >> 20)
        + " MiB kept free (TAKEAWAYS_MIN_FREE_MB)";
  }
}
