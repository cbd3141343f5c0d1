package dev.takeaways.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The rules each kind of assertion becomes, read back as YAML (promtool runs them in the app's tests). */
class RuleGeneratorTest {
  private static final Assertion POST = Assertion.named("stored-after-commit").stage(Stage.PUBLISH).kind(AssertionKind.POSTCONDITION)
      .description("Stored as written.").severity(Severity.PAGE).remedy("Check the store.").build();
  private static final Assertion INVARIANT = Assertion.named("sends-succeed").stage(Stage.INGEST).kind(AssertionKind.INVARIANT)
      .description("Sends succeed.").severity(Severity.PAGE).remedy("Check the brokers.")
      .violatedWhen("sum(increase(errors_total[10m])) > 0", "5m",
          new Assertion.Example(Map.of("errors_total", "0+1x30"), Map.of("errors_total", "0x30"), "20m"))
      .build();
  private static final Assertion SLO = Assertion.named("latency-under-2s").stage(Stage.END_TO_END).kind(AssertionKind.SLO)
      .description("Fast.").severity(Severity.TICKET).remedy("Look at the dashboard.")
      .objective(new Assertion.Slo(0.99, "checks_total{outcome=\"fail\"}", "checks_total{outcome=\"pass\"}", 0.01))
      .build();

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> groups(String yaml) {
    Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    return (List<Map<String, Object>>) doc.get("groups");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rules(Map<String, Object> group) {
    return (List<Map<String, Object>>) group.get("rules");
  }

  @Test
  void eachKindOfAssertionBecomesItsRules() {
    List<Map<String, Object>> groups = groups(RuleGenerator.rules(List.of(POST, INVARIANT, SLO)));

    assertThat(groups).extracting(g -> g.get("name"))
        .containsExactly("takeaways-slo-recording", "takeaways-ingest", "takeaways-publish", "takeaways-end-to-end");
    // The SLO: its error ratio over seven windows and its traffic, recorded.
    assertThat(rules(groups.get(0))).hasSize(8).allSatisfy(r -> assertThat(r.get("labels")).isEqualTo(Map.of("slo", "latency-under-2s")));
    // The invariant: its own expression, for its duration.
    Map<String, Object> invariant = rules(groups.get(1)).get(0);
    assertThat(invariant).containsEntry("expr", "sum(increase(errors_total[10m])) > 0").containsEntry("for", "5m");
    assertThat(invariant.get("labels")).isEqualTo(Map.of("severity", "page", "stage", "ingest", "assertion", "sends-succeed", "kind", "invariant"));
    // A postcondition: any failed check in the last ten minutes.
    assertThat(rules(groups.get(2)).get(0).get("expr"))
        .isEqualTo("sum(increase(takeaways_assertion_checks_total{assertion=\"stored-after-commit\",outcome=\"fail\"}[10m])) > 0");
    // The SLO: a fast and a slow burn, each only while its events flow at the minimum rate.
    List<Map<String, Object>> burns = rules(groups.get(3));
    assertThat(burns).extracting(r -> r.get("alert")).allSatisfy(name -> assertThat((String) name).endsWith("Burn")).hasSize(2);
    assertThat(burns).allSatisfy(r -> assertThat((String) r.get("expr"))
        .endsWith(" and on() takeaways:slo_events:rate1h{slo=\"latency-under-2s\"} > 0.01"));
    assertThat((String) burns.get(0).get("expr")).contains("takeaways:slo_errors:ratio_rate1h{slo=\"latency-under-2s\"} > 0.144");
  }
}
