package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takeaways.model.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topics on a (one-broker) cluster: as many partitions as asked, min.insync.replicas set, and a warning for topics that have fewer. */
class TopicInstallerIT {
  @TempDir Path dir;
  private KafkaFixture kafka;
  private Map<String, Object> client;

  @BeforeEach
  void startBroker() throws Exception {
    kafka = KafkaFixture.start(dir);
    client = Map.of("bootstrap.servers", kafka.bootstrapServers());
  }

  @AfterEach
  void stopBroker() throws Exception {
    kafka.close();
  }

  @Test
  void topicsGetThePartitionsAskedForAndTheirMinInSyncReplicas() throws Exception {
    TopicInstaller.Result result = TopicInstaller.install(client, false, 4, null);

    assertThat(result.layout()).isEqualTo(new TopicLayout(4, (short) 1));
    assertThat(result.created()).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topics.Topic::name).toList());
    assertThat(result.warnings()).isEmpty();
    try (Admin admin = Admin.create(client)) {
      String raw = Topics.NOTES_RAW.name();
      TopicDescription description = admin.describeTopics(List.of(raw)).allTopicNames().get(30, TimeUnit.SECONDS).get(raw);
      assertThat(description.partitions()).hasSize(4);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, raw);
      Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
      assertThat(config.get("min.insync.replicas").value()).isEqualTo("1");
    }
  }

  @Test
  void existingTopicsWithFewerPartitionsGetAWarningThatNamesTheCommandToGrowThem() throws Exception {
    TopicInstaller.install(client, true);

    TopicInstaller.Result again = TopicInstaller.install(client, false, 6, null);

    assertThat(again.created()).isEmpty();
    assertThat(again.warnings()).hasSize(Topics.ALL.size());
    assertThat(again.warnings()).anySatisfy(w -> assertThat(w)
        .contains("topic notes.raw has 1 partition, fewer than the 6 asked for")
        .contains("kafka-topics.sh --bootstrap-server " + kafka.bootstrapServers() + " --alter --topic notes.raw --partitions 6"));
    assertThat(TopicInstaller.install(client, false, 1, null).warnings()).as("as many as asked for").isEmpty();
  }

  @Test
  void moreReplicasThanBrokersIsRefusedWithTheReason() {
    assertThatThrownBy(() -> TopicInstaller.install(client, false, null, (short) 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--replication-factor 3 needs at least 3 brokers; the cluster has 1");
  }
}
