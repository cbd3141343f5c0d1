package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takeaways.enrich.tag.Taxonomy;
import dev.takeaways.ingest.FolderWatcher;
import dev.takeaways.metrics.MetricNames;
import dev.takeaways.publish.JdbcNoteStore;
import dev.takeaways.testsupport.Notes;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's disk fills up (a small tmpfs, where the machine lets the test mount one): the
 * publisher says so, counts the errors and reports not ready, loses nothing, and stores every note
 * once space returns.
 */
class DiskFullIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir Path dir;
  private SmallDisk disk;
  private KafkaFixture kafka;
  private Pipeline pipeline;

  @AfterEach
  void cleanUp() throws Exception {
    if (pipeline != null) {
      pipeline.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (disk != null) {
      disk.close();
    }
  }

  @Test
  void aFullDiskStopsThePublisherVisiblyAndItCatchesUpWhenSpaceReturns() throws Exception {
    disk = SmallDisk.mount(dir.resolve("small"), "2m");
    Path small = disk.root();

    Path watch = Files.createDirectories(dir.resolve("notes"));
    kafka = KafkaFixture.start(dir);
    Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
    TopicInstaller.install(client, true);
    String store = JdbcNoteStore.sqliteUrl(small.resolve("takeaways.db"));
    pipeline = Pipeline.start(new PipelineSettings(client, Files.createDirectories(dir.resolve("data")), watch, true, store,
        new InetSocketAddress("127.0.0.1", 0), null, FolderWatcher.Settings.events(Duration.ofMillis(50)), Taxonomy.bundled()));
    await().atMost(PATIENCE).until(pipeline::isReady);

    // Fill the store's file system to the last byte.
    Path filler = disk.fill();

    List<Path> notes = List.of(Notes.seedPath(), Notes.examples().get(0), Notes.examples().get(1));
    for (Path note : notes) {
      Files.copy(note, watch.resolve(note.getFileName()));
    }
    await().atMost(PATIENCE).until(() -> !pipeline.isReady());
    assertThat(pipeline.notReady()).contains("publish");
    double errors = pipeline.registry().get(MetricNames.COMPONENT_ERRORS).tag(MetricNames.STAGE, "publish").counter().count();
    assertThat(errors).isPositive();
    assertThat(StoreRows.count(store, "SELECT COUNT(*) FROM notes")).isLessThan(notes.size());

    Files.delete(filler);
    await().atMost(PATIENCE).until(() -> StoreRows.count(store, "SELECT COUNT(*) FROM notes") == notes.size());
    await().atMost(PATIENCE).until(pipeline::isReady);
    assertThat(pipeline.registry().find(MetricNames.PUBLISH_NOTES).tag(MetricNames.OUTCOME, "dead-lettered").counters()).isEmpty();
  }
}
