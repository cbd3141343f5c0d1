package dev.takeaways.app.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.Option;

/** The metrics endpoint: 127.0.0.1:9464 unless told otherwise. */
public final class MetricsOptions {
  @Option(names = "--metrics-port", paramLabel = "PORT", description = "Port of /metrics, /health and /assertions; -1 for none (default ${DEFAULT-VALUE}).")
  int port = 9464;

  @Option(names = "--metrics-host", paramLabel = "HOST", description = "Address the metrics endpoint binds to (default ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  /** The address, or null when disabled. */
  public InetSocketAddress address() {
    return port < 0 ? null : new InetSocketAddress(host, port);
  }
}
