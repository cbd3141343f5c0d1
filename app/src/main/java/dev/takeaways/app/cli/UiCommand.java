package dev.takeaways.app.cli;

import dev.takeaways.publish.JdbcNoteStore;
import dev.takeaways.ui.UiServer;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The web page alone, over any store. */
@Command(
    name = "ui",
    mixinStandardHelpOptions = true,
    description = "Serves the read-only web page over a store (SQLite or PostgreSQL) until stopped: what the notes say,"
        + " search, each note with its tags' evidence; it follows the store live.")
public final class UiCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(UiCommand.class);

  @Mixin DataOptions data;
  @Mixin StoreOptions store;
  @Mixin UiOptions ui;

  @Override
  public Integer call() throws Exception {
    String url = store.storeUrl(data.dataDir());
    // Made or brought up to date first, so that an empty or older store answers too.
    JdbcNoteStore.open(url, Clock.systemUTC()).close();
    Shutdown shutdown = Shutdown.install();
    UiServer server = ui.start(url);
    if (server == null) {
      LOG.error("takeaways ui: --ui-port -1 leaves nothing to serve");
      return ExitCodes.USAGE;
    }
    shutdown.add(server);
    LOG.info("takeaways ui is ready: page {} | store {}", server.url(), StoreOptions.printable(url));
    shutdown.await();
    return ExitCodes.OK;
  }
}
