package dev.takeaways.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Notes for the benchmark, cut from real ones: every note and every takeaway distinct. */
public final class SyntheticNotes {
  private SyntheticNotes() {}

  /** A size in bytes: a number, or with {@code k} (14k). */
  public static int parseSize(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    if (t.endsWith("k")) {
      return Integer.parseInt(t.substring(0, t.length() - 1)) * 1024;
    }
    return Integer.parseInt(t);
  }

  /**
   * The root of the project's checkout, found above the working directory: the folder with
   * {@code examples/notes}.
   *
   * @throws IllegalArgumentException when there is none
   */
  public static Path projectRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("examples/notes"))) {
        return p;
      }
    }
    throw new IllegalArgumentException("no examples/notes above the working directory: name notes to use with --corpus DIR");
  }

  /** The project's example notes ({@link #projectRoot}). */
  public static Path examples() {
    return projectRoot().resolve("examples/notes");
  }

  /** The level-2 sections of every Markdown note in {@code dir}, front matter left out. */
  public static List<String> sections(Path dir) throws IOException {
    List<String> sections = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        String text = Files.readString(file).replace("\r\n", "\n").replaceFirst("(?s)^---\n.*?\n---\n", "");
        for (String section : text.split("\n(?=## )")) {
          if (section.startsWith("## ")) {
            sections.add(section.strip());
          }
        }
      }
    }
    if (sections.isEmpty()) {
      throw new IllegalArgumentException(dir + " has no Markdown note with a level-2 heading to cut notes from");
    }
    return sections;
  }

  /**
   * {@code n} distinct notes of about {@code bytes} each, made of {@code sections} in turn, each
   * section's heading made unique so that every note and every takeaway is new.
   */
  public static List<String> generate(List<String> sections, int n, int bytes, String prefix) {
    List<String> out = new ArrayList<>(n);
    int k = 0;
    for (int i = 0; i < n; i++) {
      StringBuilder b = new StringBuilder("# Bench note ").append(prefix).append(i).append("\n\n");
      while (b.length() < bytes) {
        String section = sections.get(k++ % sections.size());
        int eol = section.indexOf('\n');
        String heading = eol < 0 ? section : section.substring(0, eol);
        b.append(heading).append(" (").append(prefix).append(i).append('.').append(k).append(')').append(eol < 0 ? "" : section.substring(eol)).append("\n\n");
      }
      out.add(b.toString());
    }
    return out;
  }
}
