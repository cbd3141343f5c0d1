package dev.takeaways.metrics;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stage's contract, stated once: checked inline by the code, counted as {@link
 * MetricNames#ASSERTION_CHECKS}, listed on {@code /assertions}, and (in a later step) turned into
 * alert rules and dashboard rows.
 *
 * @param name short kebab-case name, unique across the pipeline; it is a metric tag value
 * @param stage the stage that owns it
 * @param kind what it constrains
 * @param description what must hold, in one sentence
 * @param severity how urgent a failure is
 * @param remedy what to do when it fails
 * @param expression for invariants and SLOs, the PromQL expression that is true while the
 *     assertion holds; null for per-record checks only
 */
public record Assertion(
    String name,
    Stage stage,
    AssertionKind kind,
    String description,
    Severity severity,
    String remedy,
    String expression) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  public Assertion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(remedy, "remedy");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("assertion name must be kebab-case, was " + name);
    }
  }

  /** Starts a declaration. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** A fluent way to declare an assertion, so declarations read as sentences. */
  public static final class Builder {
    private final String name;
    private Stage stage;
    private AssertionKind kind;
    private String description;
    private Severity severity = Severity.TICKET;
    private String remedy = "";
    private String expression;

    private Builder(String name) {
      this.name = name;
    }

    public Builder stage(Stage value) {
      this.stage = value;
      return this;
    }

    public Builder kind(AssertionKind value) {
      this.kind = value;
      return this;
    }

    public Builder description(String value) {
      this.description = value;
      return this;
    }

    public Builder severity(Severity value) {
      this.severity = value;
      return this;
    }

    public Builder remedy(String value) {
      this.remedy = value;
      return this;
    }

    public Builder expression(String value) {
      this.expression = value;
      return this;
    }

    public Assertion build() {
      return new Assertion(name, stage, kind, description, severity, remedy, expression);
    }
  }
}
