package dev.takeaways.ingest;

import dev.takeaways.model.Hashes;
import dev.takeaways.model.RawNote;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a folder tree and sends its notes: new and changed files once they stop changing,
 * deletions as tombstones. On start it reconciles the tree with its {@link Checkpoint}, so that a
 * restart sends only what changed while it was down (deletions included) and an unchanged file is
 * never sent twice. Hidden files and folders and editors' temporary files are ignored; links that
 * lead out of the root are never followed. The note id is the path relative to the root.
 *
 * <p>Which files are notes is {@link NoteFiles}; how changes are learnt, by events or by polling, is
 * {@link FolderChanges}; what a note must be to be sent is {@link NoteIngestor}'s. The watcher waits
 * for files to settle, reads them, and sends what changed.
 */
public final class FolderWatcher implements Runnable, AutoCloseable {
  /** Paths with a note's name that are no file, already reported: each is reported once. */
  private final Set<Path> toldSkipped = ConcurrentHashMap.newKeySet();

  private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
  private static final long IDLE_WAIT_MILLIS = 500;
  /**
   * How many notes are sent before the first of them must be acknowledged: a settled batch goes to
   * Kafka without a round trip per note. The system property {@code takeaways.ingest.in-flight} (1
   * waits for each note, as before; BENCHMARKS.md compares).
   */
  public static final int MAX_IN_FLIGHT = Math.max(1, Integer.getInteger("takeaways.ingest.in-flight", 16));
  /** The notes a watch reads unless told otherwise. */
  public static final List<String> DEFAULT_GLOBS = List.of("*.md", "*.markdown", "*.txt");

  /**
   * How a folder is followed.
   *
   * @param debounce how long a file must stay unchanged before it is read
   * @param poll null to follow the file system's change events; otherwise how often to look at
   *     every file's size and modification time, for file systems without events (network shares,
   *     some container mounts)
   * @param globs which files are notes: a pattern without {@code /} matches the file name ({@code
   *     *.md}), one with {@code /} the path relative to the root ({@code talks/**.md})
   */
  public record Settings(Duration debounce, Duration poll, List<String> globs) {
    public Settings {
      Objects.requireNonNull(debounce, "debounce");
      globs = List.copyOf(globs.isEmpty() ? DEFAULT_GLOBS : globs);
      if (poll != null && (poll.isNegative() || poll.isZero())) {
        throw new IllegalArgumentException("the poll interval must be positive, was " + poll);
      }
    }

    /** Change events, the default globs. */
    public static Settings events(Duration debounce) {
      return new Settings(debounce, null, DEFAULT_GLOBS);
    }
  }

  private final Path root;
  private final NoteFiles files;
  private final FolderChanges changes;
  private final NoteIngestor ingestor;
  private final Checkpoint checkpoint;
  private final Duration debounce;
  private final Clock clock;
  /** Paths with pending changes: path to the time and size/mtime last seen. */
  private final Map<Path, Pending> pending = new HashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile boolean started;
  private volatile boolean ready;
  private volatile boolean kafkaFailing;
  /** The data folder's free-space watermark, or null for none; whether the watch waits for room. */
  private volatile DiskSpace diskSpace;
  private volatile boolean diskLow;

  /** Whether the watched folder is gone (deleted, unmounted) and the watch waits for it. */
  private volatile boolean rootMissing;

  /**
   * A file waiting to settle: when it was last seen to change, and its size and modification time
   * then; {@link #firstSeen} when they are not known yet (a new event, a retry), so that the next
   * look always counts as a change.
   */
  private record Pending(long seenAt, long size, long mtime) {
    private static final long UNKNOWN = -1;

    static Pending firstSeen(long at) {
      return new Pending(at, UNKNOWN, UNKNOWN);
    }
  }

  public FolderWatcher(Path root, NoteIngestor ingestor, Checkpoint checkpoint, Duration debounce, Clock clock) throws IOException {
    this(root, ingestor, checkpoint, Settings.events(debounce), clock);
  }

