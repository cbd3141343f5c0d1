package dev.takeaways.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher's walk of its folder survives files that vanish while it walks (an editor's or a
 * writer's temporary file renamed away): {@code Files.walk} throws there, and it stopped the watch
 * when 10,000 notes were dropped at once (an event overflow makes the watcher walk the folder).
 */
class FolderWalkTest {
  @TempDir Path dir;

  @Test
  void filesRenamedAwayDuringTheWalkAreLeftOutNotFatal() throws Exception {
    for (int i = 0; i < 200; i++) {
      Files.writeString(dir.resolve("note-" + i + ".md"), "x");
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread writer = new Thread(() -> {
      try {
        for (int i = 0; writing.get(); i++) {
          Path tmp = dir.resolve(".w" + (i % 50) + ".tmp");
          Files.writeString(tmp, "y");
          Files.move(tmp, dir.resolve("moved-" + (i % 50) + ".md"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    try {
      for (int round = 0; round < 300; round++) {
        List<Path> seen = NoteFiles.walk(dir);
        assertThat(seen).contains(dir, dir.resolve("note-0.md"), dir.resolve("note-199.md"));
      }
    } finally {
      writing.set(false);
      writer.join();
    }
  }
}
