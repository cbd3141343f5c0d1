package dev.takeaways.app.cli;

import dev.takeaways.ingest.FolderWatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How the folder watch follows its folder: {@code --debounce}, {@code --poll}, {@code --glob}. */
public final class WatchOptions {
  @Option(names = "--debounce", paramLabel = "MILLIS", description = "How long a file must be unchanged before it is read (default ${DEFAULT-VALUE} ms).")
  long debounceMillis = 100;

  @Option(
      names = "--poll",
      paramLabel = "MILLIS",
      description = "Look at the folder every MILLIS ms instead of following change events: for file systems without them (network shares, some container mounts).")
  Long pollMillis;

  @Option(
      names = "--glob",
      paramLabel = "PATTERN",
      description = "Which files are notes; repeat for more (default *.md, *.markdown, *.txt). A pattern with / matches the path in the folder: talks/**.md.")
  List<String> globs = new ArrayList<>();

  public FolderWatcher.Settings settings() {
    return new FolderWatcher.Settings(
        Duration.ofMillis(debounceMillis), pollMillis == null ? null : Duration.ofMillis(pollMillis), globs);
  }
}
