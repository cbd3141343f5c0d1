package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import dev.takeaways.enrich.EnrichResult;
import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.metrics.MetricNames;
import dev.takeaways.model.DeadLetter;
import dev.takeaways.model.JsonSerde;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.TaggedTakeaway;
import dev.takeaways.model.Topics;
import dev.takeaways.publish.JdbcNoteStore;
import dev.takeaways.testsupport.Notes;
import dev.takeaways.testsupport.Tools;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import dev.takeaways.enrich.tag.Taxonomy;
import dev.takeaways.ingest.FolderWatcher;
import dev.takeaways.ingest.KafkaNoteSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real Kafka broker and a real SQLite file: notes dropped into a folder come
 * out in the store, on {@code takeaways.tagged} and on /metrics.
 */
class EndToEndIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dir;
  private Path watch;
  private Path data;
  private KafkaFixture kafka;
  private Pipeline pipeline;

  @BeforeEach
  void startBroker() throws IOException {
    watch = Files.createDirectories(dir.resolve("notes"));
    data = Files.createDirectories(dir.resolve("data"));
    kafka = KafkaFixture.start(dir);
  }

  @AfterEach
  void stopAll() throws Exception {
    if (pipeline != null) {
      pipeline.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  private Map<String, Object> client() {
    return Map.of("bootstrap.servers", kafka.bootstrapServers());
  }

  private String storeUrl() {
    return JdbcNoteStore.sqliteUrl(data.resolve("takeaways.db"));
  }

  private void startPipeline() throws Exception {
    TopicInstaller.install(client(), true);
    pipeline = Pipeline.start(new PipelineSettings(
        client(), data, watch, true, storeUrl(), new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 0), FolderWatcher.Settings.events(Duration.ofMillis(50)), Taxonomy.bundled()));
    await().atMost(PATIENCE).until(pipeline::isReady);
  }

  private List<String> sql(String query) throws SQLException {
    try (Connection c = DriverManager.getConnection(storeUrl()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      List<String> rows = new ArrayList<>();
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
      return rows;
    }
  }

  private int count(String query) {
    return StoreRows.count(storeUrl(), query);
  }

  /** Every committed record of a topic from its start, read until {@code until} holds or time runs out. */
  private List<ConsumerRecord<String, byte[]>> readAll(String topic, Predicate<List<ConsumerRecord<String, byte[]>>> until) {
    return kafka.readFromStart(topic, PATIENCE, Duration.ZERO, until);
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(pipeline.metricsUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    return response.body();
  }

  private static int expectedTakeaways(Path file) {
    String name = file.getFileName().toString();
    EnrichResult r = NoteEnricher.withBundledTaxonomy()
        .enrich(RawNote.of(name, name, new RawNote.Source(RawNote.Source.CLI, null), Notes.read(file), 0));
    return ((EnrichResult.Enriched) r).note().takeaways().size();
  }

  @Test
  void notesDroppedInTheFolderReachTheStoreTheTopicAndTheMetrics() throws Exception {
    startPipeline();
    List<Path> sources = new ArrayList<>(Notes.examples());
    sources.add(Notes.seedPath());
    int expected = 0;
    for (Path source : sources) {
      Files.copy(source, watch.resolve(source.getFileName()));
      expected += expectedTakeaways(source);
    }

    await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM notes") == sources.size());
    assertThat(sql("SELECT title, session_count FROM notes WHERE id = '" + Notes.SEED_NAME + "'"))
        .containsExactly("Notes and Summary from DevOps Days Boston 2014|17");
    assertThat(sql("SELECT speaker FROM sessions WHERE title = 'The Value of Feedback'")).containsExactly("John Ryding");
    assertThat(count("SELECT COUNT(*) FROM takeaways")).isEqualTo(expected);
    assertThat(sql("SELECT DISTINCT t.note_id FROM takeaways t JOIN takeaway_tags g ON g.takeaway_id = t.id WHERE g.tag_id = 'tool:serverspec'"))
        .containsExactly(Notes.SEED_NAME);

    int total = expected;
    List<ConsumerRecord<String, byte[]>> tagged = readAll(Topics.TAKEAWAYS_TAGGED.name(), rs -> rs.size() >= total);
    assertThat(tagged).hasSize(total);
    assertThat(tagged).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
    JsonSerde<TaggedTakeaway> serde = Topics.TAKEAWAYS_TAGGED.serde();
    assertThat(tagged).allSatisfy(r -> {
      TaggedTakeaway t = serde.fromBytes(r.value());
      assertThat(t.schema()).isEqualTo("takeaways.tagged/v1");
      assertThat(new String(r.headers().lastHeader(Topics.HEADER_NOTE_ID).value(), StandardCharsets.UTF_8)).isEqualTo(t.noteId());
    });

    String metrics = get("/metrics");
    assertThat(metrics)
        .contains("takeaways_ingest_notes_total{application=\"takeaways\",outcome=\"sent\",reason=\"none\"} " + sources.size() + ".0")
        .contains("takeaways_enrich_notes_total{application=\"takeaways\",outcome=\"enriched\",reason=\"none\"} " + sources.size() + ".0")
        .contains("takeaways_publish_notes_total{application=\"takeaways\",outcome=\"stored\"} " + sources.size() + ".0")
        .contains("takeaways_e2e_latency_seconds_count");
    JsonNode assertions = JsonSerde.mapper().readTree(get("/assertions"));
    assertThat(assertions).hasSizeGreaterThanOrEqualTo(3);
    assertThat(assertions).allSatisfy(a -> assertThat(a.get("failed").asLong()).as(a.get("name").asText()).isZero());
    assertThat(assertions).filteredOn(a -> a.get("name").asText().equals("publish-note-stored-after-commit"))
        .singleElement().satisfies(a -> assertThat(a.get("passed").asLong()).isEqualTo(sources.size()));
  }

  @Test
  void whileTheStoreIsLockedThePublisherWaitsSaysSoAndThenStoresTheNoteOnce() throws Exception {
    startPipeline();
    Files.writeString(watch.resolve("first.md"), "# First\n\n- Docker\n");
    await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM notes") == 1);

    // Another writer holds the SQLite file: the publisher's writes fail after its busy timeout.
    try (var locker = DriverManager.getConnection(storeUrl()); var st = locker.createStatement()) {
      st.execute("BEGIN EXCLUSIVE");
      Files.writeString(watch.resolve("second.md"), "# Second\n\n- Packer\n");
      await().atMost(PATIENCE).until(() -> pipeline.notReady().contains("publish"));
      assertThat(pipeline.registry().get(MetricNames.PUBLISH_ERRORS).counter().count()).isPositive();
      st.execute("ROLLBACK");
    }

    await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM notes") == 2);
    await().atMost(PATIENCE).until(() -> !pipeline.notReady().contains("publish"));
    assertThat(sql("SELECT note_id || ' ' || text FROM takeaways ORDER BY note_id")).containsExactly("first.md Docker", "second.md Packer");
  }

  @Test
  void aNotePostedOverHttpReachesTheStore() throws Exception {
    startPipeline();
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(pipeline.notesUrl()))
            .header("Content-Type", "text/markdown")
            .header("X-Note-Id", "chatbot/standup-2026-11-25.md")
            .POST(HttpRequest.BodyPublishers.ofString("# Standup\n\n- rolled Terraform out to staging\n"))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM takeaways WHERE note_id = 'chatbot/standup-2026-11-25.md'") == 1);
    assertThat(sql("SELECT tag_id FROM takeaway_tags")).containsExactly("tool:terraform");
  }

  @Test
  void aPostCannotReplaceANoteThatGitSentButMayReplaceItsOwn() throws Exception {
    startPipeline();
    // What the git hook does, from a process of its own: the note goes to Kafka, not through this pipeline.
    try (KafkaNoteSink hook = new KafkaNoteSink(client(), Duration.ofSeconds(10), new SimpleMeterRegistry())) {
      hook.send(RawNote.of("team/plan.md", "team/plan.md", new RawNote.Source(RawNote.Source.GIT, "abc123 by ann"), "# Plan\n\n- moved CI to Jenkins\n",
          System.currentTimeMillis()));
    }
    await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM notes WHERE id = 'team/plan.md'") == 1);

    // The store has it, so notes.raw has had it for longer: the pipeline knows where it came from.
    HttpResponse<String> overGit = post("team/plan.md", "# Plan\n\n- nothing\n");
    assertThat(overGit.statusCode()).isEqualTo(409);
    assertThat(overGit.body()).contains("id-taken").contains("team/plan.md is a note from git");
    assertThat(post("bot/plan.md", "# Bot\n\n- ran Packer\n").statusCode()).isEqualTo(202);
    await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM notes WHERE id = 'bot/plan.md'") == 1);
    assertThat(post("bot/plan.md", "# Bot\n\n- ran Terraform\n").statusCode()).as("a POST replaces a POST").isEqualTo(202);
    await().atMost(PATIENCE).until(() -> sql("SELECT text FROM takeaways WHERE note_id = 'bot/plan.md'").equals(List.of("ran Terraform")));
    assertThat(sql("SELECT text FROM takeaways WHERE note_id = 'team/plan.md'")).containsExactly("moved CI to Jenkins");
  }

  private HttpResponse<String> post(String id, String note) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(pipeline.notesUrl())).header("Content-Type", "text/markdown").header("X-Note-Id", id)
            .POST(HttpRequest.BodyPublishers.ofString(note)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anEditReplacesTheNotesRowsAndADeletionRemovesThem() throws Exception {
    startPipeline();
    Path note = watch.resolve("journal.md");
    Files.writeString(note, "# Journal\n\n## Monday\n\n- moved builds to Jenkins\n- retired the old Nagios box\n");
    await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM takeaways") == 2);

    Path tmp = watch.resolve("journal.md.tmp");
    Files.writeString(tmp, "# Journal\n\n## Monday\n\n- moved builds to Jenkins\n- adopted Terraform for DNS\n");
    Files.move(tmp, note, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    await().atMost(PATIENCE).until(() -> sql("SELECT text FROM takeaways ORDER BY position")
        .equals(List.of("moved builds to Jenkins", "adopted Terraform for DNS")));
    assertThat(sql("SELECT tag_id FROM takeaway_tags ORDER BY tag_id")).containsExactly("tool:jenkins", "tool:terraform");

    Files.delete(note);
    await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM notes") == 0);
    assertThat(count("SELECT COUNT(*) FROM takeaways")).isZero();

    // The compacted topic's latest state holds no takeaway of the deleted note.
    List<ConsumerRecord<String, byte[]>> records = readAll(Topics.TAKEAWAYS_TAGGED.name(), rs -> rs.stream().filter(r -> r.value() == null).count() >= 3);
    Map<String, byte[]> latest = new HashMap<>();
    records.forEach(r -> latest.put(r.key(), r.value()));
    latest.values().removeIf(v -> v == null);
    assertThat(latest).isEmpty();
  }

  @Test
  void aKcatSubscriberReadsRecordsThatKeepTheSchemaTheHeadersAndTheTombstoneContract() throws Exception {
    Path kcat = Tools.require("kcat", "kcat");
    startPipeline();
    Files.copy(Notes.seedPath(), watch.resolve(Notes.SEED_NAME));
    Path gone = watch.resolve("gone.md");
    Files.writeString(gone, "# Gone\n\n- tried Packer for images\n- wrote Chef cookbooks\n");
    int seedTakeaways = expectedTakeaways(Notes.seedPath());
    await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM takeaways") == seedTakeaways + 2);
    Files.delete(gone);
    await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM notes") == 1);

    // kcat -J prints one JSON envelope per record: key, payload (null for a tombstone), headers.
    List<JsonNode> envelopes = new ArrayList<>();
    await().atMost(PATIENCE).until(() -> {
      envelopes.clear();
      envelopes.addAll(kcatRead(kcat, Topics.TAKEAWAYS_TAGGED.name()));
      return envelopes.size() >= seedTakeaways + 4;
    });
    Schema schema = TopicSchemasTest.schema(Topics.TAKEAWAYS_TAGGED.name());
    List<JsonNode> tombstones = new ArrayList<>();
    for (JsonNode envelope : envelopes) {
      String key = envelope.get("key").asText();
      Map<String, String> headers = new HashMap<>();
      JsonNode h = envelope.get("headers");
      for (int i = 0; h != null && i + 1 < h.size(); i += 2) {
        headers.put(h.get(i).asText(), h.get(i + 1).asText());
      }
      if (envelope.get("payload").isNull()) {
        tombstones.add(envelope);
        assertThat(key).startsWith("gone.md#");
        continue;
      }
      JsonNode payload = JsonSerde.mapper().readTree(envelope.get("payload").asText());
      assertThat(schema.validate(payload)).as(key).isEmpty();
      assertThat(payload.get("id").asText()).isEqualTo(key);
      assertThat(headers).containsEntry(Topics.HEADER_NOTE_ID, payload.get("noteId").asText());
      List<String> tagIds = new ArrayList<>();
      payload.get("tags").forEach(t -> tagIds.add(t.get("id").asText()));
      assertThat(headers.getOrDefault(Topics.HEADER_TAGS, "")).isEqualTo(String.join(",", tagIds));
    }
    assertThat(tombstones).hasSize(2);
    assertThat(envelopes).hasSize(seedTakeaways + 4);
  }

  /** Every record of {@code topic}, read from its start by kcat as JSON envelopes, until its end. */
  private List<JsonNode> kcatRead(Path kcat, String topic) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(kcat.toString(), "-b", kafka.bootstrapServers(), "-C", "-t", topic, "-o", "beginning", "-e", "-J", "-q",
        "-X", "isolation.level=read_committed")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<JsonNode> out = new ArrayList<>();
    try (var lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          out.add(JsonSerde.mapper().readTree(line));
        }
      }
    }
    assertThat(p.waitFor()).as("kcat exit status").isZero();
    return out;
  }

  @Test
  void aRestartSendsNothingAgainAndLeavesTheStoreUnchanged() throws Exception {
    startPipeline();
    for (Path source : Notes.examples()) {
      Files.copy(source, watch.resolve(source.getFileName()));
    }
    await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM notes") == Notes.examples().size());
    List<String> before = sql("SELECT n.id, n.stored_at, COUNT(t.id) FROM notes n JOIN takeaways t ON t.note_id = n.id GROUP BY n.id, n.stored_at ORDER BY n.id");
    pipeline.close();

    startPipeline();
    await().atMost(PATIENCE).until(() ->
        pipeline.registry().get(MetricNames.INGEST_NOTES).tag(MetricNames.OUTCOME, "unchanged").counter().count() == Notes.examples().size());

    assertThat(pipeline.registry().get(MetricNames.INGEST_NOTES).tag(MetricNames.OUTCOME, "sent").counter().count()).isZero();
    assertThat(pipeline.registry().get(MetricNames.PUBLISH_NOTES).tag(MetricNames.OUTCOME, "stored").counter().count()).isZero();
    assertThat(sql("SELECT n.id, n.stored_at, COUNT(t.id) FROM notes n JOIN takeaways t ON t.note_id = n.id GROUP BY n.id, n.stored_at ORDER BY n.id"))
        .isEqualTo(before);
  }

  @Test
  void eachStageRunsAloneAgainstTheSameBroker() throws Exception {
    TopicInstaller.install(client(), true);
    InetSocketAddress noMetrics = null;
    List<Pipeline> stages = new ArrayList<>();
    try {
      // As `takeaways ingest`, `takeaways enrich` and `takeaways publish` would run them: apart.
      stages.add(Pipeline.start(new PipelineSettings(client(), data.resolve("ingest"), watch, false, null, noMetrics, null, FolderWatcher.Settings.events(Duration.ofMillis(50)), Taxonomy.bundled())));
      stages.add(Pipeline.start(new PipelineSettings(client(), data.resolve("enrich"), null, true, null, noMetrics, null, FolderWatcher.Settings.events(Duration.ZERO), Taxonomy.bundled())));
      stages.add(Pipeline.start(new PipelineSettings(client(), data.resolve("publish"), null, false, storeUrl(), noMetrics, null, FolderWatcher.Settings.events(Duration.ZERO), Taxonomy.bundled())));
      await().atMost(PATIENCE).until(() -> stages.stream().allMatch(Pipeline::isReady));

      Files.writeString(watch.resolve("split.md"), "# Split\n\n## Talk\n\n- Kubernetes for everything\n");

      await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM takeaways WHERE note_id = 'split.md'") == 1);
      assertThat(sql("SELECT tag_id FROM takeaway_tags")).containsExactly("tool:kubernetes");
    } finally {
      for (int i = stages.size() - 1; i >= 0; i--) {
        stages.get(i).close();
      }
    }
  }

  @Test
  void badInputEndsAsADeadLetterOrANoteAndTheStreamGoesOn() throws Exception {
    startPipeline();
    Files.write(watch.resolve("latin1.md"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
    Files.write(watch.resolve("binary.md"), new byte[] {'P', 'K', 3, 4, 0, 0, 1});
    Files.writeString(watch.resolve("empty.md"), "");
    Files.writeString(watch.resolve("huge.md"), "x".repeat(10 * 1024 * 1024));
    Files.writeString(watch.resolve("broken-front-matter.md"), "---\ntitle: [broken\n---\n");
    Files.writeString(watch.resolve("only-front-matter.md"), "---\ntitle: Just a title\n---\n");
    Files.writeString(watch.resolve("one-long-line.md"), "Docker and code review, ".repeat(45_000));
    Files.writeString(watch.resolve("deep.md"), "> ".repeat(50_000) + "- ".repeat(50_000) + "x\n");

    await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM notes") == 3);
    assertThat(sql("SELECT id FROM notes ORDER BY id")).containsExactly("deep.md", "one-long-line.md", "only-front-matter.md");

    List<ConsumerRecord<String, byte[]>> dead = readAll(Topics.DEAD_LETTER.name(), rs -> rs.size() >= 5);
    Map<String, DeadLetter> letters = new HashMap<>();
    dead.forEach(r -> letters.put(r.key(), Topics.DEAD_LETTER.serde().fromBytes(r.value())));
    assertThat(letters).containsOnlyKeys("latin1.md", "binary.md", "empty.md", "huge.md", "broken-front-matter.md");
    assertThat(letters.values()).allSatisfy(l -> assertThat(l.detail()).contains(l.noteId()));
    assertThat(letters.get("latin1.md")).extracting(DeadLetter::stage, DeadLetter::reason).containsExactly("ingest", "not-utf8");
    assertThat(letters.get("binary.md")).extracting(DeadLetter::stage, DeadLetter::reason).containsExactly("ingest", "binary");
    assertThat(letters.get("empty.md")).extracting(DeadLetter::stage, DeadLetter::reason).containsExactly("ingest", "empty");
    assertThat(letters.get("huge.md")).extracting(DeadLetter::stage, DeadLetter::reason).containsExactly("ingest", "too-large");
    assertThat(letters.get("broken-front-matter.md")).extracting(DeadLetter::stage, DeadLetter::reason).containsExactly("enrich", "front-matter");
    assertThat(get("/metrics"))
        .contains("takeaways_ingest_notes_total{application=\"takeaways\",outcome=\"rejected\",reason=\"not-utf8\"} 1.0")
        .contains("takeaways_enrich_notes_total{application=\"takeaways\",outcome=\"dead-lettered\",reason=\"front-matter\"} 1.0");

    // The stream is still running: the next note goes through.
    Files.writeString(watch.resolve("next.md"), "# Next\n\n## Talk\n\n- Docker everywhere\n");
    await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM notes WHERE id = 'next.md'") == 1);
    assertThat(pipeline.isReady()).isTrue();
  }

}
