package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.model.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A note at the size limit, of the shape that makes the most output, in the heap {@code takeaways} runs with. */
class BigNoteIT {
  @TempDir Path dir;

  @Test
  void parseJsonOfANoteAtTheSizeLimitRunsIn512MbOfHeap() throws Exception {
    // A journal of short bullets: each line a takeaway with tags, the JSON twenty times the note.
    StringBuilder journal = new StringBuilder("# Journal\n");
    for (int n = 1; ; n++) {
      String line = (n % 500 == 0 ? "\n## Day " + n / 500 + "\n\n" : "") + "- item " + n + ": notes on kubernetes and docker\n";
      if (journal.length() + line.length() > Topics.MAX_NOTE_BYTES) {
        break;
      }
      journal.append(line);
    }
    Path note = Files.writeString(dir.resolve("journal.md"), journal);
    Path json = dir.resolve("journal.json");
    Path err = dir.resolve("err.txt");
    Process parse = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), Takeaways.class.getName(), "parse", "--json", note.toString()))
        .redirectOutput(json.toFile()).redirectError(err.toFile()).start();

    assertThat(parse.waitFor(5, TimeUnit.MINUTES)).as("parse finished").isTrue();
    assertThat(parse.exitValue()).as(Files.readString(err)).isZero();
    assertThat(Files.size(json)).isGreaterThan(10L * Files.size(note));
  }
}
