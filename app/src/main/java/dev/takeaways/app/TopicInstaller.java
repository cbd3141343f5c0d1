package dev.takeaways.app;

import dev.takeaways.model.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics with explicit settings ({@link TopicLayout}), leaving existing ones
 * as they are but for a warning where they have fewer partitions than asked for.
 */
public final class TopicInstaller {
  private static final Logger LOG = LoggerFactory.getLogger(TopicInstaller.class);

  private TopicInstaller() {}

  /** What {@link #install} did: the layout it used, the topics it created, and its warnings. */
  public record Result(TopicLayout layout, List<String> created, List<String> warnings) {}

  /**
   * Creates whatever topics are missing; returns the names it created.
   *
   * @param singleNode one partition and one replica (the embedded broker); otherwise the cluster
   *     defaults of {@link TopicLayout#onCluster}
   */
  public static List<String> install(Map<String, Object> kafka, boolean singleNode) throws Exception {
    return install(kafka, singleNode, null, null).created();
  }

  /**
   * Creates whatever topics are missing with {@code partitions} and {@code replicationFactor} (null:
   * the defaults), {@code min.insync.replicas} one under the replicas; warns, in the log and the
   * result, of existing topics with fewer partitions than asked for.
   *
   * @param singleNode one partition and one replica whatever was asked (the embedded broker)
   * @throws IllegalArgumentException when more replicas are asked for than the cluster has brokers
   */
  public static Result install(Map<String, Object> kafka, boolean singleNode, Integer partitions, Short replicationFactor)
      throws Exception {
    try (Admin admin = Admin.create(kafka)) {
      TopicLayout layout = singleNode ? TopicLayout.SINGLE_NODE
          : TopicLayout.onCluster(partitions, replicationFactor, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topics.Topic<?> t : Topics.ALL) {
        if (!existing.contains(t.name())) {
          Map<String, String> config = new HashMap<>(t.config());
          config.put("min.insync.replicas", String.valueOf(layout.minInSyncReplicas()));
          missing.add(new NewTopic(t.name(), layout.partitions(), layout.replicationFactor()).configs(config));
        }
      }
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        } catch (TimeoutException e) {
          throw new TimeoutException("creating topics timed out on " + kafka.get("bootstrap.servers"));
        }
      }
      try {
        alignRecordSizes(admin, existing);
      } catch (ExecutionException e) {
        // A cluster may not let us (ACLs): say so, and let the broker refuse what is too large.
        LOG.warn("could not align the topics' max.message.bytes with the note size limit: {}", e.getCause().getMessage());
      }
      List<String> warnings = singleNode ? List.of() : fewerPartitions(admin, existing, layout, String.valueOf(kafka.get("bootstrap.servers")));
      warnings.forEach(LOG::warn);
      return new Result(layout, missing.stream().map(NewTopic::name).toList(), warnings);
    }
  }

  /** A warning for each existing topic with fewer partitions than the layout's, naming the command that grows it. */
  private static List<String> fewerPartitions(Admin admin, Set<String> existing, TopicLayout layout, String bootstrap) throws Exception {
    List<String> names = Topics.ALL.stream().map(Topics.Topic::name).filter(existing::contains).toList();
    if (names.isEmpty()) {
      return List.of();
    }
    List<String> warnings = new ArrayList<>();
    admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, topic) -> {
      int has = topic.partitions().size();
      if (has < layout.partitions()) {
        warnings.add("topic " + name + " has " + has + " partition" + (has == 1 ? "" : "s") + ", fewer than the " + layout.partitions()
            + " asked for: at most " + has + " instance" + (has == 1 ? "" : "s") + " of a stage can share its work. To grow it, with the"
            + " pipeline stopped and caught up (a note's next version may land in another partition): kafka-topics.sh --bootstrap-server "
            + bootstrap + " --alter --topic " + name + " --partitions " + layout.partitions());
      }
    });
    return warnings;
  }

  /**
   * Topics created under another note size limit get this one's {@code max.message.bytes}, so that
   * the limit, the producers and the topics agree.
   */
  private static void alignRecordSizes(Admin admin, Set<String> existing) throws Exception {
    String wanted = String.valueOf(Topics.MAX_RECORD_BYTES);
    List<ConfigResource> resources = Topics.ALL.stream()
        .filter(t -> existing.contains(t.name()))
        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name()))
        .toList();
    if (resources.isEmpty()) {
      return;
    }
    Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
    configs.forEach((resource, config) -> {
      ConfigEntry entry = config.get("max.message.bytes");
      if (entry == null || !wanted.equals(entry.value())) {
        changes.put(resource, List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", wanted), AlterConfigOp.OpType.SET)));
      }
    });
    if (!changes.isEmpty()) {
      admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
    }
  }
}
