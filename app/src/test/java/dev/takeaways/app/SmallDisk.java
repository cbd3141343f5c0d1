package dev.takeaways.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs a test can fill to the last byte, where the machine lets the test mount one (root):
 * elsewhere the test is skipped, saying why. Unmounted on close.
 */
final class SmallDisk implements AutoCloseable {
  private final Path root;

  private SmallDisk(Path root) {
    this.root = root;
  }

  /** Mounts a tmpfs of {@code size} (as mount's {@code size=} takes it: {@code 2m}) on {@code dir}, or skips the test. */
  static SmallDisk mount(Path dir, String size) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()) == 0;
    Assumptions.assumeTrue(mounted, "this machine does not let the test mount a small tmpfs (needs root); skipped");
    return new SmallDisk(dir);
  }

  /** Where it is mounted. */
  Path root() {
    return root;
  }

  /** Fills the file system to the last byte with one file; deleting it gives the space back. */
  Path fill() throws IOException {
    Path filler = root.resolve("filler");
    try (OutputStream out = Files.newOutputStream(filler)) {
      byte[] block = new byte[64 * 1024];
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      return filler; // no space left: what the caller wants
    }
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("umount", root.toString());
  }
}
