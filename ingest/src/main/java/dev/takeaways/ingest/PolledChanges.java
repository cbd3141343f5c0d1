package dev.takeaways.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A look at every note's size and modification time each interval, for file systems without change
 * events (network shares, some container mounts): a note whose stamp differs from the last look, or
 * that is new, has changed; one no longer there is removed.
 */
final class PolledChanges implements FolderChanges {
  private final NoteFiles files;
  private final Duration interval;
  private final Clock clock;
  /** Each note's size and modification time at the last look. */
  private Map<Path, List<Long>> stamps = new HashMap<>();
  private long nextLook;

  PolledChanges(NoteFiles files, Duration interval, Clock clock) {
    this.files = files;
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public void follow() {
    nextLook = 0;
  }

  @Override
  public void next(long millis, Sink sink) throws IOException, InterruptedException {
    long wait = Math.min(millis, nextLook - clock.millis());
    if (wait > 0) {
      Thread.sleep(wait);
    }
    if (clock.millis() >= nextLook) {
      look(sink);
      nextLook = clock.millis() + interval.toMillis();
    }
  }

  private void look(Sink sink) throws IOException {
    Map<Path, List<Long>> now = new HashMap<>();
    for (Path f : Files.isDirectory(files.root()) ? NoteFiles.walk(files.root()) : List.<Path>of()) {
      if (!files.isNote(f) || Files.isDirectory(f)) {
        continue;
      }
      BasicFileAttributes attrs = stamp(f);
      if (attrs == null) {
        continue; // deleted while we looked: the next look says
      }
      List<Long> stamp = List.of(attrs.size(), attrs.lastModifiedTime().toMillis());
      now.put(f, stamp);
      if (!stamp.equals(stamps.get(f))) {
        sink.file(f);
      }
    }
    for (Path f : stamps.keySet()) {
      if (!now.containsKey(f)) {
        sink.removed(f);
      }
    }
    stamps = now;
  }

  /** The file's attributes, a link's own when it leads nowhere (the watcher says so, once); null when gone. */
  private static BasicFileAttributes stamp(Path f) {
    try {
      return Files.readAttributes(f, BasicFileAttributes.class);
    } catch (IOException e) {
      try {
        return Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException gone) {
        return null;
      }
    }
  }

  @Override
  public void close() {
    // Nothing held: the watcher's loop ends on its own.
  }
}
