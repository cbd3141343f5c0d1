package dev.takeaways.enrich.tag;

import java.util.Locale;
import java.util.Set;

/**
 * How sure a tag is, in [0, 1]: a base for how it was found and how well the entry is known, moved
 * by cues in the sentence around the match. Pure and stateless.
 *
 * <ul>
 *   <li>Base: a listed entry (a curated or DevOps list, or the user's file) by its name 0.95, by an
 *       alias 0.9, a variant of a name of several words (run together, plural) 0.85, an ordinary-word name confirmed by a context word or another tool 0.8, by its
 *       capitals (proper noun) 0.7, a misspelling 0.7. An entry only the broad lists name: 0.7 when a
 *       list of software (devicon, Debian's packages, Wappalyzer's technologies) and a brand icon set agree on it, devicon
 *       or a Debian program alone 0.65 (bpftrace: Debian's sections say it is a program), Wappalyzer
 *       alone 0.6, a library of a language's ecosystem 0.45, a brand named with a maker of software
 *       (Google BigQuery: the overlay's vendors) 0.7, simple-icons alone 0.6 (it brings a brand in
 *       alone only for a logo from a code forge: Apache JMeter), iconify's logos alone 0.45 (they hold
 *       companies: Airbnb, Spotify), and 0.4 by its capitals alone.
 *   <li>Cues that it is software (not looked for where the base is 0.9 or more), +0.15 each at most once: a version number right after it ({@code
 *       Tomcat 9}, {@code v2.1}), a word saying what software it is right before or after it
 *       ({@code the Solr server}, {@code library}, {@code plugin}), another listed tool in the
 *       same text.
 *   <li>Cues that it names an organisation, for entries only the broad lists name, -0.3: {@code at
 *       X}, {@code from X}, {@code joined X}, {@code X's}, {@code X engineers} / {@code team} / {@code
 *       Inc}; for any entry, -0.4, an officer or a deal right after it ({@code AWS CTO}, {@code Docker
 *       Inc}, {@code acquired}).
 * </ul>
 */
final class TagConfidence {
  static final Set<String> KINDS_OF_SOFTWARE =
      Set.of("tool", "tools", "library", "libraries", "lib", "framework", "frameworks", "server", "servers", "plugin", "plugins",
          "database", "databases", "db", "cli", "client", "clients", "agent", "agents", "daemon", "package", "packages",
          "module", "modules", "extension", "sdk", "api", "engine", "proxy", "queue", "broker", "cluster", "clusters",
          "dashboard", "dashboards", "console", "app", "service", "container", "containers", "image", "images", "release",
          "version", "install", "installed", "installing", "deploy", "deployed", "run", "runs", "running", "configured",
          "config", "upgrade", "upgraded", "command", "script", "scripts", "repo", "repository", "project");
  /** Words after a name that make it a company's whatever its lists say. */
  private static final Set<String> COMPANY_AFTER =
      Set.of("ceo", "cto", "cfo", "coo", "vp", "founder", "founders", "cofounder", "co-founder", "employees", "inc", "ltd", "corp",
          "headquarters", "hq", "acquired", "ipo", "stock", "shares");
  private static final Set<String> LIBRARY_SECTIONS = Set.of("python", "ruby", "javascript", "php", "java");
  private static final Set<String> ORGANISATION_BEFORE = Set.of("at", "from", "joined", "joining", "left", "@");
  private static final Set<String> ORGANISATION_AFTER =
      Set.of("engineers", "engineer", "engineering", "employees", "staff", "team", "teams", "folks", "people", "inc", "ltd",
          "corp", "founder", "founders", "ceo", "cto", "office", "offices", "headquarters", "acquired", "bought");

  private TagConfidence() {}

