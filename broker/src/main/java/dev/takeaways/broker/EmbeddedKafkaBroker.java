package dev.takeaways.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, one node), run in this
 * process from the official Kafka artifacts. Its data lives under the given folder, so a restart
 * keeps every topic; it listens on the given host only (127.0.0.1 by default). The storage is
 * formatted with Kafka's own storage tool on first start.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, FileChannel lockChannel, FileLock lock) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Formats {@code dataDir} if it is new, starts the broker, and returns once it answers.
   *
   * @param host the address to listen on
   * @param port the client port (9092 by default)
   * @param controllerPort the KRaft controller port
   */
  public static EmbeddedKafkaBroker start(Path dataDir, String host, int port, int controllerPort, Duration timeout) throws IOException {
    return start(dataDir, host, port, controllerPort, timeout, Map.of(), Map.of());
  }

  /**
   * As {@link #start(Path, String, int, int, Duration)}, with broker settings that replace the
   * defaults (listeners with SASL, say), and the client settings a client needs to reach it, used to
   * check that it answers.
   */
  public static EmbeddedKafkaBroker start(
      Path dataDir, String host, int port, int controllerPort, Duration timeout, Map<String, String> overrides, Map<String, Object> clientConfig)
      throws IOException {
    return start(dataDir, host, port, controllerPort, timeout, overrides, clientConfig, Uuid.randomUuid().toString());
  }

  /**
   * As {@link #start(Path, String, int, int, Duration, Map, Map)}, formatting new storage with
   * {@code clusterId}: the nodes of one cluster (given their {@code node.id} and the quorum's
   * {@code controller.quorum.voters} in {@code overrides}) share it.
   */
  public static EmbeddedKafkaBroker start(
      Path dataDir, String host, int port, int controllerPort, Duration timeout, Map<String, String> overrides, Map<String, Object> clientConfig,
      String clusterId)
      throws IOException {
    Path logs = dataDir.resolve("logs").toAbsolutePath();
    Files.createDirectories(logs);
    // Two brokers on one data folder, or a second broker joining the first one's quorum through a
    // busy port, would corrupt both: refuse before Kafka starts.
    FileChannel lockChannel = FileChannel.open(dataDir.resolve("takeaways.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = lockChannel.tryLock();
    if (lock == null) {
      lockChannel.close();
      throw new IOException(dataDir.toAbsolutePath() + " is in use by another running broker");
    }
    try {
      requireFree(host, port);
      requireFree(host, controllerPort);
    } catch (IOException e) {
      lock.release();
      lockChannel.close();
      throw e;
    }
    Map<String, String> props = new TreeMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
    props.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", logs.toString());
    props.put("num.partitions", "1");
    props.put("auto.create.topics.enable", "false");
    // One node: every internal topic has one replica.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "5");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    // Restarted after a crash, the broker waits until the controller has expired its previous
    // registration: with the defaults (9 s), that is most of a restart. One process, one node: short.
    props.put("broker.heartbeat.interval.ms", "500");
    props.put("broker.session.timeout.ms", "2000");
    // A controlled shutdown asks the controller to move leadership away first: one node has nowhere
    // to move it, and a broker whose disk failed would wait five minutes for a controller that is gone.
    props.put("controlled.shutdown.enable", "false");
    props.put("message.max.bytes", String.valueOf(8 * 1024 * 1024 + 1024));
    props.put("log.cleaner.backoff.ms", "5000");
    props.putAll(overrides);

    Path config = dataDir.resolve("server.properties").toAbsolutePath();
    Properties properties = new Properties();
    properties.putAll(props);
    try (Writer w = Files.newBufferedWriter(config)) {
      properties.store(w, "Written by takeaways at every start of the embedded broker");
    }
    if (!Files.exists(logs.resolve("meta.properties"))) {
      format(config, clusterId);
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
    server.startup();
    String bootstrap = host + ":" + port;
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrap, lockChannel, lock);
    try {
      broker.awaitReady(timeout, clientConfig);
    } catch (IOException | RuntimeException e) {
      try {
        broker.close();
      } catch (IOException closeFailed) {
        e.addSuppressed(closeFailed);
      }
      throw e;
    }
    return broker;
  }

  private static void requireFree(String host, int port) throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new IOException("port " + host + ":" + port + " is in use", e);
    }
  }

  private static void format(Path config, String clusterId) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      code = StorageTool.execute(
          new String[] {"format", "--cluster-id", clusterId, "--config", config.toString()}, print);
    }
    if (code != 0) {
      throw new IOException("formatting the Kafka storage failed: " + out.toString(StandardCharsets.UTF_8).strip());
    }
  }

  private void awaitReady(Duration timeout, Map<String, Object> clientConfig) throws IOException {
    Properties p = new Properties();
    p.putAll(clientConfig);
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(p)) {
      admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("the embedded Kafka broker did not answer at " + bootstrapServers + " within " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the embedded Kafka broker", e);
    }
  }

  /** {@code host:port} for clients. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() throws IOException {
    try {
      server.shutdown();
      server.awaitShutdown();
    } finally {
      lock.release();
      lockChannel.close();
    }
  }

  /** A port nothing listens on now, for a broker or a server to bind (or to stand for an unreachable address). */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
