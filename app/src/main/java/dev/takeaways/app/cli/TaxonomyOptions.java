package dev.takeaways.app.cli;

import dev.takeaways.enrich.tag.Taxonomy;
import dev.takeaways.enrich.tag.TaxonomyMatcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The taxonomy (the bundled one, extended by {@code --taxonomy}, then {@code TAKEAWAYS_TAXONOMY}) and
 * the confidence a tag needs to be kept ({@code --min-confidence}, then {@code
 * TAKEAWAYS_MIN_CONFIDENCE}).
 */
public final class TaxonomyOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(
      names = "--taxonomy",
      paramLabel = "FILE.yml",
      description = "Your own tools and practices, added to the bundled taxonomy; an entry with a bundled id replaces it,"
          + " and 'remove: [tool:x]' drops one (env TAKEAWAYS_TAXONOMY).")
  Path file;

  @Option(
      names = "--min-confidence",
      paramLabel = "C",
      defaultValue = "${env:TAKEAWAYS_MIN_CONFIDENCE:-" + TaxonomyMatcher.DEFAULT_MIN_CONFIDENCE_TEXT + "}",
      description = "Keep tags of at least this confidence, 0 to 1 (default ${DEFAULT-VALUE}, chosen on held-out notes;"
          + " 0 keeps every candidate; env TAKEAWAYS_MIN_CONFIDENCE).")
  double minConfidence;

  /**
   * The confidence threshold.
   *
   * @throws CommandLine.ParameterException when it is not in [0, 1]
   */
  public double minConfidence() {
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--min-confidence must be between 0 and 1, was " + minConfidence);
    }
    return minConfidence;
  }

  /** A matcher of {@link #taxonomy()} with {@link #minConfidence()}. */
  public TaxonomyMatcher matcher() {
    return new TaxonomyMatcher(taxonomy(), true, minConfidence());
  }

  /**
   * The bundled taxonomy, extended by the user's file if one is given.
   *
   * @throws CommandLine.ParameterException naming the file, the line and the problem
   */
  public Taxonomy taxonomy() {
    Path path = file;
    if (path == null) {
      String env = Env.value("TAKEAWAYS_TAXONOMY");
      path = env == null ? null : Path.of(env);
    }
    if (path == null) {
      return Taxonomy.bundled();
    }
    try {
      return Taxonomy.bundledExtendedWith(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--taxonomy " + path + ": cannot read it: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--taxonomy " + e.getMessage());
    }
  }
}
