package dev.takeaways.app;

import dev.takeaways.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * One node (broker and controller) of a KRaft cluster on loopback, as an OS process of its own, from
 * the official Apache Kafka artifacts through {@link EmbeddedKafkaBroker}: the cluster of {@link
 * ClusterIT}. Prints {@code ready HOST:PORT} once it answers, and runs until killed.
 *
 * <p>Arguments: the node id (1-based), its data folder, the cluster id, then the client ports and the
 * controller ports of all nodes, comma-separated.
 */
public final class ClusterNode {
  private ClusterNode() {}

  public static void main(String[] args) throws Exception {
    int id = Integer.parseInt(args[0]);
    Path data = Path.of(args[1]);
    String clusterId = args[2];
    String[] ports = args[3].split(",");
    String[] controllerPorts = args[4].split(",");
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data, "127.0.0.1", Integer.parseInt(ports[id - 1]),
        Integer.parseInt(controllerPorts[id - 1]), Duration.ofSeconds(120), settings(id, controllerPorts), Map.of(), clusterId);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        broker.close();
      } catch (IOException e) {
        e.printStackTrace();
      }
      stop.countDown();
    }));
    System.out.println("ready " + broker.bootstrapServers());
    System.out.flush();
    stop.await();
  }

  /** The settings of node {@code id} of a cluster whose controllers listen on {@code controllerPorts}. */
  static Map<String, String> settings(int id, String[] controllerPorts) {
    List<String> voters = new ArrayList<>();
    for (int i = 0; i < controllerPorts.length; i++) {
      voters.add((i + 1) + "@127.0.0.1:" + controllerPorts[i]);
    }
    int nodes = controllerPorts.length;
    String replicas = String.valueOf(Math.min(3, nodes));
    String minIsr = String.valueOf(Math.max(1, Math.min(3, nodes) - 1));
    Map<String, String> s = new TreeMap<>();
    s.put("node.id", String.valueOf(id));
    s.put("controller.quorum.voters", String.join(",", voters));
    s.put("offsets.topic.replication.factor", replicas);
    s.put("transaction.state.log.replication.factor", replicas);
    s.put("transaction.state.log.min.isr", minIsr);
    s.put("share.coordinator.state.topic.replication.factor", replicas);
    s.put("share.coordinator.state.topic.min.isr", minIsr);
    s.put("default.replication.factor", replicas);
    s.put("min.insync.replicas", minIsr);
    return s;
  }
}
