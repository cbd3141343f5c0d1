package dev.takeaways.ingest;

import dev.takeaways.model.DeadLetter;
import dev.takeaways.model.RawNote;

/** Where ingested notes go. Each call returns once the write is durable, or throws. */
public interface NoteSink {
  void send(RawNote note) throws SinkException;

  /** Sends the tombstone of a deleted note. */
  void delete(String noteId) throws SinkException;

  void deadLetter(DeadLetter letter) throws SinkException;

  /** The write did not become durable; the caller should retry. */
  final class SinkException extends Exception {
    public SinkException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
