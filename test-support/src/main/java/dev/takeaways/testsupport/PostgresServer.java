package dev.takeaways.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of a test's own, from Debian's package, that the test may stop and start (an
 * outage) without disturbing the shared one of {@link PostgresDatabase}. Run as user {@code
 * postgres} when the tests run as root, since PostgreSQL refuses to run as root.
 */
public final class PostgresServer implements AutoCloseable {
  private final Path bin;
  private final Path data;
  private final int port;

  private PostgresServer(Path bin, Path data, int port) {
    this.bin = bin;
    this.data = data;
    this.port = port;
  }

  /** Creates a cluster under {@code dir} and starts it; skips (fails in CI) without PostgreSQL. */
  public static PostgresServer start(Path dir) throws IOException, InterruptedException {
    Path bin = binaries();
    Path data = Files.createDirectories(dir.resolve("pg"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PostgresServer server = new PostgresServer(bin, data, port);
    if (isRoot()) {
      // postgres must reach its data folder: it gets that folder, and the one it is in, but not the
      // rest of what is in there (a broker may be writing and deleting files there: a recursive
      // chown of the whole folder once failed on a file the broker removed meanwhile).
      run(List.of("chown", "postgres", dir.toString()));
      run(List.of("chown", "-R", "postgres", data.toString()));
    }
    server.asPostgres(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres");
    server.startAgain();
    return server;
  }

  private static Path binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    List<Path> versions = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> s = Files.list(root)) {
        s.filter(p -> Files.isExecutable(p.resolve("bin/initdb"))).forEach(versions::add);
      }
    }
    if (versions.isEmpty()) {
      String why = "no PostgreSQL server binaries under /usr/lib/postgresql (Debian package postgresql; .ci/run installs it)";
      String required = System.getenv(Tools.REQUIRE_ENV);
      Assertions.assertTrue(required == null || required.isBlank(), why);
      Assumptions.abort(why + "; skipped");
    }
    versions.sort(Comparator.comparing(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D.*", ""))));
    return versions.get(versions.size() - 1).resolve("bin");
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** The JDBC URL of its {@code postgres} database. */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  /** Stops the server at once (connections are cut), as an outage would. */
  public void stop() throws IOException, InterruptedException {
    asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
  }

  /** Starts the stopped server again, on the same port and data. */
  public void startAgain() throws IOException, InterruptedException {
    asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", "-p " + port + " -h 127.0.0.1 -k " + data,
        "-l", data.resolve("server.log").toString(), "-w", "start");
  }

  private void asPostgres(String... command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    run(full);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      stop();
    } catch (IOException alreadyStopped) {
      // Stopped by the test; nothing to do.
    }
  }
}
