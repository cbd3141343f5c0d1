package dev.takeaways.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takeaways.publish.JdbcNoteStore;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's questions on a real SQLite file (and, in a subclass, a real PostgreSQL server). */
class StoreBrowserTest {
  @TempDir Path dir;
  JdbcNoteStore store;
  StoreBrowser browser;
  String url;

  /** A new, empty store. */
  String newStoreUrl() throws SQLException {
    return JdbcNoteStore.sqliteUrl(dir.resolve("ui.db"));
  }

  @BeforeEach
  void fill() throws SQLException {
    url = newStoreUrl();
    store = JdbcNoteStore.open(url, Clock.systemUTC());
    UiNotes.fill(store);
    browser = new StoreBrowser(url);
  }

  @AfterEach
  void close() throws SQLException {
    if (browser != null) {
      browser.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private static List<String> tags(List<Overview.TagLine> lines) {
    return lines.stream().map(Overview.TagLine::tag).toList();
  }

  @Test
  void overviewCountsTrendsAndWhatIsNew() throws SQLException {
    Overview o = browser.computeOverview();
    assertThat(o.notes()).isEqualTo(8);
    assertThat(o.lastMonth()).isEqualTo("2026-06");
    assertThat(o.months()).hasSize(StoreBrowser.MONTHS).endsWith("2026-06").startsWith("2025-07");
    assertThat(tags(o.tools())).contains("tool:chef", "tool:terraform", "tool:docker", "tool:kubernetes", "tool:grafana");
    Overview.TagLine chef = o.tools().stream().filter(l -> l.tag().equals("tool:chef")).findFirst().orElseThrow();
    assertThat(chef.notes()).isEqualTo(3);
    assertThat(chef.perMonth().subList(6, 12)).containsExactly(1, 1, 1, 0, 0, 0);
    assertThat(tags(o.rising())).contains("tool:terraform").doesNotContain("tool:chef");
    assertThat(tags(o.fading())).contains("tool:chef").doesNotContain("tool:terraform");
    assertThat(tags(o.newInLastMonth())).contains("tool:kubernetes", "tool:docker", "tool:grafana").doesNotContain("tool:terraform");
    assertThat(o.together()).extracting(p -> p.first() + "+" + p.second()).contains("tool:docker+tool:kubernetes");
    assertThat(o.latest()).hasSize(8);
    assertThat(o.latest()).filteredOn(n -> n.id().equals("journal/undated.md")).extracting(Overview.NoteLine::day)
        .containsExactly("2026-06-10");
  }

  @Test
  void anEmptyStoreHasAnEmptyOverview() throws SQLException {
    for (Overview.NoteLine n : browser.computeOverview().latest()) {
      store.delete(n.id());
    }
    Overview o = browser.computeOverview();
    assertThat(o.notes()).isZero();
    assertThat(o.lastMonth()).isNull();
    assertThat(o.tools()).isEmpty();
    assertThat(o.together()).isEmpty();
  }

  private List<String> found(String... params) throws SQLException {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      map.put(params[i], params[i + 1]);
    }
    return browser.search(Search.of(map)).hits().stream().map(Search.Hit::noteId).distinct().toList();
  }

  @Test
  void searchFiltersCombine() throws SQLException {
    assertThat(found("tag", "tool:terraform")).containsExactly("ops/tf-6.md", "ops/tf-5.md", "ops/tf-4.md");
    assertThat(found("tag", "terraform", "from", "2026-05")).containsExactly("ops/tf-6.md", "ops/tf-5.md");
    assertThat(found("tag", "terraform", "to", "2026-05")).containsExactly("ops/tf-5.md", "ops/tf-4.md");
    assertThat(found("speaker", "rita")).containsExactly("ops/chef-3.md", "ops/chef-2.md", "ops/chef-1.md");
    assertThat(found("session", "containers", "type", "tool")).containsExactly("ops/k8s.md");
    assertThat(found("note", "ops/chef-2.md")).containsExactly("ops/chef-2.md");
    assertThat(found("note", "config day 1")).containsExactly("ops/chef-1.md");
    assertThat(found("q", "100%")).as("% is a character, not a wildcard").containsExactly("ops/k8s.md");
    assertThat(found("q", "it's'; DROP TABLE notes; --")).isEmpty();
    assertThat(found("q", "idle", "kind", "point")).hasSize(3);
    assertThat(found("q", "idle", "kind", "quote")).isEmpty();
    assertThat(browser.search(Search.of(Map.of())).hits()).hasSizeGreaterThan(10);
    assertThat(browser.search(Search.of(Map.of())).tags()).contains("tool:chef", "tool:kubernetes");
  }

  @Test
  void aBroadSearchInGrowingWindowsOfNotesAnswersAsOneOverAllNotes() throws SQLException {
    try (StoreBrowser windowed = new StoreBrowser(url, 1, 3); StoreBrowser whole = new StoreBrowser(url, Integer.MAX_VALUE, 3)) {
      for (Map<String, String> broad : List.of(Map.<String, String>of(), Map.of("type", "practice"), Map.of("kind", "point"),
          Map.of("q", "cookbook"), Map.of("from", "2026-02", "to", "2026-05"))) {
        assertThat(windowed.search(Search.of(broad)).hits()).as(broad.toString())
            .usingRecursiveFieldByFieldElementComparator().isEqualTo(whole.search(Search.of(broad)).hits()).hasSize(3);
        assertThat(windowed.search(Search.of(broad)).more()).isTrue();
      }
    }
  }

  @Test
  void aNoteAsReadMarksExactlyItsEvidence() throws SQLException {
    NoteView note = browser.note("ops/k8s.md");
    assertThat(note.title()).isEqualTo("Cluster notes <script>alert(1)</script>");
    assertThat(note.blocks()).extracting(NoteView.Block::title).containsExactly("Containers in production");
    assertThat(note.blocks().get(0).speaker()).isEqualTo("Lee Park");
    NoteView.Item first = note.blocks().get(0).takeaways().get(0);
    assertThat(first.evidence()).extracting(Highlights.Evidence::tag).contains("tool:docker", "tool:kubernetes");
    for (Highlights.Evidence e : first.evidence()) {
      String marked = String.join("", first.pieces().stream()
          .filter(p -> p.evidence().contains(e)).map(Highlights.Piece::text).toList());
      assertThat(marked).as(e.tag()).isEqualTo(e.text());
    }
    assertThat(browser.note("no/such.md")).isNull();
  }

  @Test
  void theOverviewKeptIsAnsweredUntilTheStoreChangesThenTheNewOneIsComputed() throws SQLException {
    Overview first = browser.overview();
    assertThat(first.version()).isEqualTo(browser.version());
    assertThat(browser.overview()).as("nothing changed: the same one").isSameAs(first);
    store.apply(UiNotes.enrich("new.md", "---\ndate: 2026-06-30\n---\n- Ansible playbooks for the build farm\n"));
    await().atMost(Duration.ofSeconds(30)).until(() -> browser.overview().notes() == first.notes() + 1);
    Overview next = browser.overview();
    assertThat(next.version()).isEqualTo(browser.version()).isNotEqualTo(first.version());
    assertThat(tags(next.tools())).contains("tool:ansible");
  }

  @Test
  void versionChangesWhenANoteIsStoredOrDeleted() throws SQLException {
    String before = browser.version();
    assertThat(browser.version()).isEqualTo(before);
    store.apply(UiNotes.enrich("new.md", "- Ansible playbooks\n"));
    String added = browser.version();
    assertThat(added).isNotEqualTo(before);
    store.delete("new.md");
    assertThat(browser.version()).isNotEqualTo(added);
  }
}