  /**
   * The base of an entry only the broad lists name, matched by its name or an alias: which lists
   * agree on it. Worked out once per entry, when the matcher is built.
   */
  static double broadBase(TaxonomyEntry e) {
    String source = e.source();
    // A brand named with a software maker's name (Google BigQuery) is software: the overlay's vendors say so.
    boolean software = source.contains("devicon") || source.contains("debian") || source.contains("wappalyzer") || source.contains("vendors");
    boolean brand = source.contains("simple-icons") || source.contains("iconify-logos");
    // A library of a language's ecosystem is as often named with ordinary words (decouple, socks).
    boolean library = e.category().startsWith("debian-") && LIBRARY_SECTIONS.contains(e.category().substring(7));
    // Only Debian's own category says program: a row another list named first carries that list's.
    boolean program = e.category().startsWith("debian-") && !library;
    boolean forgeBrand = source.equals("simple-icons"); // only a logo from a code forge brings a brand in alone
    return software && brand ? 0.7 : source.contains("devicon") || program ? 0.65 : software && !library || forgeBrand ? 0.6 : 0.45;
  }

  /**
   * @param listed {@link TaxonomyEntry#listed}, worked out once per entry
   * @param broadBase {@link #broadBase} of the entry
   * @param rule how the entry was matched ({@code exact}, {@code alias}, {@code variant}, {@code context},
   *     {@code misspelling}); {@code context} by capitals alone when {@code properNoun}
   * @param otherTool whether another listed tool is in the same text
   */
  static double of(
      TaxonomyEntry e, boolean listed, double broadBase, String rule, boolean properNoun, String text, int start, int end, boolean otherTool) {
    double base;
    if (listed) {
      base = switch (rule) {
        case "exact" -> 0.95;
        case "alias" -> 0.9;
        case "variant" -> 0.85;
        case "misspelling" -> 0.7;
        default -> properNoun ? 0.7 : 0.8;
      };
    } else {
      base = properNoun ? 0.4 : broadBase;
    }
    if (!"tool".equals(e.type())) {
      return base;
    }
    if (base >= 0.9) {
      // A listed name or alias: only an officer or a deal says it is the company ("AWS CTO", "Docker Inc").
      return COMPANY_AFTER.contains(wordAfter(text, end)) ? base - 0.4 : base;
    }
    String before = wordBefore(text, start);
    String after = wordAfter(text, end);
    double software = 0;
    if (versionAfter(text, end)) {
      software += 0.15;
    }
    if (KINDS_OF_SOFTWARE.contains(before) || KINDS_OF_SOFTWARE.contains(after)) {
      software += 0.15;
    }
    if (otherTool) {
      software += 0.15;
    }
    double organisation = 0;
    if (!listed && (ORGANISATION_BEFORE.contains(before) || ORGANISATION_AFTER.contains(after) || possessive(text, end))) {
      organisation = 0.3;
    }
    return Math.max(0, Math.min(1, base + Math.min(software, 0.3) - organisation));
  }

  /** A version right after the name, or glued to it: {@code 9}, {@code 2.1}, {@code v3}, {@code -1.4}, {@code etcd3}. */
  static boolean versionAfter(String text, int end) {
    int i = end;
    if (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-' || text.charAt(i) == '@')) {
      i++;
    }
    if (i < text.length() && (text.charAt(i) == 'v' || text.charAt(i) == 'V')) {
      i++;
    }
    return i < text.length() && Character.isDigit(text.charAt(i));
  }

  private static boolean possessive(String text, int end) {
    return end + 1 < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '’') && text.charAt(end + 1) == 's'
        && (end + 2 == text.length() || !Character.isLetter(text.charAt(end + 2)));
  }

  static String wordBefore(String text, int start) {
    int e = start;
    while (e > 0 && text.charAt(e - 1) == ' ') {
      e--;
    }
    int s = e;
    while (s > 0 && (Character.isLetterOrDigit(text.charAt(s - 1)) || text.charAt(s - 1) == '@')) {
      s--;
    }
    return text.substring(s, e).toLowerCase(Locale.ROOT);
  }

  static String wordAfter(String text, int end) {
    int s = end;
    while (s < text.length() && text.charAt(s) == ' ') {
      s++;
    }
    int e = s;
    while (e < text.length() && Character.isLetterOrDigit(text.charAt(e))) {
      e++;
    }
    return text.substring(s, e).toLowerCase(Locale.ROOT);
  }
}
