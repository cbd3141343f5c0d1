package dev.takeaways.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs some tests drive (kcat, prometheus, promtool, docker-compose), found on the PATH.
 * Where one is missing the test skips and says so, except when {@code TAKEAWAYS_REQUIRE_TOOLS} is
 * set ({@code .ci/run} sets it after installing them): then a missing program fails the test, so
 * that CI can never pass by skipping.
 */
public final class Tools {
  public static final String REQUIRE_ENV = "TAKEAWAYS_REQUIRE_TOOLS";

  private Tools() {}

  /** The path of {@code program}; skips (or fails, in CI) the calling test without it. */
  public static Path require(String program, String debianPackage) {
    Optional<Path> found = find(program);
    String why = program + " is not on the PATH (Debian package " + debianPackage + "; .ci/run installs it)";
    if (found.isEmpty()) {
      String required = System.getenv(REQUIRE_ENV);
      if (required != null && !required.isBlank()) {
        Assertions.fail(why + ", and " + REQUIRE_ENV + " says the tools must be here");
      }
      Assumptions.abort(why + "; skipped");
    }
    return found.get();
  }

  /** The first executable named {@code program} on the PATH. */
  public static Optional<Path> find(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
