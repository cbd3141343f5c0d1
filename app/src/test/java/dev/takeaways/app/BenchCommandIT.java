package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takeaways.app.cli.ExitCodes;
import dev.takeaways.model.JsonSerde;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code takeaways bench} end to end on a small load: it runs on the embedded broker and prints the
 * figures in the documented JSON shape. (What the figures are is the benchmark's business, never a
 * test's: BENCHMARKS.md.)
 */
class BenchCommandIT {
  @Test
  void aSmallBenchPrintsEveryFigureInTheDocumentedShape() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cl = Takeaways.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    int code = cl.execute("bench", "--notes", "40", "--size", "4k", "--latency-notes", "10", "--rate", "20", "--json");

    assertThat(code).isEqualTo(ExitCodes.OK);
    JsonNode r = JsonSerde.mapper().readTree(out.toString());
    for (String path : List.of("/e2e/notesPerSec", "/e2e/mbPerSec", "/e2e/latencyMs/p50", "/e2e/latencyMs/p95", "/e2e/latencyMs/p99",
        "/reference/parseOnlyMbPerSec", "/reference/kafkaMbPerSec", "/ratios/e2eToParse", "/ratios/e2eToKafka",
        "/memory/heapPeakMb", "/memory/rssPeakMb", "/stagesMsPerNote/enrich", "/stagesMsPerNote/publish")) {
      assertThat(r.at(path).isNumber()).as(path).isTrue();
      assertThat(r.at(path).asDouble()).as(path).isPositive();
    }
    assertThat(r.at("/e2e/notes").asInt()).isEqualTo(40);
    assertThat(r.at("/e2e/latencyMs/p50").asDouble()).isLessThanOrEqualTo(r.at("/e2e/latencyMs/p99").asDouble());
    assertThat(r.at("/ratios/e2eToParse").asDouble())
        .isCloseTo(r.at("/e2e/mbPerSec").asDouble() / r.at("/reference/parseOnlyMbPerSec").asDouble(), Offset.offset(0.01));
  }
}
