package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takeaways.model.JsonSerde;
import dev.takeaways.testsupport.Notes;
import dev.takeaways.testsupport.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

/**
 * docker-compose.yml cannot be started here (no Docker engine), so its wiring is checked statically:
 * the services, the stages' commands (parsed by our own command line), the addresses each service
 * finds the others at, the host paths it mounts, the ports the README documents; and Debian's
 * docker-compose accepts the file.
 */
class ComposeWiringTest {
  private static final Path ROOT = Notes.projectRoot();
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(?::-([^}]*))?}");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
  }

  /** A compose value with every ${VAR:-default} replaced by its default, as with no .env file. */
  private static String resolved(Object value) {
    Matcher m = VARIABLE.matcher(String.valueOf(value));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
    }
    return m.appendTail(out).toString();
  }

  /** A service, with the keys it merges from an anchor ({@code <<: *takeaways}) under its own. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(Map<String, Object> compose, String name) {
    Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    if (service == null || !service.containsKey("<<")) {
      return service;
    }
    Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) service.get("<<"));
    merged.putAll(service);
    merged.remove("<<");
    return merged;
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Map<String, Object> service, String key) {
    Object value = service.get(key);
    return value == null ? List.of() : ((List<Object>) value).stream().map(ComposeWiringTest::resolved).toList();
  }

  @SuppressWarnings("unchecked")
  private static String env(Map<String, Object> service, String key) {
    return resolved(((Map<String, Object>) service.get("environment")).get(key));
  }

  private static String flag(List<String> command, String name) {
    int i = command.indexOf(name);
    return i < 0 ? null : command.get(i + 1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theServicesFindEachOtherAtTheAddressesTheyListenOn() throws IOException {
    Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
    assertThat(((Map<String, Object>) compose.get("services")).keySet())
        .containsExactlyInAnyOrder("kafka", "postgres", "ingest", "enrich", "publish", "ui", "prometheus", "grafana");
    assertThat(String.valueOf(service(compose, "kafka").get("image"))).startsWith("apache/kafka:");
    assertThat(env(service(compose, "kafka"), "KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
    List<String> advertised = List.of(env(service(compose, "kafka"), "KAFKA_ADVERTISED_LISTENERS").split(","));

    Set<String> metricsTargets = new HashSet<>();
    for (String stage : List.of("ingest", "enrich", "publish")) {
      Map<String, Object> s = service(compose, stage);
      assertThat(s.get("image")).as(stage).isEqualTo("takeaways:latest");
      assertThat(s.get("build")).as(stage).isEqualTo(".");
      List<String> command = list(s, "command");
      assertThat(command.get(0)).isEqualTo(stage);
      // Our own command line accepts the command as written.
      Takeaways.commandLine().parseArgs(command.toArray(String[]::new));
      assertThat(advertised).contains("PLAINTEXT://" + env(s, "KAFKA_BOOTSTRAP_SERVERS"));
      assertThat(flag(command, "--metrics-host")).as(stage + " must listen beyond 127.0.0.1 in its container").isEqualTo("0.0.0.0");
      metricsTargets.add(stage + ":" + flag(command, "--metrics-port"));
    }
    assertThat(Files.isRegularFile(ROOT.resolve("Dockerfile"))).isTrue();

    String store = flag(list(service(compose, "publish"), "command"), "--store");
    Map<String, Object> postgres = service(compose, "postgres");
    assertThat(store).isEqualTo("jdbc:postgresql://postgres:5432/" + env(postgres, "POSTGRES_DB") + "?user=" + env(postgres, "POSTGRES_USER")
        + "&password=" + env(postgres, "POSTGRES_PASSWORD"));
    // The web page reads the store the publisher writes, and listens where its port is published.
    List<String> ui = list(service(compose, "ui"), "command");
    Takeaways.commandLine().parseArgs(ui.toArray(String[]::new));
    assertThat(ui.get(0)).isEqualTo("ui");
    assertThat(flag(ui, "--store")).isEqualTo(store);
    assertThat(flag(ui, "--ui-host")).isEqualTo("0.0.0.0");
    assertThat(list(service(compose, "ui"), "ports")).containsExactly("127.0.0.1:" + flag(ui, "--ui-port") + ":" + flag(ui, "--ui-port"));

    // Prometheus scrapes every stage where it listens, and loads the generated rules.
    Map<String, Object> prometheus = yaml(ROOT.resolve("prometheus/prometheus.yml"));
    Set<String> scraped = new HashSet<>();
    for (Object job : (List<Object>) prometheus.get("scrape_configs")) {
      Map<String, Object> j = (Map<String, Object>) job;
      for (Object sc : (List<Object>) j.getOrDefault("static_configs", List.of())) {
        ((List<Object>) ((Map<String, Object>) sc).get("targets")).forEach(t -> scraped.add(t.toString()));
      }
      for (Object dns : (List<Object>) j.getOrDefault("dns_sd_configs", List.of())) {
        Map<String, Object> d = (Map<String, Object>) dns;
        ((List<Object>) d.get("names")).forEach(n -> scraped.add(n + ":" + d.get("port")));
      }
    }
    assertThat(scraped).isEqualTo(metricsTargets);
    List<String> prometheusVolumes = list(service(compose, "prometheus"), "volumes");
    assertThat(prometheusVolumes).contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro", "./prometheus/rules:/etc/prometheus/rules:ro");
    assertThat((List<Object>) prometheus.get("rule_files")).containsExactly("/etc/prometheus/rules/*.yml");

    // Grafana reaches Prometheus and PostgreSQL at their service addresses, with the uids the dashboards use.
    Map<String, Object> datasources = yaml(ROOT.resolve("grafana/provisioning/datasources/takeaways.yml"));
    Set<String> uids = new HashSet<>();
    for (Object ds : (List<Object>) datasources.get("datasources")) {
      Map<String, Object> d = (Map<String, Object>) ds;
      uids.add((String) d.get("uid"));
      String url = (String) d.get("url");
      assertThat(url).isIn("http://prometheus:9090", "postgres:5432");
      String host = url.replaceFirst("^http://", "").split(":")[0];
      assertThat(service(compose, host)).as(url).isNotNull();
      String user = (String) d.get("user");
      if (user != null) {
        assertThat(VARIABLE.matcher(user).replaceAll("$1")).isEqualTo("POSTGRES_USER");
        assertThat(env(service(compose, "grafana"), "POSTGRES_USER")).isEqualTo(env(postgres, "POSTGRES_USER"));
      }
    }
    try (Stream<Path> dashboards = Files.list(ROOT.resolve("grafana/dashboards"))) {
      for (Path dashboard : dashboards.toList()) {
        for (JsonNode panel : JsonSerde.mapper().readTree(dashboard.toFile()).get("panels")) {
          if (panel.has("datasource")) {
            assertThat(uids).as(dashboard + " " + panel.get("title")).contains(panel.get("datasource").get("uid").asText());
          }
        }
      }
    }
    Map<String, Object> provider = (Map<String, Object>) ((List<Object>) yaml(ROOT.resolve("grafana/provisioning/dashboards/takeaways.yml")).get("providers")).get(0);
    String dashboardsIn = (String) ((Map<String, Object>) provider.get("options")).get("path");
    assertThat(list(service(compose, "grafana"), "volumes")).contains("./grafana/dashboards:" + dashboardsIn + ":ro");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyMountedPathExistsAndEveryHostPortIsDocumented() throws IOException {
    Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
    String readme = Files.readString(ROOT.resolve("README.md"));
    List<String> ports = new ArrayList<>();
    for (String name : ((Map<String, Object>) compose.get("services")).keySet()) {
      Map<String, Object> s = service(compose, name);
      for (String volume : list(s, "volumes")) {
        String host = volume.split(":")[0];
        if (host.startsWith("./")) {
          assertThat(ROOT.resolve(host)).as(name + " mounts " + host).exists();
        }
      }
      for (String port : list(s, "ports")) {
        String[] parts = port.split(":");
        assertThat(parts[0]).as(name + " publishes " + port + " on 127.0.0.1 only").isEqualTo("127.0.0.1");
        ports.add(parts[1]);
        assertThat(readme).as("README documents port " + parts[1] + " of " + name).contains("| " + parts[1] + " ");
      }
    }
    assertThat(ports).doesNotHaveDuplicates().contains("29092", "5432", "9090", "3000", "9465");
  }

  @Test
  void debiansDockerComposeAcceptsTheFile() throws Exception {
    Path compose = Tools.require("docker-compose", "docker-compose");
    Process p = new ProcessBuilder(compose.toString(), "config", "-q").directory(ROOT.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
