package dev.takeaways.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takeaways.metrics.AssertionChecker;
import dev.takeaways.metrics.MetricNames;
import dev.takeaways.model.DeadLetter;
import dev.takeaways.model.RawNote;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The watcher on a real folder. Its sink records what it was given (the Kafka side is covered by
 * the end-to-end test against a real broker).
 */
class FolderWatcherTest {
  @TempDir Path root;
  @TempDir Path state;
  @TempDir Path outside;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  /** Where the watch's writes go; {@code FolderWatcherKafkaIT} puts a real broker behind it. */
  RecordingSink sink = new RecordingSink();
  private FolderWatcher watcher;
  private Thread thread;

  /** Every write, in order: "send id", "delete id" or "dead id reason". */
  static class RecordingSink implements NoteSink {
    final List<String> writes = new CopyOnWriteArrayList<>();
    final List<RawNote> notes = new CopyOnWriteArrayList<>();

    @Override
    public void send(RawNote note) throws SinkException {
      notes.add(note);
      writes.add("send " + note.id());
    }

    @Override
    public void delete(String noteId) throws SinkException {
      writes.add("delete " + noteId);
    }

    @Override
    public void deadLetter(DeadLetter letter) throws SinkException {
      writes.add("dead " + letter.noteId() + " " + letter.reason());
    }
  }

  /** How the watch follows the folder; {@link PolledFolderWatcherTest} runs every case by polling. */
  FolderWatcher.Settings settings = FolderWatcher.Settings.events(Duration.ofMillis(50));

  private void start() throws IOException {
    NoteValidator validator = new NoteValidator(1024);
    AssertionChecker checker = new AssertionChecker(registry, IngestContract.ALL);
    NoteIngestor ingestor = new NoteIngestor(validator, sink, registry, checker, Clock.systemUTC(), true);
    watcher = new FolderWatcher(root, ingestor, Checkpoint.load(state.resolve("checkpoint.json")), settings, Clock.systemUTC());
    thread = new Thread(watcher, "watcher");
    thread.start();
    await().atMost(Duration.ofSeconds(10)).until(watcher::isReady);
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (watcher != null) {
      watcher.close();
      thread.join(5000);
    }
  }

  private void restart() throws IOException, InterruptedException {
    stop();
    sink.writes.clear();
    start();
  }

