package dev.takeaways.app;

/**
 * How the pipeline's topics are laid out on the brokers: partitions (how many instances of a stage
 * can share the work) and replicas (how many brokers may be lost), with {@code min.insync.replicas}
 * one under the replicas, so that a write acknowledged by {@code acks=all} is on at least two
 * brokers wherever there are three replicas, and one broker can be lost without refusing writes.
 *
 * @param partitions the partitions of each topic
 * @param replicationFactor the replicas of each partition
 */
public record TopicLayout(int partitions, short replicationFactor) {
  /** The embedded broker: one node, so one partition and one replica. */
  public static final TopicLayout SINGLE_NODE = new TopicLayout(1, (short) 1);

  /**
   * Partitions on a cluster unless {@code --partitions} says otherwise: six lets one, two, three or
   * six instances of a stage share the work evenly, and costs a small cluster little.
   */
  public static final int DEFAULT_PARTITIONS = 6;

  /** Replicas on a cluster of three brokers or more unless {@code --replication-factor} says otherwise. */
  public static final short DEFAULT_REPLICATION_FACTOR = 3;

  public TopicLayout {
    if (partitions < 1) {
      throw new IllegalArgumentException("--partitions must be at least 1, was " + partitions);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException("--replication-factor must be at least 1, was " + replicationFactor);
    }
  }

  /**
   * The layout on a cluster of {@code brokers} brokers.
   *
   * @param partitions the partitions asked for, or null for {@link #DEFAULT_PARTITIONS}
   * @param replicationFactor the replicas asked for, or null for three, or as many as there are
   *     brokers where there are fewer
   * @throws IllegalArgumentException when more replicas are asked for than there are brokers
   */
  public static TopicLayout onCluster(Integer partitions, Short replicationFactor, int brokers) {
    short replicas = replicationFactor != null ? replicationFactor : (short) Math.max(1, Math.min(DEFAULT_REPLICATION_FACTOR, brokers));
    if (replicas > brokers) {
      throw new IllegalArgumentException(
          "--replication-factor " + replicas + " needs at least " + replicas + " brokers; the cluster has " + brokers);
    }
    return new TopicLayout(partitions != null ? partitions : DEFAULT_PARTITIONS, replicas);
  }

  /** One under the replicas, at least one: writes go on with one broker lost. */
  public int minInSyncReplicas() {
    return Math.max(1, replicationFactor - 1);
  }
}
