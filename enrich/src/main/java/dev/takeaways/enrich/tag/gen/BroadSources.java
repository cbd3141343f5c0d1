package dev.takeaways.enrich.tag.gen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The software products of the broad lists, classified: brand icon sets (simple-icons, iconify
 * logos), developer technologies (devicon) and Debian's source packages. These lists hold more than
 * software (airlines in simple-icons, languages in devicon, libraries and data in Debian), so a row
 * becomes a tool only as these rules say:
 *
 * <ul>
 *   <li>Never a language or data format: any name or alias of GitHub Linguist's languages (of every
 *       type: programming, data, markup, prose) is left out, and devicon rows tagged {@code language}.
 *   <li>devicon: every other row (a list of developer technologies).
 *   <li>simple-icons: a brand counts as software when another list agrees (iconify logos, devicon,
 *       a Debian package, an entry already made), its logo comes from a code forge (github.com,
 *       gitlab.com) or the Apache Software Foundation, or its title starts with the name of a maker
 *       of software, one of the overlay's {@code vendors} ({@code Google BigQuery}; its sources then
 *       say {@code simple-icons+vendors}).
 *   <li>iconify logos (a set of technology logos; slugs only): every slug no other list has.
 *   <li>Debian: a source package that builds a program (a binary package outside the library,
 *       documentation, font, translation and game sections), named by its source name without a
 *       version ({@code tomcat10}: tomcat) or a role suffix ({@code rabbitmq-server}: rabbitmq), and
 *       written as its summaries write it ({@code SELinux}). Libraries of the Python, Ruby,
 *       JavaScript, PHP and Java sections count too, named without their ecosystem's prefix ({@code
 *       python-flask}: flask). Names of fonts, firmware, dictionaries, translations and of other
 *       ecosystems' library packages (Perl, Go, Rust, Haskell, R, OCaml, Lisp, Lua, Emacs, Vim) do
 *       not.
 * </ul>
 *
 * Their names are lower case where no list writes them otherwise, and the generator's rules for
 * ordinary words apply to them as to every list: a name that is an English word (or computing
 * jargon) is ambiguous, and a lower-case ambiguous name is then never tagged on its own.
 */
final class BroadSources {
  /** The lists, as the project keeps them ({@link SourceImport}). */
  record Lists(String simpleIconsTsv, String iconifyLogosTsv, String deviconTsv, String linguistTsv, String debianTsv, String wappalyzerTsv) {}

  /** Wappalyzer's categories of things that are no product a note names as a tool, or no software. */
  private static final Set<String> NOT_TOOL_CATEGORIES =
      Set.of("Advertising", "Cryptominers", "Font scripts", "Programming languages", "Captchas", "Webcams", "Network devices",
          "Widgets", "Comment systems", "User Onboarding", "Miscellaneous");

  private static final Set<String> PROGRAM_SECTIONS =
      Set.of("admin", "database", "devel", "net", "web", "httpd", "utils", "vcs", "mail", "editors", "shells", "text",
          "interpreters", "x11", "gnome", "kde", "xfce", "graphics", "sound", "video", "science", "math", "electronics",
          "hamradio", "comm", "misc", "otherosfs", "kernel", "embedded", "education", "news", "gnustep");
  /** Library sections whose packages are named {@code <prefix><name>}. */
  private static final Map<String, List<String>> LIBRARY_PREFIXES =
      Map.of(
          "python", List.of("python3-", "python-", "py"),
          "ruby", List.of("ruby-"),
          "javascript", List.of("node-", "libjs-"),
          "php", List.of("php-"),
          "java", List.of("lib"));
  private static final Pattern NOT_A_PRODUCT_NAME =
      Pattern.compile("(fonts?|firmware|texlive|hunspell|myspell|aspell|hyphen|mythes|festvox|festival|xfonts|ttf|task|gir1\\.2"
          + "|r-cran|r-bioc|r-other|golang|rust|haskell|ocaml|elpa|vim|lua|puppet-module|gnome-shell-extension|dh|debian|dpkg"
          + "|printer-driver|linux-image|kernel-package|iceweasel|android-platform|node-types)(-.*)?|.*-(l10n|i18n|data|perl|el)");
  private static final Pattern VERSION = Pattern.compile("[-.]?[0-9][0-9.]*$");
  private static final Pattern ROLE_SUFFIX =
      Pattern.compile("-(server|client|common|utils|tools|bin|daemon|cli|core|ng|full|base|basics|runtime|java|js|python|py|php)$");
  private static final Pattern HOST = Pattern.compile("https?://([^/]+)(/.*)?");

