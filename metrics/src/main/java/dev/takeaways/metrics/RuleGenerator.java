package dev.takeaways.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Turns the declared assertions into Prometheus rules and into promtool unit tests of those rules.
 * Pure: declarations in, YAML text out. The committed {@code prometheus/rules/takeaways.yml} and
 * {@code prometheus/tests/takeaways.test.yml} are its output, checked for drift by a test.
 *
 * <ul>
 *   <li>A pre- or postcondition alerts when a check failed in the last 10 minutes.
 *   <li>An invariant alerts when its violation expression returns a series for its duration.
 *   <li>An SLO gets recording rules of its error ratio over seven windows and two multi-window
 *       burn-rate alerts, as in the SRE workbook: fast (14.4x over 1h and 5m, or 6x over 6h and
 *       30m) with the declared severity, slow (3x over 1d and 2h, or 1x over 3d and 6h) as a
 *       ticket; both only while the SLO's events flow at its minimum rate.
 * </ul>
 */
public final class RuleGenerator {
  private static final List<String> WINDOWS = List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d");
  private static final String RATIO = "takeaways:slo_errors:ratio_rate";
  private static final String TRAFFIC = "takeaways:slo_events:rate1h";
  /** Where the tests find the rules, relative to the tests file. */
  public static final String RULES_FROM_TESTS = "../rules/takeaways.yml";

  private RuleGenerator() {}

  /** The rules file: recording rules for the SLOs, then one alert group per stage. */
  public static String rules(List<Assertion> assertions) {
    List<Object> groups = new ArrayList<>();
    List<Object> recording = new ArrayList<>();
    for (Assertion a : assertions) {
      if (a.slo() == null) {
        continue;
      }
      Assertion.Slo slo = a.slo();
      for (String w : WINDOWS) {
        String bad = "sum(rate(" + slo.bad() + "[" + w + "]))";
        String good = "sum(rate(" + slo.good() + "[" + w + "]))";
        recording.add(map("record", RATIO + w, "expr", bad + " / (" + bad + " + " + good + ")", "labels", map("slo", a.name())));
      }
      recording.add(map("record", TRAFFIC,
          "expr", "sum(rate(" + slo.bad() + "[1h])) + sum(rate(" + slo.good() + "[1h]))", "labels", map("slo", a.name())));
    }
    if (!recording.isEmpty()) {
      groups.add(map("name", "takeaways-slo-recording", "rules", recording));
    }
    for (Stage stage : Stage.values()) {
      List<Object> alerts = new ArrayList<>();
      for (Assertion a : assertions) {
        if (a.stage() == stage) {
          alerts.addAll(alerts(a));
        }
      }
      if (!alerts.isEmpty()) {
        groups.add(map("name", "takeaways-" + stage.tagValue(), "rules", alerts));
      }
    }
    return header("Prometheus rules generated from the pipeline's declared assertions by `takeaways rules`.")
        + dump(map("groups", groups));
  }

  /** The alerts of one assertion, each a map of the rule's fields. */
  static List<Map<String, Object>> alerts(Assertion a) {
    if (a.kind() == AssertionKind.INVARIANT) {
      return List.of(alert(a.alertName(), a.violation(), a.forDuration(), labels(a, a.severity()), annotations(a, "")));
    }
    if (a.slo() != null) {
      Assertion.Slo slo = a.slo();
      String guard = " and on() " + TRAFFIC + "{slo=\"" + a.name() + "\"} > " + number(slo.minTrafficPerSecond());
      String fast = "((" + burn(a, "1h", 14.4) + " and " + burn(a, "5m", 14.4) + ") or (" + burn(a, "6h", 6) + " and " + burn(a, "30m", 6) + "))" + guard;
      String slow = "((" + burn(a, "1d", 3) + " and " + burn(a, "2h", 3) + ") or (" + burn(a, "3d", 1) + " and " + burn(a, "6h", 1) + "))" + guard;
      return List.of(
          alert(a.alertName() + "FastBurn", fast, "2m", labels(a, a.severity()), annotations(a, "Burning the error budget fast: ")),
          alert(a.alertName() + "SlowBurn", slow, "1h", labels(a, Severity.TICKET), annotations(a, "Burning the error budget slowly: ")));
    }
    String failed = "sum(increase(" + failures(a) + "[10m])) > 0";
    return List.of(alert(a.alertName(), failed, "0m", labels(a, a.severity()), annotations(a, "Checks failed in the last 10 minutes: ")));
  }

