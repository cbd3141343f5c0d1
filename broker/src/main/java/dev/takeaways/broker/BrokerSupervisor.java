package dev.takeaways.broker;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded broker of one process running through a failure of its disk. When every log
 * directory has failed (a full disk, most often), Kafka halts the whole JVM, and with it ingest, the
 * HTTP endpoints and the metrics that would say what happened. In a process that runs the embedded
 * broker, this catches Kafka's halt and exit instead: the broker is reported down ({@link #isUp()}),
 * the failed broker is shut down, and a new one starts on the same data once {@code room} says there
 * is space again. Nothing acknowledged is lost: the log keeps every record written before the failure
 * (Kafka truncates a partial one on start), and clients reconnect by themselves.
 */
public final class BrokerSupervisor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerSupervisor.class);

  /** Starts a broker on the supervised data; called again for each restart. */
  @FunctionalInterface
  public interface Starter {
    EmbeddedKafkaBroker start() throws IOException;
  }

  private final Starter starter;
  private final BooleanSupplier room;
  private final Duration retry;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Thread keeper;
  private EmbeddedKafkaBroker broker; // guarded by lock
  private boolean failed; // guarded by lock
  private boolean closing; // guarded by lock
  private volatile boolean up;

  private BrokerSupervisor(Starter starter, EmbeddedKafkaBroker first, BooleanSupplier room, Duration retry) {
    this.starter = starter;
    this.broker = first;
    this.room = room;
    this.retry = retry;
    this.up = true;
    this.keeper = new Thread(this::keep, "takeaways-broker-keeper");
    keeper.setDaemon(true);
  }

  /**
   * Starts the broker and supervises it.
   *
   * @param room whether the data folder has room enough to start the broker again
   * @param retry how long to wait between two checks of {@code room} or two failed starts
   */
  public static BrokerSupervisor start(Starter starter, BooleanSupplier room, Duration retry) throws IOException {
    BrokerSupervisor supervisor = new BrokerSupervisor(starter, starter.start(), room, retry);
    Exit.setHaltProcedure(supervisor::fatal);
    Exit.setExitProcedure(supervisor::fatal);
    supervisor.keeper.start();
    return supervisor;
  }

  /** Whether the broker runs: false from its failure until it is back. */
  public boolean isUp() {
    return up;
  }

  /** {@code host:port} for clients; the same across restarts. */
  public String bootstrapServers() {
    lock.lock();
    try {
      return broker.bootstrapServers();
    } finally {
      lock.unlock();
    }
  }

  /** Kafka's halt or exit: the broker cannot go on. Unwinds the Kafka thread that called it. */
  private void fatal(int status, String message) {
    lock.lock();
    try {
      if (closing) {
        return;
      }
      if (!failed) {
        failed = true;
        up = false;
        LOG.error("the embedded Kafka broker failed ({}); it is down and starts again once its data folder has room. Ingest"
            + " waits, nothing is lost", message == null ? "a log directory failed: is the disk full?" : message);
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
    throw new IllegalStateException("the embedded Kafka broker stopped (status " + status + ")");
  }

  private void keep() {
    while (true) {
      EmbeddedKafkaBroker dead;
      lock.lock();
      try {
        while (!failed && !closing) {
          changed.awaitUninterruptibly();
        }
        if (closing) {
          return;
        }
        dead = broker;
      } finally {
        lock.unlock();
      }
      closeQuietly(dead);
      while (!restart()) {
        lock.lock();
        try {
          if (closing || changed.await(retry.toMillis(), TimeUnit.MILLISECONDS) && closing) {
            return;
          }
        } catch (InterruptedException e) {
          return;
        } finally {
          lock.unlock();
        }
      }
    }
  }

  /** Starts a new broker if there is room: whether it runs now. */
  private boolean restart() {
    if (!room.getAsBoolean()) {
      return false;
    }
    EmbeddedKafkaBroker fresh;
    try {
      fresh = starter.start();
    } catch (IOException | RuntimeException e) {
      LOG.warn("the embedded Kafka broker did not start again ({}); trying again in {} s", e.getMessage(), retry.toSeconds());
      return false;
    }
    lock.lock();
    try {
      if (closing) {
        closeQuietly(fresh);
        return true;
      }
      broker = fresh;
      failed = false;
      up = true;
    } finally {
      lock.unlock();
    }
    LOG.info("the embedded Kafka broker is back at {}", fresh.bootstrapServers());
    return true;
  }

  private static void closeQuietly(EmbeddedKafkaBroker b) {
    try {
      b.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("closing the failed embedded Kafka broker: {}", e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    EmbeddedKafkaBroker last;
    lock.lock();
    try {
      closing = true;
      changed.signalAll();
      last = failed ? null : broker;
    } finally {
      lock.unlock();
    }
    try {
      keeper.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (last != null) {
        last.close();
      }
    } finally {
      Exit.resetHaltProcedure();
      Exit.resetExitProcedure();
    }
  }
}
