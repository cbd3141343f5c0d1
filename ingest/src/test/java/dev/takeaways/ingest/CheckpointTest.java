package dev.takeaways.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  @TempDir Path dir;

  @Test
  void notesRecordedTogetherAreOnFileTogetherAndSurviveARestart() throws Exception {
    Path file = dir.resolve("state/checkpoint.json");
    Checkpoint checkpoint = Checkpoint.load(file);
    checkpoint.putAll(Map.of());
    assertThat(file).as("nothing to record: nothing written").doesNotExist();

    checkpoint.put("a.md", "hash-a");
    checkpoint.putAll(Map.of("b.md", "hash-b", "c.md", "hash-c"));

    Checkpoint reloaded = Checkpoint.load(file);
    assertThat(reloaded.noteIds()).containsExactlyInAnyOrder("a.md", "b.md", "c.md");
    assertThat(reloaded.hash("c.md")).isEqualTo("hash-c");
    assertThat(Files.list(file.getParent())).as("the temporary file is renamed over the checkpoint").containsExactly(file);
  }
}
