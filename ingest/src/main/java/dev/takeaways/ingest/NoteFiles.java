package dev.takeaways.ingest;

import dev.takeaways.model.NoteIds;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which paths under a watched folder are notes, by name: the globs, hidden files and folders, and
 * editors' temporary files. A note's id is its path relative to the root. Reads only names and the
 * root's real path; no Kafka, no note contents.
 */
final class NoteFiles {
  private final Path root;
  private final Path realRoot;
  private final List<PathMatcher> nameGlobs;
  private final List<PathMatcher> pathGlobs;

  /**
   * @param globs a pattern without {@code /} matches the file name ({@code *.md}), one with {@code /}
   *     the path relative to the root ({@code talks/**.md})
   */
  NoteFiles(Path root, List<String> globs) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = root.toRealPath();
    this.nameGlobs = globs.stream().filter(g -> !g.contains("/")).map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    this.pathGlobs = globs.stream().filter(g -> g.contains("/")).map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
  }

  Path root() {
    return root;
  }

  /** The folder as the file system names it, links resolved: the source of the notes' records. */
  Path realRoot() {
    return realRoot;
  }

  /** The note id of {@code path}: its path relative to the root, with forward slashes. */
  String id(Path path) {
    return NoteIds.noteId(root, path);
  }

  /** The path of note {@code id}. */
  Path path(String id) {
    return root.resolve(id);
  }

  /** Whether {@code path}'s name makes it a note: the globs take it and it is not hidden. */
  boolean isNote(Path path) {
    return isNoteName(path) && !isHidden(path);
  }

  /** Whether the globs make {@code path} a note (case-insensitively for name patterns: {@code A.MD}). */
  boolean isNoteName(Path path) {
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
  boolean isHidden(Path path) {
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

  /** Whether {@code path}, links resolved, is inside the root: a link out of it is never read. */
  boolean insideRoot(Path path) throws IOException {
    return path.toRealPath().startsWith(realRoot);
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
}
