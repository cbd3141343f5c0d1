package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takeaways.enrich.tag.Taxonomy;
import dev.takeaways.ingest.FolderWatcher;
import dev.takeaways.ingest.IngestContract;
import dev.takeaways.metrics.Assertion;
import dev.takeaways.metrics.AssertionKind;
import dev.takeaways.metrics.Conservation;
import dev.takeaways.metrics.DashboardGenerator;
import dev.takeaways.model.JsonSerde;
import dev.takeaways.publish.JdbcNoteStore;
import dev.takeaways.testsupport.Notes;
import dev.takeaways.testsupport.Tools;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's package) scraping a running pipeline that has processed our notes and
 * the seed, with the generated rules loaded: every PromQL expression of the rules and dashboards
 * parses, the traffic panels have data, no assertion is violated after a clean run, and one bad
 * note flips exactly the assertion that should fail, and its alert.
 */
class PrometheusIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final Path ROOT = Notes.projectRoot();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;
  private KafkaFixture kafka;
  private Pipeline pipeline;
  private Process prometheus;
  private String prometheusUrl;

  @AfterEach
  void stopAll() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      prometheus.waitFor(30, TimeUnit.SECONDS);
    }
    if (pipeline != null) {
      pipeline.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void prometheusRunsEveryExpressionFindsNoViolationAndSeesABadNoteFailExactlyItsAssertion() throws Exception {
    Path binary = Tools.require("prometheus", "prometheus");
    Path watch = Files.createDirectories(dir.resolve("notes"));
    Path data = Files.createDirectories(dir.resolve("data"));
    kafka = KafkaFixture.start(dir);
    Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
    TopicInstaller.install(client, true);
    String store = JdbcNoteStore.sqliteUrl(data.resolve("takeaways.db"));
    pipeline = Pipeline.start(new PipelineSettings(client, data, watch, true, store, new InetSocketAddress("127.0.0.1", 0),
        new InetSocketAddress("127.0.0.1", 0), FolderWatcher.Settings.events(Duration.ofMillis(50)), Taxonomy.bundled()));
    await().atMost(PATIENCE).until(pipeline::isReady);

    List<Path> notes = new ArrayList<>(Notes.examples());
    notes.add(Notes.seedPath());
    for (Path note : notes) {
      Files.copy(note, watch.resolve(note.getFileName()));
    }
    await().atMost(PATIENCE).until(() -> StoreRows.count(store, "SELECT COUNT(*) FROM notes") == notes.size());

    startPrometheus(binary, URI.create(pipeline.metricsUrl()));
    await().atMost(PATIENCE).until(() -> value("sum(takeaways_publish_notes_total{outcome=\"stored\"})") == notes.size());
    // Rates need two scrapes after the traffic; the rules need an evaluation.
    await().atMost(PATIENCE).until(() -> !query("takeaways:slo_errors:ratio_rate5m").isEmpty());

    // Every expression of the rules and the dashboards parses and runs.
    Set<String> expressions = new LinkedHashSet<>(ruleExpressions());
    List<String> pipelinePanels = panelExpressions("pipeline.json");
    expressions.addAll(pipelinePanels);
    expressions.addAll(panelExpressions("assertions.json"));
    assertThat(expressions).hasSizeGreaterThan(40);
    for (String expr : expressions) {
      query(expr);
    }
    // The traffic panels have data, and so has every assertion's status.
    for (Assertion a : Pipeline.ASSERTIONS) {
      assertThat(query(DashboardGenerator.status(a))).as(a.name()).isNotEmpty();
    }
    for (String expr : pipelinePanels) {
      if (expr.contains("takeaways_component_") && !expr.contains("errors") && !expr.contains("discarded")
          || expr.contains("e2e_latency") || expr.contains("_notes_total") || expr.contains("jvm_memory")) {
        assertThat(query(expr)).as(expr).isNotEmpty();
      }
    }

    // After a clean run: no failed check, no violated invariant (judged now, without the guards
    // that wait for a settled, long-running process), no alert.
    assertThat(query("takeaways_assertion_checks_total{outcome=\"fail\"} > 0")).isEmpty();
    for (Assertion a : Pipeline.ASSERTIONS) {
      if (a.kind() == AssertionKind.INVARIANT) {
        String now = Conservation.judgedNow(a.violation());
        assertThat(query(now)).as(a.name() + ": " + now).isEmpty();
      }
    }
    assertThat(query("ALERTS")).isEmpty();

    // A bad note (a NUL byte: binary, not text) fails exactly the ingest precondition, and its alert fires.
    Files.write(watch.resolve("binary.md"), new byte[] {'#', ' ', 'x', 0, 1, 2});
    String failing = IngestContract.NOTE_IS_VALID_TEXT.name();
    await().atMost(PATIENCE).until(() -> !query("takeaways_assertion_checks_total{outcome=\"fail\"} > 0").isEmpty());
    List<String> failed = new ArrayList<>();
    query("takeaways_assertion_checks_total{outcome=\"fail\"} > 0").forEach(s -> failed.add(s.get("metric").get("assertion").asText()));
    assertThat(failed).containsExactly(failing);
    await().atMost(PATIENCE).until(() -> !query("ALERTS{alertstate=\"firing\"}").isEmpty());
    List<String> alerts = new ArrayList<>();
    query("ALERTS").forEach(s -> alerts.add(s.get("metric").get("alertname").asText()));
    assertThat(alerts).containsOnly(IngestContract.NOTE_IS_VALID_TEXT.alertName());
  }

  private void startPrometheus(Path binary, URI metrics) throws IOException {
    int port = KafkaFixture.freePort();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, String.join("\n",
        "global:",
        "  scrape_interval: 1s",
        "  evaluation_interval: 1s",
        "rule_files:",
        "  - " + ROOT.resolve("prometheus/rules/takeaways.yml"),
        "scrape_configs:",
        "  - job_name: takeaways",
        "    static_configs:",
        "      - targets: ['" + metrics.getHost() + ":" + metrics.getPort() + "']",
        ""));
    prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
        "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    prometheusUrl = "http://127.0.0.1:" + port;
    await().atMost(PATIENCE).ignoreExceptions().until(() -> get("/-/ready").statusCode() == 200);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The result of an instant query; fails the test when Prometheus refuses the expression. */
  private JsonNode query(String expr) throws IOException, InterruptedException {
    HttpResponse<String> r = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    JsonNode body = JsonSerde.mapper().readTree(r.body());
    assertThat(body.path("status").asText()).as(expr + " -> " + r.body()).isEqualTo("success");
    return body.get("data").get("result");
  }

  private double value(String expr) throws IOException, InterruptedException {
    JsonNode result = query(expr);
    return result.isEmpty() ? Double.NaN : result.get(0).get("value").get(1).asDouble();
  }

  private static List<String> ruleExpressions() throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(ROOT.resolve("prometheus/rules/takeaways.yml"))) {
      String t = line.trim();
      if (t.startsWith("expr: ")) {
        String expr = t.substring("expr: ".length());
        if (expr.startsWith("'") && expr.endsWith("'")) {
          expr = expr.substring(1, expr.length() - 1).replace("''", "'");
        }
        out.add(expr);
      }
    }
    return out;
  }

  private static List<String> panelExpressions(String dashboard) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode panel : JsonSerde.mapper().readTree(ROOT.resolve("grafana/dashboards/" + dashboard).toFile()).get("panels")) {
      for (JsonNode target : panel.path("targets")) {
        if (target.has("expr")) {
          out.add(target.get("expr").asText());
        }
      }
    }
    return out;
  }
}