  /** The counter of {@code a}'s failed checks. */
  static String failures(Assertion a) {
    return MetricNames.prometheusCounter(MetricNames.ASSERTION_CHECKS) + "{assertion=\"" + a.name() + "\",outcome=\"fail\"}";
  }

  private static String burn(Assertion a, String window, double factor) {
    BigDecimal threshold = BigDecimal.valueOf(factor).multiply(BigDecimal.valueOf(a.slo().budget()));
    return RATIO + window + "{slo=\"" + a.name() + "\"} > " + threshold.stripTrailingZeros().toPlainString();
  }

  private static String number(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static Map<String, Object> alert(String name, String expr, String forDuration, Map<String, Object> labels, Map<String, Object> annotations) {
    Map<String, Object> rule = map("alert", name, "expr", expr);
    if (!forDuration.equals("0m")) {
      rule.put("for", forDuration);
    }
    rule.put("labels", labels);
    rule.put("annotations", annotations);
    return rule;
  }

  private static Map<String, Object> labels(Assertion a, Severity severity) {
    return map("severity", severity.tagValue(), "stage", a.stage().tagValue(), "assertion", a.name(), "kind", a.kind().tagValue());
  }

  private static Map<String, Object> annotations(Assertion a, String prefix) {
    return map("summary", prefix + a.description(), "remedy", a.remedy());
  }

  /**
   * promtool unit tests of {@link #rules}: for every alert, a test in which it fires on synthetic
   * series and one in which it stays quiet on healthy series.
   */
  public static String tests(List<Assertion> assertions) {
    List<Object> tests = new ArrayList<>();
    for (Assertion a : assertions) {
      List<Map<String, Object>> alerts = alerts(a);
      if (a.kind() == AssertionKind.INVARIANT) {
        Assertion.Example e = a.example();
        tests.add(test("1m", e.firing(), e.evalTime(), alerts.get(0), true));
        tests.add(test("1m", e.healthy(), e.evalTime(), alerts.get(0), false));
      } else if (a.slo() != null) {
        Assertion.Slo slo = a.slo();
        // Fast: every event bad for over an hour. Slow: 5% bad for over a day, under the fast rate.
        tests.add(test("1m", Map.of(slo.bad(), "0+60x80", slo.good(), "0x80"), "70m", alerts.get(0), true));
        tests.add(test("1m", Map.of(slo.bad(), "0x80", slo.good(), "0+60x80"), "70m", alerts.get(0), false));
        tests.add(test("10m", Map.of(slo.bad(), "0+30x200", slo.good(), "0+570x200"), "30h", alerts.get(1), true));
        tests.add(test("10m", Map.of(slo.bad(), "0+30x200", slo.good(), "0+570x200"), "30h", alerts.get(0), false));
        tests.add(test("10m", Map.of(slo.bad(), "0x200", slo.good(), "0+600x200"), "30h", alerts.get(1), false));
      } else {
        String series = failures(a);
        tests.add(test("1m", Map.of(series, "0+1x20"), "15m", alerts.get(0), true));
        tests.add(test("1m", Map.of(series, "0x20"), "15m", alerts.get(0), false));
      }
    }
    return header("promtool unit tests of prometheus/rules/takeaways.yml, generated by `takeaways rules --tests`.")
        + dump(map("rule_files", List.of(RULES_FROM_TESTS), "evaluation_interval", "1m", "tests", tests));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> test(String interval, Map<String, String> series, String evalTime, Map<String, Object> alert, boolean fires) {
    List<Object> input = new ArrayList<>();
    new TreeMap<>(series).forEach((s, values) -> input.add(map("series", s, "values", values)));
    List<Object> expected = new ArrayList<>();
    if (fires) {
      Map<String, Object> labels = new LinkedHashMap<>((Map<String, Object>) alert.get("labels"));
      if (labels.get("kind").equals(AssertionKind.SLO.tagValue())) {
        labels.put("slo", labels.get("assertion")); // from the recording rules the expression reads
      }
      expected.add(map("exp_labels", labels, "exp_annotations", alert.get("annotations")));
    }
    Map<String, Object> check = map("eval_time", evalTime, "alertname", alert.get("alert"), "exp_alerts", expected);
    return map("name", alert.get("alert") + (fires ? " fires" : " stays quiet"), "interval", interval, "input_series", input,
        "alert_rule_test", List.of(check));
  }

  static String header(String what) {
    return "# " + what + "\n# Do not edit: change the declarations (the *Contract classes) and regenerate.\n";
  }

  private static String dump(Object document) {
    DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(400).setSplitLines(false).build();
    return new Dump(settings).dumpToString(document);
  }

  /** An insertion-ordered map of key-value pairs. */
  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
