package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takeaways.testsupport.Notes;
import dev.takeaways.testsupport.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real browser (Debian's chromium, driven by Selenium through chromedriver)
 * against a real {@code takeaways up} on the example notes: the overview, a filter by tag, a note
 * whose marked spans are exactly its evidence, and a new note that appears without a reload.
 * Screenshots go to {@code target/screenshots/}.
 */
class WebPageIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final Pattern PAGE = Pattern.compile("is ready in .* \\| page (http://\\S+)");
  static final Path SHOTS = Path.of("target", "screenshots");

  @TempDir Path dir;
  private Process up;
  private Path log;
  private ChromeDriver browser;

  @BeforeEach
  void start() throws Exception {
    Path chromium = Tools.require("chromium", "chromium");
    Path driver = Tools.require("chromedriver", "chromium-driver");
    Path watch = Files.createDirectories(dir.resolve("notes"));
    try (Stream<Path> examples = Files.list(Notes.projectRoot().resolve("examples/notes"))) {
      for (Path note : examples.toList()) {
        Files.copy(note, watch.resolve(note.getFileName()));
      }
    }
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-jar",
        CrashRecoveryIT.jar().toString(), "up", "--watch", watch.toString(), "--data", dir.resolve("data").toString(),
        "--kafka-port", String.valueOf(KafkaFixture.freePort()), "--kafka-controller-port", String.valueOf(KafkaFixture.freePort()),
        "--metrics-port", String.valueOf(KafkaFixture.freePort()), "--http-port", "-1",
        "--ui-port", String.valueOf(KafkaFixture.freePort()), "--debounce", "20"));
    log = dir.resolve("up.log");
    up = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1400",
        "--no-first-run", "--disable-extensions", "--disable-background-networking");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort().build(), options);
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (up != null) {
      up.destroy();
      if (!up.waitFor(30, TimeUnit.SECONDS)) {
        up.destroyForcibly();
      }
    }
  }

  /** The page's address, as the ready line names it. */
  private String pageUrl() {
    String[] url = new String[1];
    await().atMost(PATIENCE).until(() -> {
      assertThat(up.isAlive()).as("takeaways up exited:\n" + CrashRecoveryIT.tail(log)).isTrue();
      Matcher m = PAGE.matcher(Files.readString(log));
      if (m.find()) {
        url[0] = m.group(1);
        return true;
      }
      return false;
    });
    return url[0];
  }

  private void shot(String name) throws Exception {
    Path file = SHOTS.resolve("webpage-" + name + ".png");
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, PATIENCE);
  }

  @Test
  void overviewFilterANoteWithItsEvidenceAndANewNoteLive() throws Exception {
    String base = pageUrl();
    Path data = dir.resolve("data");

    // 1. The overview lists the three example notes once they are stored (live: no reload needed).
    browser.get(base);
    assertThat(browser.getTitle()).isEqualTo("Overview · takeaways");
    waiting().until(d -> d.findElements(By.cssSelector("#latest-notes li")).size() == 3);
    assertThat(browser.findElement(By.id("tools-h")).getText()).isEqualTo("Tools mentioned most");
    assertThat(browser.findElements(By.cssSelector("section[aria-labelledby=tools-h] a.chip.tool"))).isNotEmpty();
    assertThat(browser.findElement(By.id("trend-rule")).getText()).startsWith("A tag is rising when");
    shot("1-overview");

    // 2. Filter by a tag with the search form: every takeaway found carries it.
    browser.get(base + "search");
    WebElement tag = browser.findElement(By.id("f-tag"));
    assertThat(browser.findElement(By.cssSelector("label[for=f-tag]")).getText()).isEqualTo("Tag");
    assertThat(((JavascriptExecutor) browser).executeScript(
        "return Array.from(document.querySelectorAll('input, select')).filter(e => e.labels.length === 0).map(e => e.name);"))
        .as("every field has a label").isEqualTo(List.of());
    tag.sendKeys("tool:kubernetes");
    tag.sendKeys(Keys.ENTER);
    waiting().until(d -> d.getCurrentUrl().contains("tag=tool%3Akubernetes"));
    List<WebElement> results = browser.findElements(By.cssSelector("ol.results > li"));
    assertThat(results).isNotEmpty();
    for (WebElement result : results) {
      assertThat(result.findElements(By.cssSelector("mark.ev")).stream().map(m -> m.getAttribute("data-tags")))
          .as(result.getText()).anyMatch(tags -> List.of(tags.split(" ")).contains("tool:kubernetes"));
    }
    shot("2-search-tool-kubernetes");

    // 3. Open the note of the first result.
    results.get(0).findElement(By.cssSelector(".meta a")).click();
    waiting().until(d -> d.getCurrentUrl().contains("/note?id="));
    String noteId = browser.findElement(By.cssSelector("article.note")).getAttribute("data-note");

    // 4. Its marked spans are exactly the evidence spans its record holds in the store: for each
    // takeaway and tag, the marks that carry the tag join, end to end, into the stored span and text.
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> marks = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
        "return Array.from(document.querySelectorAll('li[data-takeaway] mark.ev')).map(m => ({"
            + "takeaway: m.closest('li[data-takeaway]').dataset.takeaway, tags: m.dataset.tags,"
            + "start: Number(m.dataset.start), end: Number(m.dataset.end), text: m.textContent}));");
    Map<String, String> shown = new TreeMap<>();
    for (Map<String, Object> m : marks) { // in document order, so in text order within a takeaway
      int start = ((Number) m.get("start")).intValue();
      int end = ((Number) m.get("end")).intValue();
      for (String t : ((String) m.get("tags")).split(" ")) {
        shown.merge(m.get("takeaway") + " " + t, start + "-" + end + " " + m.get("text"), WebPageIT::join);
      }
    }
    Map<String, String> stored = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("takeaways.db"));
        PreparedStatement ps = c.prepareStatement("SELECT tt.takeaway_id, tt.tag_id, tt.span_start, tt.span_end, tt.matched_text"
            + " FROM takeaway_tags tt JOIN takeaways t ON t.id = tt.takeaway_id WHERE t.note_id = ?")) {
      ps.setString(1, noteId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stored.put(rs.getString(1) + " " + rs.getString(2), rs.getInt(3) + "-" + rs.getInt(4) + " " + rs.getString(5));
        }
      }
    }
    assertThat(stored).as("the note %s has evidence to show", noteId).isNotEmpty();
    assertThat(shown).isEqualTo(stored);

    // Hovering or focusing a mark shows its tag, rule and confidence.
    WebElement first = browser.findElement(By.cssSelector("li[data-takeaway] mark.ev"));
    new Actions(browser).moveToElement(first).perform();
    ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", first);
    assertThat(browser.switchTo().activeElement()).isEqualTo(first);
    String tip = (String) ((JavascriptExecutor) browser).executeScript("return getComputedStyle(arguments[0], '::after').content", first);
    assertThat(tip).contains(first.getAttribute("data-tags").split(" ")[0], "· rule ", "· confidence ");
    String described = browser.findElement(By.id(first.getAttribute("aria-describedby"))).getAttribute("textContent");
    assertThat(described).isEqualTo(first.getAttribute("data-tip"));
    shot("3-note-evidence");

    // 5. A note dropped into the folder appears on the open overview without a reload.
    browser.get(base);
    waiting().until(d -> d.findElements(By.cssSelector("#latest-notes li")).size() == 3);
    Object marker = ((JavascriptExecutor) browser).executeScript("window.notReloaded = 'yes'; return window.notReloaded;");
    assertThat(marker).isEqualTo("yes");
    Path watch = dir.resolve("notes");
    Path tmp = Files.writeString(dir.resolve("live.tmp"), """
        ---
        title: Live drop from the browser test
        date: 2026-12-01
        ---
        ## Game day (Ines Duarte)

        - We broke the staging cluster on purpose and Grafana showed it within a minute.
        """);
    Files.move(tmp, watch.resolve("live-drop.md"), StandardCopyOption.ATOMIC_MOVE);
    waiting().until(d -> d.findElements(By.cssSelector("#latest-notes li")).size() == 4);
    assertThat(browser.findElement(By.id("latest-notes")).getText()).contains("Live drop from the browser test");
    assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded;")).as("the page was not reloaded").isEqualTo("yes");
    assertThat(browser.findElement(By.id("live-status")).getText()).startsWith("Live: updated at");
    shot("4-live-new-note");
    assertThat(new TreeSet<>(List.of(SHOTS.toFile().list()))).contains("webpage-1-overview.png", "webpage-4-live-new-note.png");
  }

  /**
   * Two marks of one tag, {@code "start-end text"} each, as one when the second starts where the
   * first ends; otherwise both, so that a gap fails the comparison.
   */
  private static String join(String first, String second) {
    String[] a = first.split(" ", 2);
    String[] b = second.split(" ", 2);
    String[] aSpan = a[0].split("-");
    String[] bSpan = b[0].split("-");
    return aSpan[1].equals(bSpan[0]) ? aSpan[0] + "-" + bSpan[1] + " " + a[1] + b[1] : first + " | " + second;
  }
}
