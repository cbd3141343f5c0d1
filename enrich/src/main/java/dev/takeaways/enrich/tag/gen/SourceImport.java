package dev.takeaways.enrich.tag.gen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takeaways.model.JsonSerde;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces the raw source lists (as published, with descriptions) to the facts and names the
 * generator reads, which the project keeps in {@code enrich/src/taxonomy/sources/}: so that
 * regenerating the taxonomy needs nothing outside the repository. A pure function of its inputs.
 *
 * <ul>
 *   <li>Lists of names (CNCF landscape, awesome-devops, DORA, simple-icons, iconify logos, devicon,
 *       linguist, Wappalyzer) keep their names, categories, aliases and addresses; free-text
 *       descriptions and detection patterns go.
 *   <li>Debian's 63,697 binary packages become one row per source package that builds something
 *       other than C libraries, documentation, fonts, translations and debug symbols: its sections,
 *       those binary packages, its homepage, its {@code role}, {@code interface}, {@code devel} and
 *       {@code suite} debtags, and how its summaries write its name ({@code SELinux}, {@code Nginx}),
 *       but not the summaries themselves.
 * </ul>
 */
public final class SourceImport {
  /** Sections of binary packages that never name a product a note would. */
  static final Set<String> NOT_PRODUCTS =
      Set.of("libs", "libdevel", "oldlibs", "doc", "debug", "fonts", "localization", "translations", "metapackages", "tasks", "introspection");

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.+-]*[\\p{L}\\p{N}+]|[\\p{L}\\p{N}]");

  private SourceImport() {}

  /** Keeps only {@code columns} of a TSV (header row first; lines starting {@code #} are dropped). */
  public static String columns(String tsv, String... columns) {
    List<Map<String, String>> rows = TaxonomyGenerator.tsv(tsv);
    StringBuilder out = new StringBuilder(String.join("\t", columns)).append('\n');
    for (Map<String, String> row : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : columns) {
        cells.add(row.getOrDefault(c, ""));
      }
      out.append(String.join("\t", cells)).append('\n');
    }
    return out.toString();
  }

  /** Debian's binary packages, one row per source package that builds a product (see above). */
  public static String debian(String packagesTsv) {
    Map<String, Source> bySource = new TreeMap<>();
    for (Map<String, String> row : TaxonomyGenerator.tsv(packagesTsv)) {
      String pkg = row.get("package");
      String section = row.get("section");
      if (NOT_PRODUCTS.contains(section) || pkg.endsWith("-dbg") || pkg.endsWith("-doc") || pkg.endsWith("-dev")
          || (pkg.startsWith("lib") && !section.equals("java"))) {
        continue;
      }
      Source s = bySource.computeIfAbsent(row.get("source"), k -> new Source());
      s.sections.add(section);
      s.packages.add(pkg);
      if (s.homepage.isEmpty()) {
        s.homepage = row.getOrDefault("homepage", "");
      }
      for (String tag : row.getOrDefault("tags", "").split(",")) {
        String t = tag.strip();
        if (t.startsWith("role::") || t.startsWith("interface::") || t.startsWith("devel::") || t.startsWith("suite::")) {
          s.tags.add(t);
        }
      }
      s.summaries.add(row.getOrDefault("summary", ""));
    }
    StringBuilder out = new StringBuilder("source\tsections\tpackages\thomepage\ttags\twritten\n");
    bySource.forEach((source, s) -> {
      Set<String> written = new LinkedHashSet<>();
      Set<String> keys = new LinkedHashSet<>();
      keys.add(TaxonomyGenerator.key(source));
      for (String part : source.split("-")) {
        if (part.length() >= 4) {
          keys.add(part);
        }
      }
      for (String summary : s.summaries) {
        Matcher m = TOKEN.matcher(summary);
        while (m.find()) {
          String token = m.group();
          if (!token.equals(token.toLowerCase(Locale.ROOT)) && keys.contains(TaxonomyGenerator.key(token))) {
            written.add(token);
          }
        }
      }
      List<String> packages = new ArrayList<>(s.packages);
      out.append(source).append('\t')
          .append(String.join(",", s.sections)).append('\t')
          .append(String.join(",", packages.subList(0, Math.min(12, packages.size())))).append('\t')
          .append(s.homepage).append('\t')
          .append(String.join(",", s.tags)).append('\t')
          .append(String.join(",", written)).append('\n');
    });
    return out.toString();
  }

  /**
   * Wappalyzer's technologies ({@code apps.json} of the npm package {@code wappalyzer} 5.9.34, MIT):
   * one row per technology with its category names and website; the detection patterns go.
   */
  public static String wappalyzer(String appsJson) throws IOException {
    JsonNode root = JsonSerde.mapper().readTree(appsJson);
    Map<String, String> categories = new TreeMap<>();
    root.get("categories").fields().forEachRemaining(e -> categories.put(e.getKey(), e.getValue().get("name").asText()));
    StringBuilder out = new StringBuilder("name\tcategories\twebsite\n");
    Map<String, JsonNode> apps = new TreeMap<>();
    root.get("apps").fields().forEachRemaining(e -> apps.put(e.getKey(), e.getValue()));
    apps.forEach((name, app) -> {
      List<String> cats = new ArrayList<>();
      app.path("cats").forEach(c -> cats.add(categories.getOrDefault(c.asText(), "")));
      out.append(name.replace('\t', ' ')).append('\t').append(String.join("|", cats)).append('\t')
          .append(app.path("website").asText("")).append('\n');
    });
    return out.toString();
  }

  private static final class Source {
    final Set<String> sections = new LinkedHashSet<>();
    final Set<String> packages = new LinkedHashSet<>();
    final Set<String> tags = new LinkedHashSet<>();
    final List<String> summaries = new ArrayList<>();
    String homepage = "";
  }
}
