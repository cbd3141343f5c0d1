package dev.takeaways.app.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.Option;

/** The note ingest endpoint, {@code POST /notes}: 127.0.0.1:9465 unless told otherwise. */
public final class HttpOptions {
  @Option(names = "--http-port", paramLabel = "PORT", description = "Port of POST /notes, for other services; -1 for none (default ${DEFAULT-VALUE}).")
  int port = 9465;

  @Option(names = "--http-host", paramLabel = "HOST", description = "Address POST /notes binds to (default ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  public InetSocketAddress address() {
    return port < 0 ? null : new InetSocketAddress(host, port);
  }
}
