package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takeaways.enrich.EnrichResult;
import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.model.JsonSerde;
import dev.takeaways.model.RawNote;
import dev.takeaways.publish.JdbcNoteStore;
import dev.takeaways.testsupport.Notes;
import dev.takeaways.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Every SQL query of the Takeaways dashboard runs on a real PostgreSQL store holding the seed, and answers. */
class TakeawaysDashboardSqlTest {
  @Test
  void everyPanelsQueryAnswersFromAStoreHoldingTheSeed() throws Exception {
    String url = PostgresDatabase.create();
    try (JdbcNoteStore store = JdbcNoteStore.open(url, Clock.systemUTC())) {
      String seed = Notes.read(Notes.seedPath());
      store.apply(((EnrichResult.Enriched) NoteEnricher.withBundledTaxonomy()
          .enrich(RawNote.of(Notes.SEED_NAME, Notes.SEED_NAME, new RawNote.Source(RawNote.Source.CLI, null), seed, 1))).note());
    }
    JsonNode dashboard = JsonSerde.mapper().readTree(Notes.projectRoot().resolve("grafana/dashboards/takeaways.json").toFile());
    int queries = 0;
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (JsonNode panel : dashboard.get("panels")) {
        for (JsonNode target : panel.path("targets")) {
          String sql = target.get("rawSql").asText();
          try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(panel.get("title").asText() + ": " + sql).isTrue();
          }
          queries++;
        }
      }
    }
    assertThat(queries).isGreaterThanOrEqualTo(6);
  }
}