  private final Predicate<String> english;
  private final List<String> makers;

  /**
   * @param english whether a name (all its words) is ordinary English or computing jargon
   * @param makers the overlay's {@code vendors}: makers of software, whose products are named
   *     "Maker Product" ({@code Google BigQuery})
   */
  BroadSources(Predicate<String> english, List<String> makers) {
    this.english = english;
    this.makers = List.copyOf(makers);
  }

  /** The maker that {@code title} starts with, then a space ({@code Google} of {@code Google BigQuery}), or null. */
  private String makerOf(String title) {
    for (String maker : makers) {
      if (title.length() > maker.length() + 1 && title.startsWith(maker) && title.charAt(maker.length()) == ' ') {
        return maker;
      }
    }
    return null;
  }

  /** A candidate tool of a broad list: its display name, aliases, category and source. */
  record Candidate(String name, Set<String> aliases, String category, String source) {}

  /**
   * The candidates of every broad list, in the order they should be merged: simple-icons (whose
   * titles write names as their makers do: Stack Overflow), devicon, iconify logos, Debian. {@code
   * known} holds the compact keys of entries already made (curated and DevOps lists).
   */
  List<Candidate> candidates(Lists lists, Set<String> known) {
    Set<String> languages = new HashSet<>();
    for (Map<String, String> row : TaxonomyGenerator.tsv(lists.linguistTsv())) {
      languages.add(compact(row.get("name")));
      for (String alias : row.get("aliases").split(",")) {
        if (!alias.isBlank()) {
          languages.add(compact(alias));
        }
      }
    }
    List<Map<String, String>> debian = TaxonomyGenerator.tsv(lists.debianTsv());
    List<Map<String, String>> devicon = TaxonomyGenerator.tsv(lists.deviconTsv());
    List<Map<String, String>> icons = TaxonomyGenerator.tsv(lists.simpleIconsTsv());
    Set<String> iconify = new LinkedHashSet<>();
    TaxonomyGenerator.tsv(lists.iconifyLogosTsv()).forEach(r -> iconify.add(compact(r.get("slug"))));

    Set<String> agreeing = new HashSet<>(known);
    agreeing.addAll(iconify);
    devicon.forEach(r -> agreeing.add(compact(r.get("name"))));
    List<Candidate> fromDebian = new ArrayList<>();
    for (Map<String, String> row : debian) {
      Candidate c = debianCandidate(row);
      if (c != null) {
        fromDebian.add(c);
        agreeing.add(compact(c.name()));
        c.aliases().forEach(a -> agreeing.add(compact(a)));
      }
    }

    List<Candidate> out = new ArrayList<>();
    for (Map<String, String> row : icons) {
      String title = row.get("title");
      String host = host(row.get("source_url"));
      boolean forge = host.equals("github.com") || host.equals("gitlab.com") || host.endsWith("apache.org");
      String bare = title.startsWith("Apache ") ? title.substring("Apache ".length()) : title;
      boolean agreed = agreeing.contains(compact(title)) || agreeing.contains(compact(bare)) || agreeing.contains(compact(row.get("slug")));
      // A software maker's brand is software by its maker's name (Google Cloud Storage), unless the
      // product is known by its own name already (BigQuery), which then stands for it.
      String maker = makerOf(title);
      boolean makersBrand = maker != null && !agreeing.contains(compact(title.substring(maker.length() + 1)));
      if (!forge && !agreed && !makersBrand) {
        continue;
      }
      Set<String> aliases = new LinkedHashSet<>();
      for (String alias : row.get("aliases").split("\\|")) {
        if (!alias.isBlank() && alias.chars().allMatch(ch -> ch < 0x250)) {
          aliases.add(alias);
        }
      }
      offer(new Candidate(title, aliases, "software", forge || agreed ? "simple-icons" : "simple-icons+vendors"), languages, out);
    }
    for (Map<String, String> row : devicon) {
      List<String> tags = List.of(row.get("tags").split("\\|"));
      if (tags.contains("language") || tags.contains("programming")) {
        continue;
      }
      Set<String> aliases = new LinkedHashSet<>();
      for (String alt : row.get("altnames").split("\\|")) {
        if (!alt.isBlank()) {
          aliases.add(alt);
        }
      }
      String category = row.get("tags").isBlank() ? "software" : row.get("tags").split("\\|")[0];
      offer(new Candidate(row.get("name"), aliases, TaxonomyGenerator.slug(category), "devicon"), languages, out);
    }
    for (Map<String, String> row : TaxonomyGenerator.tsv(lists.wappalyzerTsv())) {
      List<String> categories = List.of(row.get("categories").split("\\|"));
      if (categories.isEmpty() || categories.stream().anyMatch(NOT_TOOL_CATEGORIES::contains)) {
        continue;
      }
      offer(new Candidate(row.get("name"), new LinkedHashSet<>(), TaxonomyGenerator.slug(categories.get(0)), "wappalyzer"), languages, out);
    }
    for (String slug : iconify) {
      offer(new Candidate(slug, new LinkedHashSet<>(), "software", "iconify-logos"), languages, out);
    }
    for (Candidate c : fromDebian) {
      offer(c, languages, out);
    }
    return out;
  }

