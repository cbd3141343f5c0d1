package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takeaways.app.cli.ExitCodes;
import dev.takeaways.enrich.EnrichResult;
import dev.takeaways.enrich.NoteEnricher;
import dev.takeaways.model.JsonSerde;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.Topics;
import dev.takeaways.publish.JdbcNoteStore;
import dev.takeaways.testsupport.Notes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands that need no running broker, through the real command line. */
class CommandLineTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Takeaways.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void everyListenerBindsLoopbackUnlessToldOtherwise() {
    int listeners = 0;
    for (String command : new String[] {"up", "ingest", "enrich", "publish"}) {
      CommandLine.ParseResult parsed = Takeaways.commandLine().parseArgs(command.equals("ingest") ? new String[] {command, "--watch", "x"} : new String[] {command});
      CommandLine.Model.CommandSpec spec = parsed.subcommand().commandSpec();
      for (String host : new String[] {"--metrics-host", "--http-host", "--kafka-host"}) {
        CommandLine.Model.OptionSpec option = spec.findOption(host);
        if (option != null) {
          assertThat(option.getValue().toString()).as(command + " " + host).isEqualTo("127.0.0.1");
          listeners++;
        }
      }
    }
    assertThat(listeners).isEqualTo(7);
  }

  @Test
  void parseJsonPrintsTheEnrichedRecordWithItsContractFields() throws Exception {
    int code = run("parse", "--json", Notes.seedPath().toString());

    assertThat(code).isEqualTo(ExitCodes.OK);
    JsonNode note = JsonSerde.mapper().readTree(out.toString());
    assertThat(note.get("schema").asText()).isEqualTo("notes.enriched/v2");
    assertThat(note.get("id").asText()).isEqualTo(Notes.SEED_NAME);
    assertThat(note.get("title").asText()).isEqualTo("Notes and Summary from DevOps Days Boston 2014");
    assertThat(note.get("sessions")).hasSize(17);
    JsonNode session = note.get("sessions").get(0);
    assertThat(session.fieldNames()).toIterable().contains("id", "title", "speaker", "url", "section");
    JsonNode tagged = null;
    for (JsonNode t : note.get("takeaways")) {
      assertThat(t.fieldNames()).toIterable().contains("id", "kind", "text");
      if (tagged == null && t.has("tags")) {
        tagged = t;
      }
    }
    assertThat(tagged).isNotNull();
    JsonNode tag = tagged.get("tags").get(0);
    assertThat(tag.get("id").asText()).matches("(tool|practice):[a-z0-9.+-]+");
    assertThat(tag.get("rule").asText()).isNotBlank();
    assertThat(tagged.get("text").asText().substring(tag.get("start").asInt(), tag.get("end").asInt())).isNotBlank();
  }

  @Test
  void parseReadsEveryNoteOfTheEvaluationWithoutAnError() {
    for (Path note : Notes.evalNotes()) {
      out.getBuffer().setLength(0);
      err.getBuffer().setLength(0);
      int code = run("parse", "--json", note.toString());
      assertThat(code).as(note + ": " + err).isEqualTo(ExitCodes.OK);
      assertThat(out.toString()).as(note.toString()).contains("\"schema\" : \"notes.enriched/v2\"");
    }
  }

  @Test
  void evalScoresTheDevSetBySplitAndRuleAndListsMistakesAsJson() throws Exception {
    Path dev = Notes.sharedDir().resolve("eval/dev");

    int code = run("eval", "--gold", dev.resolve("gold.json").toString(), "--fold-aws", "--json", dev.toString());

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    JsonNode report = JsonSerde.mapper().readTree(out.toString());
    for (String type : new String[] {"tools", "practices"}) {
      assertThat(report.get(type).get("precision").asDouble()).isBetween(0.0, 1.0);
      assertThat(report.get(type).get("recall").asDouble()).isBetween(0.0, 1.0);
      assertThat(report.get(type).get("f1").asDouble()).isBetween(0.0, 1.0);
    }
    assertThat(report.get("notes")).hasSize(Notes.evalNotes().size());
    assertThat(report.get("notes").get(0).fieldNames()).toIterable()
        .containsExactly("file", "split", "tools", "practices", "falsePositives", "falseNegatives");
    assertThat(report.get("splits").fieldNames()).toIterable().containsExactly("check", "tune");
    assertThat(report.get("splits").get("tune").get("notes").asInt() + report.get("splits").get("check").get("notes").asInt())
        .isEqualTo(Notes.evalNotes().size());
    assertThat(report.get("rules").findValuesAsText("rule")).contains("exact", "alias", "cue", "implied");
    // A regression guard on the split we tune on, a little under the figures measured when it was last
    // set (tools P 0.950 R 0.938 on 2026-12-08, practices P 0.946 R 0.795, at the default confidence threshold): it says
    // nothing about notes nobody tuned for; the check split does, and it is reported, not asserted.
    JsonNode tune = report.get("splits").get("tune");
    assertThat(tune.get("tools").get("precision").asDouble()).isGreaterThanOrEqualTo(0.93);
    assertThat(tune.get("tools").get("recall").asDouble()).isGreaterThanOrEqualTo(0.91);
    assertThat(tune.get("practices").get("precision").asDouble()).isGreaterThanOrEqualTo(0.93);
    assertThat(tune.get("practices").get("recall").asDouble()).isGreaterThanOrEqualTo(0.78);
  }

  @Test
  void evalScoresOneSplitAloneWhenAsked() throws Exception {
    Path dev = Notes.sharedDir().resolve("eval/dev");

    assertThat(run("eval", "--gold", dev.resolve("gold.json").toString(), "--split", "tune", "--json", dev.toString())).isZero();

    JsonNode report = JsonSerde.mapper().readTree(out.toString());
    assertThat(report.get("splits").fieldNames()).toIterable().containsExactly("tune");
    assertThat(report.get("notes").findValuesAsText("split")).containsOnly("tune");
  }

  @Test
  void queryAndTopAnswerFromTheStoreAsTablesAndJson() throws Exception {
    String url = JdbcNoteStore.sqliteUrl(dir.resolve("takeaways.db"));
    try (var store = JdbcNoteStore.open(url, Clock.systemUTC())) {
      var enricher = NoteEnricher.withBundledTaxonomy();
      for (Path note : Notes.examples()) {
        var raw = RawNote.of(
            note.getFileName().toString(), note.getFileName().toString(),
            new RawNote.Source("cli", null), Files.readString(note), System.currentTimeMillis());
        store.apply(((EnrichResult.Enriched) enricher.enrich(raw)).note());
      }
    }

    assertThat(run("top", "--store", url, "--json", "-n", "3")).as(err.toString()).isZero();
    JsonNode top = JsonSerde.mapper().readTree(out.toString());
    assertThat(top).hasSize(3);
    assertThat(top.get(0).get("tag").asText()).startsWith("tool:");
    assertThat(top.get(0).get("takeaways").asInt()).isGreaterThanOrEqualTo(top.get(2).get("takeaways").asInt());

    out.getBuffer().setLength(0);
    assertThat(run("query", "takeaways", "--tag", "terraform", "--store", url)).isZero();
    assertThat(out.toString().lines().findFirst().orElseThrow()).startsWith("speaker").contains("session").contains("text");
    assertThat(out.toString()).contains("Terraform").containsPattern("\\(\\d+ rows?\\)");

    out.getBuffer().setLength(0);
    assertThat(run("query", "notes", "--days", "36500", "--store", url, "--json")).isZero();
    assertThat(JsonSerde.mapper().readTree(out.toString()).size()).isEqualTo(Notes.examples().size());
  }

  @Test
  void aUsersTaxonomyExtendsTheBundledOneAndABadOneIsRefusedWithItsLine() throws IOException {
    Path mine = dir.resolve("my-tools.yml");
    Files.writeString(mine, "tools:\n  - {slug: deployinator, name: Deployinator, category: deployment}\n");
    Path note = dir.resolve("n.md");
    Files.writeString(note, "# Deploys\n\n- Deployinator ships every commit\n");
    assertThat(run("parse", "--json", "--taxonomy", mine.toString(), note.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("\"tool:deployinator\"");

    Files.writeString(mine, "tools:\n  - {slug: deployinator, name: Deployinator}\n  - {slug: Not A Slug, name: X}\n");
    assertThat(run("parse", "--taxonomy", mine.toString(), note.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains(mine + ":3:").contains("slug");
  }

  @Test
  void tagPrintsEachTagWithItsEvidence() {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("We bake images with Packer and install Chocolaty.".getBytes(StandardCharsets.UTF_8)));
      assertThat(run("tag")).isZero();
    } finally {
      System.setIn(stdin);
    }
    assertThat(out.toString().lines()).hasSize(4);
    assertThat(out.toString()).contains("tool:packer").contains("\"Packer\" at 20-26").contains("tool:chocolatey").contains("misspelling")
        .contains("practice:immutable-infrastructure").contains("\"bake images\" at 3-14")
        .contains("practice:windows-automation").contains("implied");
  }

  @Test
  void parsePrintsAReadableSummary() {
    assertThat(run("parse", Notes.examples().get(0).toString())).isZero();

    assertThat(out.toString()).contains("sessions", "takeaways", "tool:");
  }

  @Test
  void parseRejectsANoteThatIsNotTextWithExitCode3() throws IOException {
    Path bad = Files.write(dir.resolve("bad.md"), new byte[] {'a', 0, 'b'});

    assertThat(run("parse", bad.toString())).isEqualTo(ExitCodes.REJECTED);
    assertThat(err.toString()).contains("bad.md").contains("binary");
  }

  @Test
  void parseSaysWhatAPathIsWhenItIsNoNote() {
    assertThat(run("parse", dir.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains(dir.toString() + ": a directory, not a note");
    assertThat(run("parse", dir.resolve("missing.md").toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("missing.md: no such file");
  }

  @Test
  void tagAppliesTheNoteLimitToAnEndlessInput() {
    InputStream stdin = System.in;
    try {
      // An endless stream, as /dev/zero: reading it whole would never end.
      System.setIn(new InputStream() {
        @Override
        public int read() {
          return 'a';
        }
      });
      assertThat(run("tag")).isEqualTo(ExitCodes.REJECTED);
    } finally {
      System.setIn(stdin);
    }
    assertThat(err.toString()).contains("standard input is over the note limit of " + Topics.MAX_NOTE_BYTES);
  }

  @Test
  void topRefusesALimitOrDaysUnderOne() {
    assertThat(run("top", "--store", "jdbc:sqlite:" + dir.resolve("t.db"), "-n", "-5")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--limit must be 1 or more, not -5");
    assertThat(run("top", "--store", "jdbc:sqlite:" + dir.resolve("t.db"), "--days", "-1")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--days must be 1 or more, not -1");
  }

  @Test
  void pushSaysKafkaIsUnreachableWithExitCode4() throws IOException {
    int closedPort = KafkaFixture.freePort();
    Path note = Files.writeString(dir.resolve("n.md"), "# Note\n");

    int code = run("push", "--bootstrap-servers", "127.0.0.1:" + closedPort, "--timeout", "2", note.toString());

    assertThat(code).isEqualTo(ExitCodes.KAFKA_UNREACHABLE);
    assertThat(err.toString()).contains("Kafka unreachable");
  }

  @Test
  void pushRejectsBadInputWithExitCode3WithoutNeedingKafka() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.md"), " \n");

    int code = run("push", "--bootstrap-servers", "127.0.0.1:1", "--timeout", "2", empty.toString());

    assertThat(code).isEqualTo(ExitCodes.REJECTED);
    assertThat(err.toString()).contains("empty.md").contains("empty");
  }

  @Test
  void pushFromStandardInputNeedsAnIdWithExitCode2() {
    assertThat(run("push", "-")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("push")).isEqualTo(ExitCodes.USAGE);
  }
}
