package dev.takeaways.app.cli;

/** The exit codes of every command. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  /** Something unexpected failed; the message says what. */
  public static final int FAILED = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;
  /** The input was rejected (not a note we accept). */
  public static final int REJECTED = 3;
  /** Kafka could not be reached. */
  public static final int KAFKA_UNREACHABLE = 4;
}
