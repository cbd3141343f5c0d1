package dev.takeaways.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stage's contract, stated once: checked inline by the code, counted as {@link
 * MetricNames#ASSERTION_CHECKS}, listed on {@code /assertions}, and turned into Prometheus alert
 * rules, promtool unit tests and a dashboard row by {@link RuleGenerator} and {@link
 * DashboardGenerator}.
 *
 * <p>How each kind is alerted on: a pre- or postcondition when a check failed in the last 10
 * minutes; an invariant when its {@code violation} expression returns a series for {@code
 * forDuration}; an SLO by multi-window burn rates of its {@link Slo} (the SRE workbook's).
 *
 * @param name short kebab-case name, unique across the pipeline; it is a metric tag value
 * @param stage the stage that owns it
 * @param kind what it constrains
 * @param description what must hold, in one sentence
 * @param severity how urgent a failure is
 * @param remedy what to do when it fails
 * @param violation for invariants, a PromQL expression that returns a series (with no labels:
 *     aggregate it) while the assertion is violated, with its own minimum-traffic guard where it
 *     needs one; null otherwise
 * @param forDuration how long {@code violation} must hold before the alert fires (e.g. {@code 5m})
 * @param slo for SLOs, the objective and its good and total events; null otherwise
 * @param example for invariants, series on which the violation fires and series on which it stays
 *     quiet; the generated promtool tests run both
 */
public record Assertion(
    String name,
    Stage stage,
    AssertionKind kind,
    String description,
    Severity severity,
    String remedy,
    String violation,
    String forDuration,
    Slo slo,
    Example example) {

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
    boolean invariant = kind == AssertionKind.INVARIANT;
    if (invariant != (violation != null) || invariant != (example != null)) {
      throw new IllegalArgumentException(name + ": an invariant, and only an invariant, has a violation expression and an example");
    }
    if ((kind == AssertionKind.SLO) != (slo != null)) {
      throw new IllegalArgumentException(name + ": an SLO, and only an SLO, has an objective");
    }
  }

  /** Whether the code checks it on every record (and counts each check). */
  public boolean checkedPerRecord() {
    return kind != AssertionKind.INVARIANT;
  }

  /**
   * An objective over events: {@code bad} and {@code good} are counter series, written as selectors
   * with exact matchers only, so that the generated promtool tests can feed them (the generator
   * takes their rates; total = bad + good). A burn-rate alert needs {@code minTrafficPerSecond}
   * events per second over the last hour, so that an idle pipeline does not page.
   */
  public record Slo(double objective, String bad, String good, double minTrafficPerSecond) {
    public Slo {
      if (!(objective > 0 && objective < 1)) {
        throw new IllegalArgumentException("objective must be in (0, 1), was " + objective);
      }
      for (String series : new String[] {bad, good}) {
        if (series == null || series.contains("=~") || series.contains("!=")) {
          throw new IllegalArgumentException("an SLO's series need exact matchers only: " + series);
        }
      }
    }

    /** The error budget: the share of events allowed to be bad. */
    public double budget() {
      return 1 - objective;
    }

    /**
     * The fewest events on which the objective is judged: as many as it takes for one bad event to
     * fit the budget (100 for 99%). Under it, one slow note of a cold start would read as a breach.
     */
    public long minEvents() {
      return (long) Math.ceil(1 / budget() - 1e-9);
    }
  }

  /**
   * promtool input series (series selector to values, in promtool's expanding notation such as
   * {@code 0+10x60}) on which an invariant's alert fires by {@code evalTime}, and on which it does
   * not.
   */
  public record Example(Map<String, String> firing, Map<String, String> healthy, String evalTime) {
    public Example {
      firing = Map.copyOf(firing);
      healthy = Map.copyOf(healthy);
      Objects.requireNonNull(evalTime, "evalTime");
    }
  }

  /** The alert's name: {@code Takeaways} and the name in CamelCase. */
  public String alertName() {
    StringBuilder b = new StringBuilder("Takeaways");
    for (String part : name.split("-")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
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
    private String violation;
    private String forDuration = "5m";
    private Slo slo;
    private Example example;

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

    /** For an invariant: violated while this returns a series, for {@code forDuration}. */
    public Builder violatedWhen(String promql, String forDuration, Example example) {
      this.violation = promql;
      this.forDuration = forDuration;
      this.example = example;
      return this;
    }

    /** For an SLO. */
    public Builder objective(Slo value) {
      this.slo = value;
      return this;
    }

    public Assertion build() {
      return new Assertion(name, stage, kind, description, severity, remedy, violation, forDuration, slo, example);
    }
  }
}
