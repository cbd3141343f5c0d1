package dev.takeaways.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The process's HTTP endpoint: {@code /metrics} (Prometheus text), {@code /health} (200 when every
 * readiness check passes, 503 otherwise) and {@code /assertions} (JSON, or plain text with {@code
 * ?format=text}). Binds where it is told; the caller decides, and defaults to 127.0.0.1.
 */
public final class MetricsServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final PrometheusMeterRegistry registry;
  private final AssertionChecker checker;
  private final Map<String, BooleanSupplier> readiness;

  /**
   * Starts serving.
   *
   * @param readiness named checks; {@code /health} is ready when all are true
   */
  /** How many requests are served at once. */
  public static final int WORKERS = 8;

  public MetricsServer(
      InetSocketAddress address,
      PrometheusMeterRegistry registry,
      AssertionChecker checker,
      Map<String, BooleanSupplier> readiness)
      throws IOException {
    this.registry = registry;
    this.checker = checker;
    this.readiness = Map.copyOf(readiness);
    this.server = HttpServer.create(address, 0);
    // Several workers: the JDK server reads a request on its worker, so one slow client would
    // otherwise hold /health and /metrics for everyone (the time a request may take is bounded by
    // sun.net.httpserver.maxReqTime, which the command line sets).
    this.executor =
        Executors.newFixedThreadPool(
            WORKERS,
            r -> {
              Thread t = new Thread(r, "metrics-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
    server.createContext("/health", this::health);
    server.createContext("/assertions", this::assertions);
    server.start();
  }

  /** The address actually bound (useful with port 0). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** {@code http://host:port}. */
  public String baseUrl() {
    return "http://" + address().getHostString() + ":" + address().getPort();
  }

  private void health(HttpExchange ex) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode checks = body.putObject("checks");
    boolean ready = true;
    for (Map.Entry<String, BooleanSupplier> check : readiness.entrySet()) {
      boolean ok = check.getValue().getAsBoolean();
      checks.put(check.getKey(), ok ? "UP" : "DOWN");
      ready &= ok;
    }
    body.put("status", ready ? "UP" : "DOWN");
    respond(ex, ready ? 200 : 503, "application/json", JSON.writeValueAsString(body));
  }

  private void assertions(HttpExchange ex) throws IOException {
    String query = ex.getRequestURI().getQuery();
    boolean text = query != null && query.contains("format=text");
    if (text) {
      StringBuilder out = new StringBuilder();
      for (Assertion a : checker.assertions()) {
        AssertionChecker.Counts c = checker.counts(a);
        out.append(String.format("%-15s %-38s %-8s %-13s pass=%d fail=%d  %s%n",
            c.status(), a.name(), a.stage().tagValue(), a.kind().tagValue(), c.passed(), c.failed(), a.description()));
      }
      respond(ex, 200, "text/plain; charset=utf-8", out.toString());
      return;
    }
    ArrayNode list = JSON.createArrayNode();
    for (Assertion a : checker.assertions()) {
      AssertionChecker.Counts c = checker.counts(a);
      ObjectNode node = list.addObject();
      node.put("name", a.name());
      node.put("stage", a.stage().tagValue());
      node.put("kind", a.kind().tagValue());
      node.put("description", a.description());
      node.put("severity", a.severity().tagValue());
      node.put("remedy", a.remedy());
      node.put("violation", a.violation());
      if (a.slo() != null) {
        node.put("objective", a.slo().objective());
      }
      node.put("status", c.status());
      node.put("passed", c.passed());
      node.put("failed", c.failed());
    }
    respond(ex, 200, "application/json", JSON.writeValueAsString(list));
  }

  private static void respond(HttpExchange ex, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** The registry this server exposes. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }
}
