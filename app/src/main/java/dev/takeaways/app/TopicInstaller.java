package dev.takeaways.app;

import dev.takeaways.model.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

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
      return missing.stream().map(NewTopic::name).toList();
    }
  }
}
