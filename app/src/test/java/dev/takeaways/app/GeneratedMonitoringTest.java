package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.metrics.Assertion;
import dev.takeaways.metrics.AssertionKind;
import dev.takeaways.metrics.DashboardGenerator;
import dev.takeaways.metrics.RuleGenerator;
import dev.takeaways.metrics.Stage;
import dev.takeaways.testsupport.Notes;
import dev.takeaways.testsupport.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The monitoring generated from the declared assertions: the committed files equal the generator's
 * output (run with {@code -Dgenerated.update=true} to rewrite them after changing a declaration),
 * and a real promtool accepts the rules and passes their unit tests: each alert fires on its
 * synthetic series and stays quiet on healthy ones.
 */
class GeneratedMonitoringTest {
  private static final Path ROOT = Notes.projectRoot();
  private static final Map<String, String> GENERATED = Map.of(
      "prometheus/rules/takeaways.yml", RuleGenerator.rules(Pipeline.ASSERTIONS),
      "prometheus/tests/takeaways.test.yml", RuleGenerator.tests(Pipeline.ASSERTIONS),
      "grafana/dashboards/assertions.json", DashboardGenerator.assertions(Pipeline.ASSERTIONS));

  @ParameterizedTest
  @ValueSource(strings = {"prometheus/rules/takeaways.yml", "prometheus/tests/takeaways.test.yml", "grafana/dashboards/assertions.json"})
  void theCommittedFileIsTheGeneratorsOutput(String file) throws IOException {
    Path path = ROOT.resolve(file);
    if (Boolean.getBoolean("generated.update")) {
      Files.createDirectories(path.getParent());
      Files.writeString(path, GENERATED.get(file));
    }
    assertThat(Files.readString(path))
        .as(file + " differs from what the declarations generate; run `mvn test -pl app -Dtest=GeneratedMonitoringTest -Dgenerated.update=true`")
        .isEqualTo(GENERATED.get(file));
  }

  @Test
  void theContractHasAtLeastTwelveAssertionsOverEveryStageAndKind() {
    assertThat(Pipeline.ASSERTIONS).hasSizeGreaterThanOrEqualTo(12);
    assertThat(Pipeline.ASSERTIONS.stream().map(Assertion::stage).collect(Collectors.toSet())).containsExactlyInAnyOrder(Stage.values());
    assertThat(Pipeline.ASSERTIONS.stream().map(Assertion::kind).collect(Collectors.toSet())).containsExactlyInAnyOrder(AssertionKind.values());
    assertThat(Pipeline.ASSERTIONS).extracting(Assertion::alertName).doesNotHaveDuplicates();
  }

  @Test
  void promtoolAcceptsTheRules() throws Exception {
    Path promtool = Tools.require("promtool", "prometheus");
    assertThat(run(ROOT.resolve("prometheus/rules"), promtool.toString(), "check", "rules", "takeaways.yml")).contains("SUCCESS");
  }

  @Test
  void everyAlertFiresOnItsSyntheticSeriesAndStaysQuietOnHealthyOnes() throws Exception {
    Path promtool = Tools.require("promtool", "prometheus");
    String out = run(ROOT.resolve("prometheus/tests"), promtool.toString(), "test", "rules", "takeaways.test.yml");
    assertThat(out).contains("SUCCESS");
    // Every alert of the rules has a test that fires and one that stays quiet.
    String rules = Files.readString(ROOT.resolve("prometheus/rules/takeaways.yml"));
    String tests = Files.readString(ROOT.resolve("prometheus/tests/takeaways.test.yml"));
    rules.lines().filter(l -> l.trim().startsWith("- alert: ")).map(l -> l.trim().substring("- alert: ".length())).forEach(alert ->
        assertThat(tests).contains("name: " + alert + " fires").contains("name: " + alert + " stays quiet"));
  }

  private static String run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
