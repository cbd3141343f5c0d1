package dev.takeaways.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How a {@link FolderWatcher} learns what may have changed under its folder: the file system's change
 * events ({@link WatchEventChanges}) or a look at every note's size and modification time at an
 * interval ({@link PolledChanges}). Either only says where to look; the watcher reads the files,
 * waits for them to settle and decides what to send.
 */
interface FolderChanges extends AutoCloseable {
  /** Where to look. */
  interface Sink {
    /** A note file may have been created or changed. */
    void file(Path path);

    /** A file or a whole folder went away: every note under it may be gone. */
    void removed(Path path);

    /** Anything under {@code dir} may have changed (a folder moved in; events were lost). */
    void everythingUnder(Path dir);
  }

  /** Starts following the folder; again after the folder was gone and came back. */
  void follow() throws IOException;

  /**
   * Waits at most {@code millis} for changes and tells {@code sink} where they are.
   *
   * @throws java.nio.file.ClosedWatchServiceException when closed while waiting
   */
  void next(long millis, Sink sink) throws IOException, InterruptedException;

  @Override
  void close() throws IOException;
}
