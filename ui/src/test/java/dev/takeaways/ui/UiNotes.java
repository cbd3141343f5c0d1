package dev.takeaways.ui;

import dev.takeaways.enrich.EnrichResult;
import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.model.EnrichedNote;
import dev.takeaways.model.RawNote;
import dev.takeaways.publish.JdbcNoteStore;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A small store for the page's tests, written by the real enricher from notes of our own: Chef in
 * the first months of 2026 (fading), Terraform in the last three (rising), Kubernetes new in June,
 * Docker and Kubernetes in one takeaway, and a note without a date read in June.
 */
final class UiNotes {
  static final NoteEnricher ENRICHER = NoteEnricher.withBundledTaxonomy();
  static final long JUNE_10 = Instant.parse("2026-06-10T12:00:00Z").toEpochMilli();

  private UiNotes() {}

  static void fill(JdbcNoteStore store) throws SQLException {
    for (int month = 1; month <= 3; month++) {
      store.apply(enrich("ops/chef-" + month + ".md", """
          ---
          title: Config day %d
          date: 2026-0%d-05
          ---
          ## Cookbooks at scale (Rita Moreno)

          - We wrote Chef cookbooks for every role and tested them with Test Kitchen.
          - Code review of every cookbook change caught most mistakes.
          """.formatted(month, month)));
    }
    for (int month = 4; month <= 6; month++) {
      store.apply(enrich("ops/tf-" + month + ".md", """
          ---
          title: Infra week %d
          date: 2026-0%d-07
          ---
          ## Modules everywhere (Sam Okafor)

          - Terraform modules describe each environment, and plans are reviewed before apply.
          - Cost went down 30%% once idle resources were found.
          """.formatted(month, month)));
    }
    store.apply(enrich("ops/k8s.md", """
        ---
        title: Cluster notes <script>alert(1)</script>
        date: 2026-06-20
        ---
        ## Containers in production (Lee Park)

        - We run Docker images on Kubernetes with rolling deploys.
        - The "100% uptime" claim needs a footnote.
        """));
    store.apply(enrich("journal/undated.md", """
        # Scratch

        - Grafana dashboards for the on-call rotation.
        """));
  }

  static EnrichedNote enrich(String id, String markdown) {
    EnrichResult result = ENRICHER.enrich(RawNote.of(id, id, new RawNote.Source(RawNote.Source.FOLDER, null), markdown, JUNE_10));
    return ((EnrichResult.Enriched) result).note();
  }
}
