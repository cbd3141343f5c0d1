package dev.takeaways.ingest;

import dev.takeaways.model.DeadLetter;
import dev.takeaways.model.RawNote;

/** Where ingested notes go. Each call returns once the write is durable, or throws. */
public interface NoteSink {
  void send(RawNote note) throws SinkException;

  /**
   * Starts sending {@code note} and returns at once: several notes may be in flight, and they become
   * durable in the order they were started. By default the write is done before this returns.
   */
  default Write sendLater(RawNote note) {
    try {
      send(note);
      return Write.DONE;
    } catch (SinkException e) {
      return () -> {
        throw e;
      };
    }
  }

  /** Sends the tombstone of a deleted note. */
  void delete(String noteId) throws SinkException;

  void deadLetter(DeadLetter letter) throws SinkException;

  /** A write under way. */
  @FunctionalInterface
  interface Write {
    Write DONE = () -> {};

    /** Returns once the write is durable, or throws. */
    void await() throws SinkException;
  }

  /** The write did not become durable; the caller should retry. */
  final class SinkException extends Exception {
    public SinkException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
