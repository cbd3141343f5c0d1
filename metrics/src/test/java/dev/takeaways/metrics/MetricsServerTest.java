package dev.takeaways.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  @Test
  void slowClientsDoNotHoldHealthOrMetrics() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (MetricsServer server = new MetricsServer(new InetSocketAddress("127.0.0.1", 0), registry,
        new AssertionChecker(registry, List.of()), Map.of("store", () -> true))) {
      List<Socket> slow = new ArrayList<>();
      try {
        // Clients that send one byte of a request and wait, fewer than the server's workers.
        for (int i = 0; i < MetricsServer.WORKERS - 2; i++) {
          Socket s = new Socket("127.0.0.1", server.address().getPort());
          s.getOutputStream().write('G');
          s.getOutputStream().flush();
          slow.add(s);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String path : List.of("/health", "/metrics")) {
          HttpResponse<String> r = client.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).as(path).isEqualTo(200);
        }
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }
}