  public FolderWatcher(Path root, NoteIngestor ingestor, Checkpoint checkpoint, Settings settings, Clock clock) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException(root + " is not a folder");
    }
    this.files = new NoteFiles(root, settings.globs());
    this.root = files.root();
    this.ingestor = ingestor;
    this.checkpoint = checkpoint;
    this.debounce = settings.debounce();
    this.clock = clock;
    this.changes = settings.poll() == null ? new WatchEventChanges(files) : new PolledChanges(files, settings.poll(), clock);
  }

  /** Under {@code space}'s watermark the watch sends nothing; its notes wait, pending, for room. */
  public FolderWatcher withDiskSpace(DiskSpace space) {
    this.diskSpace = space;
    return this;
  }

  /** Whether the initial reconciliation is done and the watcher is following changes. */
  public boolean isReady() {
    return ready && running && !kafkaFailing && !rootMissing;
  }

  @Override
  public void run() {
    started = true;
    FolderChanges.Sink marks = new Marks();
    try {
      changes.follow();
      reconcile();
      ready = true;
      while (running) {
        changes.next(untilNextSettle(), marks);
        if (rootComesAndGoes()) {
          changes.follow();
          reconcile();
        }
        processSettled();
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      // Closed: stop quietly.
    } catch (IOException e) {
      LOG.error("folder watch on {} stopped: {}", root, e.getMessage());
    } finally {
      // However it ended, it no longer follows the folder: /health must say so.
      ready = false;
      stopped.countDown();
    }
  }

  /** What the watcher does with where {@link FolderChanges} says to look: it marks notes pending. */
  private final class Marks implements FolderChanges.Sink {
    @Override
    public void file(Path path) {
      pending.put(path, lookNow(path));
    }

    @Override
    public void removed(Path path) {
      String prefix = files.id(path);
      long now = clock.millis();
      for (String id : checkpoint.noteIds()) {
        if (id.equals(prefix) || id.startsWith(prefix + "/")) {
          pending.put(files.path(id), Pending.firstSeen(now));
        }
      }
    }

    @Override
    public void everythingUnder(Path dir) {
      try {
        markEverythingUnder(dir, clock.millis());
      } catch (IOException e) {
        LOG.warn("cannot read {}: {}", dir, e.getMessage());
      }
    }
  }

  /**
   * Whether the watched folder has just come back after it was gone. While it is gone the watch
   * says so in the log, once, and {@link #isReady} is false; the notes it held are deleted.
   */
  private boolean rootComesAndGoes() {
    boolean there = Files.isDirectory(root);
    if (!there && !rootMissing) {
      rootMissing = true;
      LOG.warn("the watched folder {} is gone; waiting for it to come back", root);
      long now = clock.millis();
      for (String id : checkpoint.noteIds()) {
        pending.putIfAbsent(root.resolve(id), Pending.firstSeen(now)); // gone with it: deleted once settled
      }
    } else if (there && rootMissing) {
      rootMissing = false;
      LOG.info("the watched folder {} is back; reading it again", root);
      return true;
    }
    return false;
  }

  /**
   * Marks pending every note under {@code dir} on disk and every note the checkpoint holds under it
   * (changed, or gone), as seen at {@code seenAt}.
   */
  private void markEverythingUnder(Path dir, long seenAt) throws IOException {
    if (Files.isDirectory(dir)) {
      for (Path f : NoteFiles.walk(dir)) {
        if (isCandidate(f)) {
          pending.put(f, Pending.firstSeen(seenAt));
        }
      }
    }
    String prefix = dir.equals(root) ? "" : files.id(dir) + "/";
    for (String id : checkpoint.noteIds()) {
      if (id.startsWith(prefix)) {
        pending.putIfAbsent(files.path(id), Pending.firstSeen(seenAt));
      }
    }
  }

  /** Marks every note on disk and every note in the checkpoint as pending, due at once. */
  private void reconcile() throws IOException {
    markEverythingUnder(root, clock.millis() - debounce.toMillis());
  }

  /**
   * A pending entry with the file's size and modification time as of now: if they are the same one
   * debounce interval later, the file is read then (one interval after the last change, not two).
   */
  private Pending lookNow(Path path) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
      return new Pending(clock.millis(), attrs.size(), attrs.lastModifiedTime().toMillis());
    } catch (IOException gone) {
      return Pending.firstSeen(clock.millis());
    }
  }

  /**
   * How long to wait for events before looking at pending files again: until the first one is due,
   * or, with nothing pending, {@link #IDLE_WAIT_MILLIS} (an idle watcher wakes twice a second, not 40
   * times; closing the watch service wakes it at once).
   */
  private long untilNextSettle() {
    long due = Long.MAX_VALUE;
    for (Pending p : pending.values()) {
      due = Math.min(due, p.seenAt() + debounce.toMillis());
    }
    long wait = due == Long.MAX_VALUE ? IDLE_WAIT_MILLIS : due - clock.millis();
    return Math.max(1, Math.min(IDLE_WAIT_MILLIS, wait));
  }

  /** Sends every pending path whose file has not changed for the debounce interval. */
  private void processSettled() {
    // Looked at only when notes wait to be sent (the polling loop comes here every 25 ms).
    if (diskSpace != null && !pending.isEmpty() && diskSpace.low()) {
      if (!diskLow) {
        diskLow = true;
        LOG.warn("ingest waits: {}", diskSpace.why());
      }
      return; // the notes stay pending, and are sent once there is room
    }
    if (diskLow) {
      diskLow = false;
      LOG.info("there is room on the disk again; sending notes");
    }
    long now = clock.millis();
    Iterator<Map.Entry<Path, Pending>> it = pending.entrySet().iterator();
    Map<Path, Pending> again = new HashMap<>();
    List<InFlight> inFlight = new ArrayList<>();
    while (it.hasNext() && running) {
      Map.Entry<Path, Pending> e = it.next();
      if (now - e.getValue().seenAt() < debounce.toMillis()) {
        continue;
      }
      Path path = e.getKey();
      BasicFileAttributes attrs = null;
      try {
        attrs = Files.readAttributes(path, BasicFileAttributes.class);
      } catch (IOException gone) {
        // Deleted: handled below.
      }
      if (attrs != null && (attrs.size() != e.getValue().size() || attrs.lastModifiedTime().toMillis() != e.getValue().mtime())) {
        // Still changing, or first look: wait one more interval with what we saw.
        again.put(path, new Pending(now, attrs.size(), attrs.lastModifiedTime().toMillis()));
        it.remove();
        continue;
      }
      it.remove();
      try {
        InFlight sending = process(path);
        if (sending != null) {
          inFlight.add(sending);
          if (inFlight.size() >= MAX_IN_FLIGHT) {
            finish(inFlight, again, now);
          }
        } else {
          kafkaAnswered();
        }
      } catch (NoteSink.SinkException ex) {
        kafkaFailed(ex);
        again.put(path, Pending.firstSeen(now + 1000));
      }
    }
    finish(inFlight, again, now);
    pending.putAll(again);
  }

  /**
   * Waits for the notes in flight in the order they were sent, and records each in the checkpoint once
   * Kafka acknowledged it: a note not acknowledged is not recorded, and is sent again later.
   */
  private void finish(List<InFlight> inFlight, Map<Path, Pending> again, long now) {
    Map<String, String> acknowledged = new LinkedHashMap<>();
    for (InFlight f : inFlight) {
      try {
        f.ingesting().finish();
        acknowledged.put(f.id(), f.hash());
        kafkaAnswered();
      } catch (NoteSink.SinkException ex) {
        kafkaFailed(ex);
        again.put(f.path(), Pending.firstSeen(now + 1000));
      }
    }
    // One write of the checkpoint for the notes that went out together.
    checkpoint.putAll(acknowledged);
    inFlight.clear();
  }

  private void kafkaAnswered() {
    if (kafkaFailing) {
      LOG.info("Kafka is reachable again; sending notes");
      kafkaFailing = false;
    }
  }

  private void kafkaFailed(NoteSink.SinkException ex) {
    if (!kafkaFailing) {
      LOG.warn("{}; will retry", ex.getMessage());
      kafkaFailing = true;
    }
  }

  /** A note sent and not yet acknowledged: recorded in the checkpoint with {@code hash} once it is. */
  private record InFlight(Path path, String id, String hash, NoteIngestor.Ingesting ingesting) {}

  /** Sends, deletes or rejects the note at {@code path}; returns the send still in flight, if any. */
  private InFlight process(Path path) throws NoteSink.SinkException {
    String id = files.id(path);
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || !isCandidate(path)) {
      if (checkpoint.hash(id) != null) {
        ingestor.delete(id);
        checkpoint.remove(id);
      }
      return null;
    }
    byte[] bytes;
    try {
      if (!files.insideRoot(path)) {
        ingestor.reject(id, id, "outside-root", id + ": is a link to a file outside the watched folder; not read");
        return null;
      }
      if (ingestor.rejectedBySize(id, id, Files.size(path))) {
        return null;
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException gone) {
      pending.put(path, Pending.firstSeen(clock.millis()));
      return null;
    } catch (IOException e) {
      LOG.warn("{}: cannot read: {}", id, e.getMessage());
      return null;
    }
    String hash = Hashes.sha256(bytes);
    if (hash.equals(checkpoint.hash(id))) {
      ingestor.unchanged();
      return null;
    }
    NoteIngestor.Ingesting ingesting =
        ingestor.begin(id, id, new RawNote.Source(RawNote.Source.FOLDER, files.realRoot().toString()), bytes);
    return new InFlight(path, id, hash, ingesting);
  }

  /** Whether {@code path} is a note to read: a note's name, not hidden, a regular file (a non-file is reported once). */
  private boolean isCandidate(Path path) {
    if (!files.isNote(path)) {
      return false;
    }
    if (Files.isRegularFile(path)) {
      toldSkipped.remove(path);
      return true;
    }
    // A note's name on something that is no file: say so once, not at every look.
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(path) && toldSkipped.add(path)) {
      boolean link = Files.isSymbolicLink(path);
      String reason = link ? "dangling-link" : "not-a-file";
      String id = files.id(path);
      LOG.warn("{}: {}; not read", id, link ? "a link to nothing, or a loop of links" : "not a regular file (a FIFO, socket or device)");
      ingestor.skipped(reason);
    }
    return false;
  }

  @Override
  public void close() {
    running = false;
    try {
      changes.close();
      if (started) {
        stopped.await(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      LOG.debug("closing the watch service: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
