package dev.takeaways.app.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a long-running command cleanly on Ctrl-C (or SIGTERM), also while it is still starting:
 * closes what it started in reverse order, logs one line, and stops logging last so that nothing
 * is lost. Thread-safe.
 */
public final class Shutdown {
  private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);
  private static final AtomicBoolean IN_PROGRESS = new AtomicBoolean();
  private static final Duration GRACE = Duration.ofSeconds(30);

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  private Shutdown() {}

  /** Whether the JVM is shutting down through our hook. */
  public static boolean inProgress() {
    return IN_PROGRESS.get();
  }

  /** Installs the hook; add resources as they start. */
  public static Shutdown install() {
    Shutdown s = new Shutdown();
    Runtime.getRuntime().addShutdownHook(new Thread(s::run, "takeaways-shutdown"));
    return s;
  }

  /** Registers a started resource; it will be closed before the ones registered earlier. */
  public synchronized void add(AutoCloseable resource) {
    resources.add(resource);
  }

  /** Closes everything now (a failed start), last first. */
  public synchronized void closeAll() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.warn("while stopping: {}", e.toString());
      }
    }
    resources.clear();
  }

  private void run() {
    IN_PROGRESS.set(true);
    synchronized (this) {
      if (resources.isEmpty()) {
        // Nothing running (a failed start closed it all already): stop without a word.
        closed.countDown();
        LogManager.shutdown();
        return;
      }
    }
    LOG.info("stopping...");
    // A stop that hangs (a broker waiting for a peer that is gone) must not keep the user waiting:
    // after the grace period, halt. Nothing is lost: that is a crash, which every stage recovers from.
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(GRACE.toMillis());
        LOG.warn("did not stop within {} s; forcing it", GRACE.toSeconds());
        LogManager.shutdown();
        Runtime.getRuntime().halt(ExitCodes.FAILED);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "takeaways-shutdown-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    closeAll();
    watchdog.interrupt();
    LOG.info("stopped cleanly");
    closed.countDown();
    LogManager.shutdown();
  }

  /** Blocks until the hook has closed everything. */
  public void await() throws InterruptedException {
    closed.await();
  }
}
