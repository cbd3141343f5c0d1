package dev.takeaways.app.cli;

import dev.takeaways.model.JsonSerde;
import dev.takeaways.model.Tag;
import dev.takeaways.model.TaggedTakeaway;
import dev.takeaways.model.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** Follows {@code takeaways.tagged}, filtered by the tag-id header without parsing the record. */
@Command(name = "tail", mixinStandardHelpOptions = true, description = "Follows takeaways.tagged and prints each takeaway readably.")
public final class TailCommand implements Callable<Integer> {
  private static final JsonSerde<TaggedTakeaway> TAGGED = Topics.TAKEAWAYS_TAGGED.serde();

  @Mixin KafkaOptions kafka;

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--tag", paramLabel = "ID", description = "Only takeaways with this tag (e.g. tool:docker); repeatable, any matches.")
  List<String> tags = List.of();

  @Option(names = "--type", paramLabel = "TYPE", description = "Only takeaways with a tag of this type: tool or practice.")
  String type;

  @Option(names = "--from-beginning", description = "Start from the oldest takeaway instead of new ones.")
  boolean fromBeginning;

  @Option(names = "--max", paramLabel = "N", description = "Stop after N takeaways.")
  long max = Long.MAX_VALUE;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> config = kafka.clientConfig();
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    AtomicBoolean running = new AtomicBoolean(true);
    CountDownLatch done = new CountDownLatch(1);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      Thread hook = new Thread(() -> {
        running.set(false);
        consumer.wakeup();
        try {
          done.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      Runtime.getRuntime().addShutdownHook(hook);
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.TAKEAWAYS_TAGGED.name(), Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      if (fromBeginning) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      long printed = 0;
      try {
        while (running.get() && printed < max) {
          for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
            if (r.value() != null && matches(r) && printed < max) {
              out.println(format(TAGGED.fromBytes(r.value())));
              out.flush();
              printed++;
            }
          }
        }
      } catch (WakeupException e) {
        // Ctrl-C.
      } finally {
        done.countDown();
      }
      if (!Shutdown.inProgress() && running.get()) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
    return ExitCodes.OK;
  }

  private boolean matches(ConsumerRecord<String, byte[]> r) {
    Header header = r.headers().lastHeader(Topics.HEADER_TAGS);
    List<String> ids = header == null || header.value().length == 0
        ? List.of()
        : Arrays.asList(new String(header.value(), StandardCharsets.UTF_8).split(","));
    if (!tags.isEmpty() && ids.stream().noneMatch(tags::contains)) {
      return false;
    }
    return type == null || ids.stream().anyMatch(id -> id.startsWith(type + ":"));
  }

  static String format(TaggedTakeaway t) {
    String where = t.sessionTitle() == null ? t.noteTitle() : t.sessionTitle() + (t.speaker() == null ? "" : " (" + t.speaker() + ")");
    String tagList = t.tags().isEmpty() ? "" : " [" + String.join(", ", t.tags().stream().map(Tag::id).toList()) + "]";
    return t.kind().wireName() + ": " + t.text() + tagList + " -- " + where;
  }
}
