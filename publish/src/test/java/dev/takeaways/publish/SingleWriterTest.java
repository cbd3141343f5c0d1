package dev.takeaways.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One publisher per SQLite file, in this process and across processes; none of that for PostgreSQL. */
class SingleWriterTest {
  @TempDir Path dir;

  /** Holds the writer's lock of the store named by its argument until its standard input closes. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      try (AutoCloseable held = SingleWriter.acquire(args[0])) {
        System.out.println("held");
        System.out.flush();
        System.in.read();
      }
    }
  }

  @Test
  void aSecondPublisherOfOneSqliteFileInThisProcessIsRefusedUntilTheFirstStops() throws Exception {
    String url = JdbcNoteStore.sqliteUrl(dir.resolve("data/takeaways.db"));
    AutoCloseable first = SingleWriter.acquire(url);

    assertThatThrownBy(() -> SingleWriter.acquire(url))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the SQLite store " + dir.resolve("data/takeaways.db").toAbsolutePath() + " already has a publisher")
        .hasMessageContaining("SQLite has one writer");
    first.close();
    SingleWriter.acquire(url).close();
  }

  @Test
  void aPublisherInAnotherProcessHoldsTheFileUntilItDiesWithoutLeavingAStaleLock() throws Exception {
    String url = JdbcNoteStore.sqliteUrl(dir.resolve("takeaways.db"));
    Process other = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
        Holder.class.getName(), url).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("held");

      assertThatThrownBy(() -> SingleWriter.acquire(url)).hasMessageContaining("already has a publisher");
    } finally {
      other.destroyForcibly();
      assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    SingleWriter.acquire(url).close();
  }

  @Test
  void otherDatabasesTakeNoLock() throws Exception {
    AutoCloseable a = SingleWriter.acquire("jdbc:postgresql://127.0.0.1:5432/takeaways");
    AutoCloseable b = SingleWriter.acquire("jdbc:postgresql://127.0.0.1:5432/takeaways");
    a.close();
    b.close();
    assertThat(SingleWriter.sqliteFile("jdbc:sqlite::memory:")).isNull();
    assertThat(SingleWriter.sqliteFile("jdbc:sqlite:/x/y.db?journal_mode=WAL")).isEqualTo(Path.of("/x/y.db"));
  }
}
