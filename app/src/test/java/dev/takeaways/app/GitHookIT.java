package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.app.cli.ExitCodes;
import dev.takeaways.model.RawNote;
import dev.takeaways.model.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The git hooks on real repositories made by the test, real commits and pushes (so git runs the
 * installed hook itself), and a real broker: notes.raw ends up with each note's latest content and
 * tombstones for deleted and renamed-away notes; with Kafka down, commits still succeed and the
 * notes wait in the outbox until a flush.
 */
class GitHookIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dir;
  private Path repo;
  private KafkaFixture kafka;

  @BeforeEach
  void makeRepository() throws Exception {
    repo = Files.createDirectories(dir.resolve("notes"));
    git(repo, "init", "-q", "-b", "main");
    git(repo, "config", "user.name", "Ada Lovelace");
    git(repo, "config", "user.email", "ada@example.org");
  }

  @AfterEach
  void stopBroker() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  private void startBroker() throws Exception {
    kafka = KafkaFixture.start(dir);
    TopicInstaller.install(Map.of("bootstrap.servers", kafka.bootstrapServers()), true);
  }

  @Test
  void aCommitSendsItsNotesAndKeepsTheHookThatWasThere() throws Exception {
    startBroker();
    Path hook = repo.resolve(".git/hooks/post-commit");
    String theirs = "#!/bin/sh\necho ran >> \"$(git rev-parse --show-toplevel)/../their-hook-ran\"\n";
    Files.writeString(hook, theirs);
    hook.toFile().setExecutable(true);
    assertThat(run("hook", "install", "--repo", repo.toString(), "--bootstrap-servers", kafka.bootstrapServers())).isZero();

    write("talks/day1.md", "# Day 1\n\n- Terraform everywhere\n");
    write("journal.md", "# Journal\n\n- quiet week\n");
    write("gone.md", "# Soon gone\n");
    write("image.png", "not a note");
    commit("first notes");
    git(repo, "mv", "journal.md", "ops-journal.md");
    write("talks/day1.md", "# Day 1\n\n- Terraform and Packer everywhere\n");
    git(repo, "rm", "-q", "gone.md");
    commit("rename, edit, delete");

    Map<String, String> latest = latestNotes(expect("talks/day1.md", "Packer", "ops-journal.md", "quiet", "journal.md", null, "gone.md", null));
    assertThat(latest).doesNotContainKey("image.png");
    assertThat(Files.readAllLines(dir.resolve("their-hook-ran"))).hasSize(2);

    assertThat(run("hook", "uninstall", "--repo", repo.toString())).isZero();
    assertThat(Files.readString(hook)).isEqualTo(theirs);
  }

  @Test
  void withKafkaDownTheCommitSucceedsAndTheOutboxIsSentLaterInOrder() throws Exception {
    String nowhere = "127.0.0.1:" + KafkaFixture.freePort();
    assertThat(run("hook", "install", "--repo", repo.toString(), "--bootstrap-servers", nowhere)).isZero();

    write("a.md", "# A\n\n- first version\n");
    String output = commit("a");
    write("a.md", "# A\n\n- second version\n");
    write("b.md", "# B\n\n- only version\n");
    commit("a again, and b");

    assertThat(output).contains("outbox");
    Path outbox = repo.resolve(".git/takeaways/outbox.jsonl");
    assertThat(Files.readAllLines(outbox)).hasSize(3);

    startBroker();
    assertThat(run("push", "--flush", "--repo", repo.toString(), "--bootstrap-servers", kafka.bootstrapServers())).isZero();
    assertThat(outbox).doesNotExist();
    List<ConsumerRecord<String, byte[]>> records = notesRaw(3);
    assertThat(records).extracting(ConsumerRecord::key).containsExactly("a.md", "a.md", "b.md");
    assertThat(text(records.get(1))).contains("second version");
  }

  @Test
  void theNextHookRunSendsTheOutboxFirstInOrder() throws Exception {
    assertThat(run("hook", "install", "--repo", repo.toString(), "--bootstrap-servers", "127.0.0.1:" + KafkaFixture.freePort())).isZero();
    write("a.md", "# A\n");
    commit("a while Kafka is away");

    startBroker();
    assertThat(run("hook", "install", "--repo", repo.toString(), "--bootstrap-servers", kafka.bootstrapServers())).isZero();
    write("b.md", "# B\n");
    commit("b with Kafka back");

    assertThat(notesRaw(2)).extracting(ConsumerRecord::key).containsExactly("a.md", "b.md");
    assertThat(repo.resolve(".git/takeaways/outbox.jsonl")).doesNotExist();
    assertThat(Files.readString(repo.resolve(".git/hooks/post-commit"))).containsOnlyOnce(">>> takeaways >>>");
  }

  @Test
  void pushGitImportsAWholeHistory() throws Exception {
    write("one.md", "# One\n");
    commit("one");
    write("two.md", "# Two\n");
    commit("two");
    git(repo, "rm", "-q", "one.md");
    commit("no more one");
    startBroker();

    assertThat(run("push", "--git", "HEAD", "--repo", repo.toString(), "--bootstrap-servers", kafka.bootstrapServers())).isZero();

    latestNotes(expect("one.md", null, "two.md", "Two"));
    RawNote two = Topics.NOTES_RAW.serde().fromBytes(notesRaw(3).get(1).value());
    assertThat(two.source().kind()).isEqualTo("git");
    assertThat(two.source().detail()).contains("by Ada Lovelace <ada@example.org>");
  }

  @Test
  void aCentralRepositorysPostReceiveHookSendsPushedBranchesOnce() throws Exception {
    startBroker();
    Path central = dir.resolve("central.git");
    git(dir, "init", "-q", "--bare", "-b", "main", central.toString());
    assertThat(run("hook", "install", "--hook", "post-receive", "--repo", central.toString(), "--bootstrap-servers", kafka.bootstrapServers()))
        .isZero();
    git(repo, "remote", "add", "origin", central.toString());

    write("a.md", "# A\n");
    commit("a");
    write("b.md", "# B\n");
    commit("b");
    git(repo, "push", "-q", "origin", "main");
    git(repo, "checkout", "-q", "-b", "topic");
    write("c.md", "# C\n");
    commit("c");
    git(repo, "push", "-q", "origin", "topic");
    git(repo, "push", "-q", "origin", "--delete", "topic");

    List<ConsumerRecord<String, byte[]>> records = notesRaw(3);
    assertThat(records).extracting(ConsumerRecord::key).containsExactly("a.md", "b.md", "c.md");
  }

  /** Note id to a text its latest version contains, or null for a tombstone. */
  private static Map<String, String> expect(String... idsAndTexts) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < idsAndTexts.length; i += 2) {
      out.put(idsAndTexts[i], idsAndTexts[i + 1]);
    }
    return out;
  }

  private void write(String path, String text) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private String commit(String message) throws Exception {
    git(repo, "add", "-A");
    return git(repo, "commit", "-q", "-m", message);
  }

  private int run(String... args) {
    CommandLine cl = Takeaways.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(out, true));
    int code = cl.execute(args);
    assertThat(code).as(out.toString()).isIn(ExitCodes.OK, ExitCodes.REJECTED, ExitCodes.KAFKA_UNREACHABLE);
    return code;
  }

  /** Runs git, asserts it succeeded, returns what it printed (hooks' output included). */
  private static String git(Path cwd, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("git %s: %s", String.join(" ", args), output).isZero();
    return output;
  }

  /**
   * Reads notes.raw until each key's latest record matches: a value containing the given text, or
   * a tombstone for null. Returns the latest text per key.
   */
  private Map<String, String> latestNotes(Map<String, String> expected) {
    Map<String, String> latest = new LinkedHashMap<>();
    readNotesRaw(records -> {
      latest.clear();
      records.forEach(r -> latest.put(r.key(), r.value() == null ? null : text(r)));
      return expected.entrySet().stream().allMatch(e -> latest.containsKey(e.getKey())
          && (e.getValue() == null ? latest.get(e.getKey()) == null : latest.get(e.getKey()) != null && latest.get(e.getKey()).contains(e.getValue())));
    });
    return latest;
  }

  /** Exactly {@code n} records of notes.raw, and no more after a moment. */
  private List<ConsumerRecord<String, byte[]>> notesRaw(int n) {
    List<ConsumerRecord<String, byte[]>> records = readNotesRaw(r -> r.size() >= n);
    assertThat(records).hasSize(n);
    return records;
  }

  private List<ConsumerRecord<String, byte[]>> readNotesRaw(Predicate<List<ConsumerRecord<String, byte[]>>> until) {
    // Anything sent twice would arrive right behind: linger a moment.
    return kafka.readFromStart(Topics.NOTES_RAW.name(), PATIENCE, Duration.ofMillis(500), until);
  }

  private static String text(ConsumerRecord<String, byte[]> record) {
    return Topics.NOTES_RAW.serde().fromBytes(record.value()).content();
  }

}
