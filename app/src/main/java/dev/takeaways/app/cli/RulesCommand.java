package dev.takeaways.app.cli;

import dev.takeaways.app.Pipeline;
import dev.takeaways.metrics.DashboardGenerator;
import dev.takeaways.metrics.RuleGenerator;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** Prints what monitoring is generated from the declared assertions. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the Prometheus recording and alerting rules generated from the pipeline's declared assertions",
      "(prometheus/rules/takeaways.yml is this output), or their promtool unit tests, or the Assertions dashboard."
    })
public final class RulesCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true)
  What what = new What();

  static final class What {
    @Option(names = "--tests", description = "Print the promtool unit tests of the rules (prometheus/tests/takeaways.test.yml).")
    boolean tests;

    @Option(names = "--dashboard", description = "Print the Grafana Assertions dashboard (grafana/dashboards/assertions.json).")
    boolean dashboard;
  }

  @Override
  public Integer call() {
    String out;
    if (what.tests) {
      out = RuleGenerator.tests(Pipeline.ASSERTIONS);
    } else if (what.dashboard) {
      out = DashboardGenerator.assertions(Pipeline.ASSERTIONS);
    } else {
      out = RuleGenerator.rules(Pipeline.ASSERTIONS);
    }
    spec.commandLine().getOut().print(out);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
