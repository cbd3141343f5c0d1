package dev.takeaways.app.cli;

import dev.takeaways.ui.StoreBrowser;
import dev.takeaways.ui.UiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import picocli.CommandLine.Option;

/** The web page: 127.0.0.1:9480 unless told otherwise. */
public final class UiOptions {
  @Option(names = "--ui-port", paramLabel = "PORT", description = "Port of the web page; -1 for none (default ${DEFAULT-VALUE}).")
  int port = 9480;

  @Option(names = "--ui-host", paramLabel = "HOST", description = "Address the web page binds to (default ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  /** Serves the page over the store at {@code storeUrl}, or returns null with {@code --ui-port -1}. */
  UiServer start(String storeUrl) {
    if (port < 0) {
      return null;
    }
    try {
      return new UiServer(new InetSocketAddress(host, port), new StoreBrowser(storeUrl));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve the web page on " + host + ":" + port + " (" + e.getMessage() + "); choose --ui-port, or -1 for none", e);
    }
  }
}
