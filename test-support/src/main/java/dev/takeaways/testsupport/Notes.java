package dev.takeaways.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The notes tests run on: our own examples under {@code examples/notes}, and the seed note, which
 * stays in {@code ../shared/} beside the checkout (it is someone else's writing; never copy it into
 * the project). Set {@code TAKEAWAYS_SHARED} to point at another copy of {@code shared/}.
 */
public final class Notes {
  public static final String SEED_NAME = "devopsdays-boston-2014.md";

  private Notes() {}

  /** The root of the checkout (the folder with the parent {@code pom.xml} and {@code examples/}). */
  public static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("examples/notes")) && Files.exists(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no project root with examples/notes above " + dir);
  }

  /** The folder of our example notes. */
  public static Path examplesDir() {
    return projectRoot().resolve("examples/notes");
  }

  /** The example notes, sorted by name. */
  public static List<Path> examples() {
    try (Stream<Path> files = Files.list(examplesDir())) {
      return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The {@code shared/} folder beside the checkout. A test that needs it is skipped, saying why,
   * where it does not exist.
   */
  public static Path sharedDir() {
    String env = System.getenv("TAKEAWAYS_SHARED");
    Path candidate = env != null && !env.isBlank() ? Path.of(env) : projectRoot().resolveSibling("shared");
    Assumptions.assumeTrue(Files.isDirectory(candidate.resolve("seed")),
        "no shared folder with the seed note at " + candidate + " (set TAKEAWAYS_SHARED); skipped");
    return candidate;
  }

  /** The notes of the tagging evaluation, {@code shared/eval/dev/*.md}. */
  public static List<Path> evalNotes() {
    try (Stream<Path> files = Files.list(sharedDir().resolve("eval/dev"))) {
      return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path of the seed note. */
  public static Path seedPath() {
    return sharedDir().resolve("seed").resolve(SEED_NAME);
  }

  /** The seed note's text. */
  public static String seed() {
    return read(seedPath());
  }

  /** A file's text, as UTF-8. */
  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
