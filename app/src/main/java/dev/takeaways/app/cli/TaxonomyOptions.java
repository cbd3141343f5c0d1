package dev.takeaways.app.cli;

import dev.takeaways.enrich.tag.Taxonomy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The taxonomy: the bundled one, extended by {@code --taxonomy}, then {@code TAKEAWAYS_TAXONOMY}. */
public final class TaxonomyOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(
      names = "--taxonomy",
      paramLabel = "FILE.yml",
      description = "Your own tools and practices, added to the bundled taxonomy; an entry with a bundled id replaces it,"
          + " and 'remove: [tool:x]' drops one (env TAKEAWAYS_TAXONOMY).")
  Path file;

  /**
   * The bundled taxonomy, extended by the user's file if one is given.
   *
   * @throws CommandLine.ParameterException naming the file, the line and the problem
   */
  public Taxonomy taxonomy() {
    Path path = file;
    if (path == null) {
      String env = System.getenv("TAKEAWAYS_TAXONOMY");
      path = env == null || env.isBlank() ? null : Path.of(env);
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