  /**
   * Adds {@code c} unless it is a language (with or without a version: HTML5), without its aliases
   * that are. A name another list has already is merged by the generator.
   */
  private static void offer(Candidate c, Set<String> languages, List<Candidate> out) {
    String key = compact(c.name());
    if (key.length() < 2 || languages.contains(key) || languages.contains(key.replaceFirst("[0-9]+$", ""))) {
      return;
    }
    c.aliases().removeIf(a -> languages.contains(compact(a)));
    out.add(c);
  }

  /** The product a Debian source package builds, or null. */
  private Candidate debianCandidate(Map<String, String> row) {
    String source = row.get("source");
    Set<String> sections = new LinkedHashSet<>(List.of(row.get("sections").split(",")));
    String programSection = sections.stream().filter(PROGRAM_SECTIONS::contains).findFirst().orElse(null);
    String name;
    if (programSection != null) {
      name = productName(source);
    } else {
      name = null;
      for (String section : sections) {
        for (String prefix : LIBRARY_PREFIXES.getOrDefault(section, List.of())) {
          if (name == null && source.startsWith(prefix) && source.length() > prefix.length() + 2) {
            String rest = source.substring(prefix.length());
            name = section.equals("java") ? (rest.endsWith("-java") ? productName(rest.substring(0, rest.length() - 5)) : null) : productName(rest);
          }
        }
      }
      // A library's source package may carry the project's own name, its binary the ecosystem's
      // prefix: requirejs builds node-requirejs.
      List<String> packages = List.of(row.get("packages").split(","));
      for (String section : sections) {
        for (String prefix : LIBRARY_PREFIXES.getOrDefault(section, List.of())) {
          if (name == null && !section.equals("java") && !source.startsWith(prefix) && packages.contains(prefix + source)) {
            name = productName(source);
          }
        }
      }
      programSection = sections.iterator().next();
    }
    if (name == null || name.length() < 3 || NOT_A_PRODUCT_NAME.matcher(source).matches() || !name.matches("[a-z][a-z0-9.+-]*[a-z0-9+]")) {
      return null;
    }
    Set<String> aliases = new LinkedHashSet<>();
    String display = name;
    for (String written : row.get("written").split(",")) {
      if (!written.isBlank() && TaxonomyGenerator.key(written).equals(TaxonomyGenerator.key(name))) {
        display = written;
      }
    }
    // Another binary package's name is an alias when it is one plain word of its own (kubectl).
    for (String pkg : row.get("packages").split(",")) {
      String alias = productName(pkg);
      if (alias != null && alias.length() >= 5 && alias.matches("[a-z][a-z0-9]*") && !alias.equals(name) && !english.test(alias)
          && !NOT_A_PRODUCT_NAME.matcher(pkg).matches()) {
        aliases.add(alias);
      }
    }
    String nameKey = TaxonomyGenerator.key(name);
    aliases.removeIf(a -> TaxonomyGenerator.key(a).equals(nameKey));
    return new Candidate(display, aliases, "debian-" + programSection, "debian");
  }

  /** A package name without its version and role suffixes; null when nothing is left. */
  static String productName(String pkg) {
    String name = pkg;
    for (int i = 0; i < 3; i++) {
      String before = name;
      name = VERSION.matcher(name).replaceFirst("");
      name = ROLE_SUFFIX.matcher(name).replaceFirst("");
      if (name.equals(before)) {
        break;
      }
    }
    return name.length() < 2 ? null : name;
  }

  private static String host(String url) {
    var m = HOST.matcher(url == null ? "" : url);
    return m.matches() ? m.group(1).toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "") : "";
  }

  /** Letters and digits only, lower case: how the lists' spellings of one name agree. */
  static String compact(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
