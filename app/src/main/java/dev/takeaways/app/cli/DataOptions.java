package dev.takeaways.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where state lives: {@code --data}, then {@code TAKEAWAYS_DATA}, then {@code ./data}. */
public final class DataOptions {
  @Option(names = "--data", paramLabel = "DIR", description = "Data folder: broker data, store, checkpoints (env TAKEAWAYS_DATA; default ./data).")
  Path data;

  public Path dataDir() {
    if (data != null) {
      return data;
    }
    String env = Env.value("TAKEAWAYS_DATA");
    return Path.of(env == null ? "data" : env);
  }
}
