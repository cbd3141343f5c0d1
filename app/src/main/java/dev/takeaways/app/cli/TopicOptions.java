package dev.takeaways.app.cli;

import dev.takeaways.app.TopicInstaller;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The layout of the topics a command creates on a cluster: flags first, then the environment. */
public final class TopicOptions {
  @Option(
      names = "--partitions",
      paramLabel = "N",
      description = "Partitions of each topic created on a cluster (env TAKEAWAYS_PARTITIONS; default 6: up to six instances of a"
          + " stage share the work). The embedded broker has one.")
  Integer partitions;

  @Option(
      names = "--replication-factor",
      paramLabel = "R",
      description = "Replicas of each topic created on a cluster (env TAKEAWAYS_REPLICATION_FACTOR; default 3, or the number of brokers"
          + " where there are fewer); min.insync.replicas is R-1, at least 1.")
  Short replicationFactor;

  /** Creates the missing topics on {@code kafka} as these options say (one partition and replica on the embedded broker). */
  TopicInstaller.Result install(Map<String, Object> kafka, boolean singleNode) throws Exception {
    return TopicInstaller.install(kafka, singleNode, orEnv(partitions, "TAKEAWAYS_PARTITIONS", Integer::valueOf),
        orEnv(replicationFactor, "TAKEAWAYS_REPLICATION_FACTOR", Short::valueOf));
  }

  /**
   * {@code kafka} and the settings Kafka Streams gives the topics it creates itself (the enrich
   * store's changelog) on a cluster: the layout's replicas and {@code min.insync.replicas}.
   */
  static Map<String, Object> withStreamsTopics(Map<String, Object> kafka, TopicInstaller.Result installed, boolean singleNode) {
    if (singleNode) {
      return kafka;
    }
    Map<String, Object> out = new LinkedHashMap<>(kafka);
    out.putIfAbsent("replication.factor", installed.layout().replicationFactor());
    out.putIfAbsent("topic.min.insync.replicas", installed.layout().minInSyncReplicas());
    return out;
  }

  private static <T> T orEnv(T flag, String variable, Function<String, T> parse) {
    if (flag != null) {
      return flag;
    }
    String env = Env.value(variable);
    if (env == null) {
      return null;
    }
    try {
      return parse.apply(env);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(variable + " must be a whole number, was '" + env + "'");
    }
  }
}