  @Test
  void notesAlreadyThereAndDroppedInAreSentOnce() throws Exception {
    Files.writeString(root.resolve("before.md"), "# Before\n");
    start();
    Files.createDirectories(root.resolve("talks/day1"));
    Files.writeString(root.resolve("talks/day1/after.md"), "# After\n");

    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.size() >= 2);
    assertThat(sink.writes).containsExactlyInAnyOrder("send before.md", "send talks/day1/after.md");
    assertThat(sink.notes).allSatisfy(n -> assertThat(n.source().kind()).isEqualTo(RawNote.Source.FOLDER));
  }

  @Test
  void notesGoOutTogetherAndEachIsRecordedOnlyOnceKafkaAcknowledgedIt() throws Exception {
    List<String> names = List.of("a.md", "b.md", "c.md", "d.md", "e.md", "f.md", "g.md", "h.md");
    for (String name : names) {
      Files.writeString(root.resolve(name), "# " + name + "\n");
    }
    List<String> events = new CopyOnWriteArrayList<>();
    AtomicBoolean brokerGoesAwayOnce = new AtomicBoolean(true);
    RecordingSink behind = sink; // a real broker in FolderWatcherKafkaIT
    sink = new RecordingSink() {
      @Override
      public Write sendLater(RawNote note) {
        events.add("start " + note.id());
        boolean fails = note.id().equals("b.md") && brokerGoesAwayOnce.getAndSet(false);
        Write write = fails ? Write.DONE : behind.sendLater(note);
        return () -> {
          events.add("acknowledged? " + note.id());
          if (fails) {
            throw new SinkException("b.md: could not write to Kafka: the broker went away", null);
          }
          write.await();
          super.send(note);
        };
      }
    };
    start();

    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.size() >= names.size());
    // Notes that settle together are sent before the first of them is waited for (how many settle in
    // one look depends on when the watch saw each file), and are waited for in the order sent.
    assertThat(String.join(",", events)).containsPattern("start [a-h].md,start ");
    assertThat(events.stream().filter(e -> e.startsWith("acknowledged? ")).map(e -> e.substring(14)))
        .containsExactlyElementsOf(events.stream().filter(e -> e.startsWith("start ")).map(e -> e.substring(6)).toList());
    // b.md was not recorded when its write failed: it was read and sent again.
    assertThat(events).filteredOn(e -> e.equals("start b.md")).hasSize(2);
    assertThat(sink.writes).containsExactlyInAnyOrderElementsOf(names.stream().map(n -> "send " + n).toList());

    // Each acknowledged note is in the checkpoint: a restart sends only what is new.
    restart();
    Files.writeString(root.resolve("new.md"), "# new\n");
    await().atMost(Duration.ofSeconds(10)).until(() -> !sink.writes.isEmpty());
    assertThat(sink.writes).containsExactly("send new.md");
  }

  @Test
  void globsChooseWhichFilesAreNotes() throws Exception {
    settings = new FolderWatcher.Settings(settings.debounce(), settings.poll(), List.of("*.note", "talks/**.md"));
    start();
    Files.createDirectories(root.resolve("talks/day1"));
    Files.writeString(root.resolve("journal.NOTE"), "# Journal\n");
    Files.writeString(root.resolve("talks/day1/keynote.md"), "# Keynote\n");
    Files.writeString(root.resolve("readme.md"), "# Not a note here\n");

    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.size() >= 2);
    assertThat(sink.writes).containsExactlyInAnyOrder("send journal.NOTE", "send talks/day1/keynote.md");
  }

  @Test
  void ignoresHiddenTemporaryAndNonNoteFiles() throws Exception {
    start();
    Files.writeString(root.resolve(".hidden.md"), "x");
    Files.writeString(root.resolve("draft.md~"), "x");
    Files.writeString(root.resolve(".note.md.swp"), "x");
    Files.writeString(root.resolve("picture.png"), "x");
    Files.writeString(root.resolve("real.md"), "# Real\n");

    await().atMost(Duration.ofSeconds(10)).until(() -> !sink.writes.isEmpty());
    assertThat(sink.writes).containsExactly("send real.md");
  }

  @Test
  void anEditorsWriteThenRenameSaveSendsTheNewVersion() throws Exception {
    Files.writeString(root.resolve("n.md"), "# One\n");
    start();
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.notes.size() == 1);

    Path tmp = root.resolve("n.md.tmp");
    Files.writeString(tmp, "# Two\n");
    Files.move(tmp, root.resolve("n.md"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    await().atMost(Duration.ofSeconds(10)).until(() -> sink.notes.size() == 2);
    assertThat(sink.notes.get(1).content()).isEqualTo("# Two\n");
    assertThat(sink.writes).containsExactly("send n.md", "send n.md");
  }

  @Test
  void deletingAFileOrAFolderSendsTombstones() throws Exception {
    Files.createDirectories(root.resolve("d"));
    Files.writeString(root.resolve("a.md"), "# A\n");
    Files.writeString(root.resolve("d/b.md"), "# B\n");
    start();
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.size() == 2);

    Files.delete(root.resolve("a.md"));
    Files.delete(root.resolve("d/b.md"));
    Files.delete(root.resolve("d"));

    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.size() == 4);
    assertThat(sink.writes.subList(2, 4)).containsExactlyInAnyOrder("delete a.md", "delete d/b.md");
  }

  @Test
  void aFolderMovedInIsReadAndAMoveWithinTheTreeChangesTheIds() throws Exception {
    start();
    Path talks = Files.createDirectories(outside.resolve("talks"));
    Files.writeString(talks.resolve("keynote.md"), "# Keynote\n");
    Files.writeString(talks.resolve("breakout.md"), "# Breakout\n");
    Files.move(talks, root.resolve("talks"), StandardCopyOption.ATOMIC_MOVE);

    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.size() >= 2);
    assertThat(sink.writes).containsExactlyInAnyOrder("send talks/keynote.md", "send talks/breakout.md");

    // The id is the path in the folder: a move is the old id gone and the new one there.
    Files.createDirectories(root.resolve("2026"));
    Files.move(root.resolve("talks"), root.resolve("2026/talks"), StandardCopyOption.ATOMIC_MOVE);
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.size() >= 6);
    assertThat(sink.writes.subList(2, sink.writes.size()))
        .containsExactlyInAnyOrder("delete talks/keynote.md", "delete talks/breakout.md", "send 2026/talks/keynote.md", "send 2026/talks/breakout.md");
  }

  @Test
  void aRestartSendsOnlyWhatChangedWhileItWasDown() throws Exception {
    Files.writeString(root.resolve("same.md"), "# Same\n");
    Files.writeString(root.resolve("edited.md"), "# Old\n");
    Files.writeString(root.resolve("removed.md"), "# Gone soon\n");
    start();
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.size() == 3);
    stop();

    Files.writeString(root.resolve("edited.md"), "# New\n");
    Files.delete(root.resolve("removed.md"));
    Files.writeString(root.resolve("added.md"), "# Added\n");
    Files.writeString(root.resolve("same.md"), "# Same\n"); // saved without changes
    restart();

    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.size() >= 3);
    assertThat(sink.writes).containsExactlyInAnyOrder("send edited.md", "delete removed.md", "send added.md");
    assertThat(registry.get(MetricNames.INGEST_NOTES).tag(MetricNames.OUTCOME, "unchanged").counter().count()).isEqualTo(1.0);
  }

  @Test
  void badFilesAreRejectedWithAReasonAndTheWatchGoesOn() throws Exception {
    start();
    Files.write(root.resolve("latin1.md"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    Files.writeString(root.resolve("empty.md"), "");
    Files.writeString(root.resolve("big.md"), "x".repeat(2000));
    Files.writeString(root.resolve("good.md"), "# Good\n");

    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.size() == 4);
    assertThat(sink.writes).containsExactlyInAnyOrder(
        "dead latin1.md not-utf8", "dead empty.md empty", "dead big.md too-large", "send good.md");
    assertThat(registry.get(MetricNames.INGEST_NOTES).tag(MetricNames.REASON, "not-utf8").counter().count()).isEqualTo(1.0);
  }

  @Test
  void aNoteNameOnSomethingThatIsNoFileIsReportedOnceAndNotRead() throws Exception {
    Files.createSymbolicLink(root.resolve("dangling.md"), root.resolve("nowhere.md"));
    Files.createSymbolicLink(root.resolve("loop-a.md"), root.resolve("loop-b.md"));
    Files.createSymbolicLink(root.resolve("loop-b.md"), root.resolve("loop-a.md"));
    boolean fifo = new ProcessBuilder("mkfifo", root.resolve("pipe.md").toString()).start().waitFor() == 0;
    start();
    Files.writeString(root.resolve("marker.md"), "# Marker\n");

    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.contains("send marker.md"));
    await().atMost(Duration.ofSeconds(10)).until(() -> skipped("dangling-link") == 3.0);
    assertThat(sink.writes).containsExactly("send marker.md");
    if (fifo) {
      assertThat(skipped("not-a-file")).isEqualTo(1.0);
    }
  }

  private double skipped(String reason) {
    var counter = registry.find(MetricNames.INGEST_NOTES).tag(MetricNames.OUTCOME, "skipped").tag(MetricNames.REASON, reason).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void underTheDiskWatermarkNotesWaitAndAreSentWhenThereIsRoom() throws Exception {
    AtomicLong free = new AtomicLong(10L << 20);
    AtomicInteger looks = new AtomicInteger();
    start();
    watcher.withDiskSpace(new DiskSpace("/data", 100L << 20, () -> {
      looks.incrementAndGet();
      return free.get();
    }));
    Files.writeString(root.resolve("a.md"), "# A\n");
    int seen = looks.get();
    await().atMost(Duration.ofSeconds(10)).until(() -> looks.get() >= seen + 5); // the watch looked again and again
    assertThat(sink.writes).isEmpty();

    free.set(1L << 30);
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.contains("send a.md"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"events", "polling"})
  void theWatchSurvivesItsFolderGoingAndComingBack(String how) throws Exception {
    if (how.equals("polling")) {
      settings = new FolderWatcher.Settings(settings.debounce(), Duration.ofMillis(100), settings.globs());
    }
    Files.createDirectories(root.resolve("talks"));
    Files.writeString(root.resolve("talks/a.md"), "# A\n");
    start();
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.contains("send talks/a.md") && watcher.isReady());

    deleteTree(root);
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.contains("delete talks/a.md"));
    await().atMost(Duration.ofSeconds(10)).until(() -> !watcher.isReady());

    Files.createDirectories(root);
    Files.writeString(root.resolve("b.md"), "# B\n");
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.contains("send b.md"));
    await().atMost(Duration.ofSeconds(10)).until(watcher::isReady);
    Files.writeString(root.resolve("c.md"), "# C\n");
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.contains("send c.md"));
  }

  private static void deleteTree(Path dir) throws IOException {
    List<Path> paths = NoteFiles.walk(dir);
    Collections.reverse(paths);
    for (Path p : paths) {
      Files.delete(p);
    }
  }

  @Test
  void aLinkToAFileOutsideTheRootIsNotRead() throws Exception {
    Path secret = Files.writeString(outside.resolve("secret.md"), "# Secret\n");
    Files.createSymbolicLink(root.resolve("link.md"), secret);
    start();
    Files.writeString(root.resolve("marker.md"), "# Marker\n");

    await().atMost(Duration.ofSeconds(10)).until(() -> sink.writes.contains("send marker.md"));
    assertThat(sink.notes).noneMatch(n -> n.content().contains("Secret"));
    assertThat(sink.writes).contains("dead link.md outside-root");
  }
}
