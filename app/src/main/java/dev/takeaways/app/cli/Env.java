package dev.takeaways.app.cli;

/**
 * The environment variables behind the options, read one way: a flag wins, then a variable that is
 * set and not blank, then the option's default. Settings that picocli can fill from the environment
 * by themselves say so in their {@code defaultValue} ({@code ${env:NAME:-default}}); these are the
 * ones whose default depends on other options (the store is in the data folder) or that must tell
 * "named by the user" from "the default" (the bootstrap servers).
 */
final class Env {
  private Env() {}

  /** {@code variable}'s value, stripped, or null when it is unset or blank. */
  static String value(String variable) {
    String v = System.getenv(variable);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
