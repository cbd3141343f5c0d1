package dev.takeaways.app.cli;

import dev.takeaways.publish.JdbcNoteStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The store: {@code --store}, then {@code TAKEAWAYS_STORE}, then SQLite in the data folder. */
public final class StoreOptions {
  @Option(
      names = "--store",
      paramLabel = "JDBC_URL",
      description = "The store (env TAKEAWAYS_STORE; default: SQLite at DATA/takeaways.db), e.g. jdbc:postgresql://127.0.0.1:5432/takeaways?user=postgres")
  String store;

  public String storeUrl(Path dataDir) {
    if (store != null) {
      return store;
    }
    String env = Env.value("TAKEAWAYS_STORE");
    return env == null ? JdbcNoteStore.sqliteUrl(dataDir.resolve("takeaways.db")) : env;
  }

  /** The store's URL for a log line: a SQLite file as its path, a password as {@code ***}. */
  static String printable(String jdbcUrl) {
    return jdbcUrl.replaceFirst("^jdbc:sqlite:", "").replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
