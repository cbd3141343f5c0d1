package dev.takeaways.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One publisher per SQLite file: SQLite has one writer, and two publishers sharing a file would
 * take turns failing on its lock. The publisher of a SQLite store holds an exclusive lock on a file
 * beside it ({@code takeaways.db.publisher.lock}) for as long as it runs; a second one, in this
 * process or another, is refused at start with the reason. Readers ({@code query}, {@code top})
 * take no lock. PostgreSQL stores need none: several publishers share one.
 */
public final class SingleWriter implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private SingleWriter(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the writer's lock of the store at {@code jdbcUrl}: a lock file beside a SQLite file,
   * nothing for other databases.
   *
   * @throws IllegalStateException when another publisher holds it
   */
  public static AutoCloseable acquire(String jdbcUrl) {
    Path db = sqliteFile(jdbcUrl);
    if (db == null) {
      return () -> {};
    }
    Path lockFile = db.resolveSibling(db.getFileName() + ".publisher.lock");
    try {
      Files.createDirectories(lockFile.toAbsolutePath().getParent());
      FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException inThisProcess) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new IllegalStateException("the SQLite store " + db + " already has a publisher (it holds " + lockFile
            + "): SQLite has one writer, so run one publisher per file, or several on PostgreSQL (--store jdbc:postgresql://...)");
      }
      return new SingleWriter(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lockFile + " for the publisher of " + db, e);
    }
  }

  /** The file of a {@code jdbc:sqlite:} URL, or null for another database or an in-memory one. */
  static Path sqliteFile(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
      return null;
    }
    String file = jdbcUrl.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    if (query >= 0) {
      file = file.substring(0, query);
    }
    if (file.startsWith("file:")) {
      file = file.substring("file:".length());
    }
    return file.isEmpty() || file.equals(":memory:") ? null : Path.of(file).toAbsolutePath();
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
