package dev.takeaways.ingest;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.takeaways.model.Hashes;
import dev.takeaways.model.NoteIds;
import dev.takeaways.model.RawNote;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
 */
public final class FolderWatcher implements Runnable, AutoCloseable {
  /** Paths with a note's name that are no file, already reported: each is reported once. */
  private final Set<Path> toldSkipped = ConcurrentHashMap.newKeySet();

  private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
  private static final long IDLE_WAIT_MILLIS = 500;
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
  private final Path realRoot;
  private final NoteIngestor ingestor;
  private final Checkpoint checkpoint;
  private final NoteValidator validator;
  private final Duration debounce;
  private final Duration poll;
  private final List<PathMatcher> nameGlobs;
  private final List<PathMatcher> pathGlobs;
  private final Clock clock;
  private final WatchService watchService;
  private final Map<WatchKey, Path> keys = new HashMap<>();
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

  public FolderWatcher(Path root, NoteIngestor ingestor, NoteValidator validator, Checkpoint checkpoint, Duration debounce, Clock clock)
      throws IOException {
    this(root, ingestor, validator, checkpoint, Settings.events(debounce), clock);
  }

  public FolderWatcher(Path root, NoteIngestor ingestor, NoteValidator validator, Checkpoint checkpoint, Settings settings, Clock clock)
      throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException(root + " is not a folder");
    }
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = root.toRealPath();
    this.ingestor = ingestor;
    this.validator = validator;
    this.checkpoint = checkpoint;
    this.debounce = settings.debounce();
    this.poll = settings.poll();
    this.nameGlobs = settings.globs().stream().filter(g -> !g.contains("/")).map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    this.pathGlobs = settings.globs().stream().filter(g -> g.contains("/")).map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    this.clock = clock;
    this.watchService = poll == null ? FileSystems.getDefault().newWatchService() : null;
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
    try {
      if (poll != null) {
        followByPolling();
        return;
      }
      register(root);
      reconcile();
      ready = true;
      while (running) {
        WatchKey key = watchService.poll(untilNextSettle(), TimeUnit.MILLISECONDS);
        while (key != null) {
          handle(key);
          key = watchService.poll();
        }
        if (rootComesAndGoes()) {
          register(root);
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

  /** Looks at every note's size and modification time each poll interval; reads only what changed. */
  private void followByPolling() throws IOException, InterruptedException {
    Map<Path, List<Long>> seen = new HashMap<>();
    reconcile();
    ready = true;
    long nextScan = 0;
    while (running) {
      if (clock.millis() >= nextScan) {
        seen = scanForChanges(seen);
        nextScan = clock.millis() + poll.toMillis();
      }
      processSettled();
      Thread.sleep(25);
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

  /** Marks pending every note that is new, changed or gone since {@code before}; returns what is there now. */
  private Map<Path, List<Long>> scanForChanges(Map<Path, List<Long>> before) throws IOException {
    Map<Path, List<Long>> now = new HashMap<>();
    long at = clock.millis();
    rootComesAndGoes();
    for (Path f : rootMissing ? List.<Path>of() : walk(root)) {
      if (!isCandidate(f)) {
        continue;
      }
      try {
        BasicFileAttributes attrs = Files.readAttributes(f, BasicFileAttributes.class);
        List<Long> stamp = List.of(attrs.size(), attrs.lastModifiedTime().toMillis());
        now.put(f, stamp);
        if (!stamp.equals(before.get(f))) {
          pending.put(f, new Pending(at, attrs.size(), attrs.lastModifiedTime().toMillis()));
        }
      } catch (IOException gone) {
        // Deleted while we looked: the next scan sees it gone.
      }
    }
    for (Path f : before.keySet()) {
      if (!now.containsKey(f)) {
        pending.putIfAbsent(f, Pending.firstSeen(at));
      }
    }
    return now;
  }

  private void register(Path dir) throws IOException {
    for (Path d : walk(dir)) {
      if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) && !isHidden(d)) {
        try {
          keys.put(d.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), d);
        } catch (NoSuchFileException gone) {
          // Removed since the walk saw it.
        }
      }
    }
  }

  /**
   * Every path under {@code dir}, itself included, without following links; an entry that vanishes
   * while it is walked (a temporary file renamed away, say) is left out instead of failing the walk.
   */
  static List<Path> walk(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        out.add(d);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
        out.add(f);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null && !(e instanceof NoSuchFileException)) {
          throw e;
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return out;
  }

  /** Marks every note under {@code dir} pending, as seen at {@code seenAt}. */
  private void markNotesUnder(Path dir, long seenAt) throws IOException {
    for (Path f : walk(dir)) {
      if (isCandidate(f)) {
        pending.put(f, Pending.firstSeen(seenAt));
      }
    }
  }

  /** Marks every note on disk and every note in the checkpoint as pending. */
  private void reconcile() throws IOException {
    long now = clock.millis() - debounce.toMillis();
    markNotesUnder(root, now);
    for (String id : checkpoint.noteIds()) {
      pending.putIfAbsent(root.resolve(id), Pending.firstSeen(now));
    }
  }

  private void handle(WatchKey key) throws IOException {
    Path dir = keys.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        reconcile();
        continue;
      }
      Path path = dir.resolve((Path) event.context());
      if (isHidden(path)) {
        continue;
      }
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        // A folder created or moved in: watch it and take the files already inside.
        register(path);
        markNotesUnder(path, clock.millis());
      } else if (event.kind() == ENTRY_DELETE) {
        // A file, or a whole folder: every note the checkpoint knows under it may be gone.
        String prefix = NoteIds.noteId(root, path);
        for (String id : checkpoint.noteIds()) {
          if (id.equals(prefix) || id.startsWith(prefix + "/")) {
            pending.put(root.resolve(id), Pending.firstSeen(clock.millis()));
          }
        }
      } else if (isNoteName(path)) {
        pending.put(path, lookNow(path));
      }
    }
    if (!key.reset()) {
      keys.remove(key);
    }
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
        process(path);
        if (kafkaFailing) {
          LOG.info("Kafka is reachable again; sending notes");
          kafkaFailing = false;
        }
      } catch (NoteSink.SinkException ex) {
        if (!kafkaFailing) {
          LOG.warn("{}; will retry", ex.getMessage());
          kafkaFailing = true;
        }
        again.put(path, Pending.firstSeen(now + 1000));
      }
    }
    pending.putAll(again);
  }

  private void process(Path path) throws NoteSink.SinkException {
    String id = NoteIds.noteId(root, path);
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || !isCandidate(path)) {
      if (checkpoint.hash(id) != null) {
        ingestor.delete(id);
        checkpoint.remove(id);
      }
      return;
    }
    byte[] bytes;
    try {
      if (!insideRoot(path)) {
        ingestor.reject(id, id, "outside-root", id + ": is a link to a file outside the watched folder; not read");
        return;
      }
      if (validator.tooLarge(Files.size(path))) {
        ingestor.reject(id, id, "too-large", id + ": " + Files.size(path) + " bytes is over the size limit");
        return;
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException gone) {
      pending.put(path, Pending.firstSeen(clock.millis()));
      return;
    } catch (IOException e) {
      LOG.warn("{}: cannot read: {}", id, e.getMessage());
      return;
    }
    String hash = Hashes.sha256(bytes);
    if (hash.equals(checkpoint.hash(id))) {
      ingestor.unchanged();
      return;
    }
    ingestor.ingest(id, id, new RawNote.Source(RawNote.Source.FOLDER, realRoot.toString()), bytes);
    checkpoint.put(id, hash);
  }

  private boolean insideRoot(Path path) throws IOException {
    return path.toRealPath().startsWith(realRoot);
  }

  private boolean isCandidate(Path path) {
    if (!isNoteName(path) || isHidden(path)) {
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
      String id = NoteIds.noteId(root, path);
      LOG.warn("{}: {}; not read", id, link ? "a link to nothing, or a loop of links" : "not a regular file (a FIFO, socket or device)");
      ingestor.skipped(reason);
    }
    return false;
  }

  /** Whether the globs make {@code path} a note (case-insensitively for name patterns: {@code A.MD}). */
  private boolean isNoteName(Path path) {
    Path name = Path.of(path.getFileName().toString().toLowerCase(Locale.ROOT));
    for (PathMatcher m : nameGlobs) {
      if (m.matches(name) || m.matches(path.getFileName())) {
        return true;
      }
    }
    Path relative = root.relativize(path.toAbsolutePath().normalize());
    for (PathMatcher m : pathGlobs) {
      if (m.matches(relative)) {
        return true;
      }
    }
    return false;
  }

  /** Hidden files and folders, and the temporary files editors write while saving. */
  private boolean isHidden(Path path) {
    Path relative = root.relativize(path.toAbsolutePath().normalize());
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") && !name.equals(".") && !name.equals("..")) {
        return true;
      }
    }
    // Editors' own files: backups (name~), Vim's swap files (.swp, .swx) and the file named 4913 that
    // Vim creates and deletes at once to test that it may write in the folder, temporary files
    // (.tmp), Emacs' auto-saves (#name#).
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    return name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx") || name.endsWith(".tmp")
        || name.equals("4913") || name.startsWith("#");
  }

  @Override
  public void close() {
    running = false;
    try {
      if (watchService != null) {
        watchService.close();
      }
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
