package dev.takeaways.ingest;

import java.time.Duration;

/** Every case of {@link FolderWatcherTest}, with the watch polling instead of following events. */
class PolledFolderWatcherTest extends FolderWatcherTest {
  PolledFolderWatcherTest() {
    settings = new FolderWatcher.Settings(Duration.ofMillis(50), Duration.ofMillis(100), FolderWatcher.DEFAULT_GLOBS);
  }
}
