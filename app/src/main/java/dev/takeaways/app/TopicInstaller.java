package dev.takeaways.app;

import dev.takeaways.model.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.slf4j.LoggerFactory;

/** Creates the pipeline's topics with explicit settings, leaving existing ones as they are. */
public final class TopicInstaller {
  private TopicInstaller() {}

  /**
   * Creates whatever topics are missing; returns the names it created.
   *
   * @param singleNode one partition and one replica (the embedded broker); otherwise the cluster's
   *     defaults for both
   */
  public static List<String> install(Map<String, Object> kafka, boolean singleNode) throws Exception {
    Optional<Integer> partitions = singleNode ? Optional.of(1) : Optional.empty();
    Optional<Short> replication = singleNode ? Optional.of((short) 1) : Optional.empty();
    try (Admin admin = Admin.create(kafka)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topics.Topic<?> t : Topics.ALL) {
        if (!existing.contains(t.name())) {
          missing.add(new NewTopic(t.name(), partitions, replication).configs(t.config()));
        }
      }
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
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
        LoggerFactory.getLogger(TopicInstaller.class)
            .warn("could not align the topics' max.message.bytes with the note size limit: {}", e.getCause().getMessage());
      }
      return missing.stream().map(NewTopic::name).toList();
    }
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
