package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Partitions and replicas on a cluster: defaults from the cluster's size, and asked-for values checked against it. */
class TopicLayoutTest {
  @Test
  void theDefaultsFollowTheClustersSize() {
    assertThat(TopicLayout.onCluster(null, null, 1)).isEqualTo(new TopicLayout(6, (short) 1));
    assertThat(TopicLayout.onCluster(null, null, 2)).isEqualTo(new TopicLayout(6, (short) 2));
    assertThat(TopicLayout.onCluster(null, null, 3)).isEqualTo(new TopicLayout(6, (short) 3));
    assertThat(TopicLayout.onCluster(null, null, 7)).isEqualTo(new TopicLayout(6, (short) 3));
  }

  @Test
  void minInSyncReplicasIsOneUnderTheReplicasAndAtLeastOne() {
    assertThat(new TopicLayout(6, (short) 3).minInSyncReplicas()).isEqualTo(2);
    assertThat(new TopicLayout(6, (short) 2).minInSyncReplicas()).isEqualTo(1);
    assertThat(new TopicLayout(6, (short) 1).minInSyncReplicas()).isEqualTo(1);
    assertThat(TopicLayout.SINGLE_NODE).isEqualTo(new TopicLayout(1, (short) 1));
  }

  @Test
  void askedForValuesWinAndAreCheckedAgainstTheCluster() {
    assertThat(TopicLayout.onCluster(12, (short) 2, 3)).isEqualTo(new TopicLayout(12, (short) 2));
    assertThatThrownBy(() -> TopicLayout.onCluster(null, (short) 3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--replication-factor 3 needs at least 3 brokers; the cluster has 1");
    assertThatThrownBy(() -> TopicLayout.onCluster(0, null, 3)).hasMessageContaining("--partitions must be at least 1");
    assertThatThrownBy(() -> TopicLayout.onCluster(null, (short) 0, 3)).hasMessageContaining("--replication-factor must be at least 1");
  }
}
