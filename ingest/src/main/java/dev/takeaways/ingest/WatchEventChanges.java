package dev.takeaways.ingest;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The file system's change events, one registration per folder of the tree (hidden ones aside). */
final class WatchEventChanges implements FolderChanges {
  private final NoteFiles files;
  private final WatchService service;
  private final Map<WatchKey, Path> keys = new HashMap<>();

  WatchEventChanges(NoteFiles files) throws IOException {
    this.files = files;
    this.service = FileSystems.getDefault().newWatchService();
  }

  @Override
  public void follow() throws IOException {
    register(files.root());
  }

  @Override
  public void next(long millis, Sink sink) throws IOException, InterruptedException {
    WatchKey key = service.poll(millis, TimeUnit.MILLISECONDS);
    while (key != null) {
      handle(key, sink);
      key = service.poll();
    }
  }

  private void handle(WatchKey key, Sink sink) throws IOException {
    Path dir = keys.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        sink.everythingUnder(files.root());
        continue;
      }
      Path path = dir.resolve((Path) event.context());
      if (files.isHidden(path)) {
        continue;
      }
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        // A folder created or moved in: watch it and take the files already inside.
        register(path);
        sink.everythingUnder(path);
      } else if (event.kind() == ENTRY_DELETE) {
        sink.removed(path);
      } else if (files.isNoteName(path)) {
        sink.file(path);
      }
    }
    if (!key.reset()) {
      keys.remove(key);
    }
  }

  private void register(Path dir) throws IOException {
    for (Path d : NoteFiles.walk(dir)) {
      if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) && !files.isHidden(d)) {
        try {
          keys.put(d.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), d);
        } catch (NoSuchFileException gone) {
          // Removed since the walk saw it.
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}
