package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.app.cli.ExitCodes;
import dev.takeaways.testsupport.Notes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client settings given with {@code --kafka-config} (SASL credentials here) reach the Kafka clients
 * but never the output, even at DEBUG for our own loggers, when the broker cannot be reached and the
 * clients complain: the packaged command runs as a user would run it.
 */
class SecretsNotLoggedIT {
  private static final String CANARY = "s3cr3t-canary-7c1e";

  @TempDir Path dir;

  @Test
  void aPasswordInTheKafkaConfigNeverReachesTheOutput() throws Exception {
    Path jar = Notes.projectRoot().resolve("app/target/takeaways.jar");
    Path config = Files.writeString(dir.resolve("kafka.properties"), String.join("\n",
        "security.protocol=SASL_PLAINTEXT",
        "sasl.mechanism=PLAIN",
        "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"bob\" password=\"" + CANARY + "\";",
        "ssl.truststore.password=" + CANARY,
        ""));
    Path note = Files.writeString(dir.resolve("note.md"), "# A note\n\n- tried Packer\n");
    int closedPort = KafkaFixture.freePort();
    ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(),
        "push", "--bootstrap-servers", "127.0.0.1:" + closedPort, "--kafka-config", config.toString(), "--timeout", "3", note.toString())
        .redirectErrorStream(true);
    pb.environment().put("TAKEAWAYS_LOG_LEVEL", "DEBUG");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(output).isEqualTo(ExitCodes.KAFKA_UNREACHABLE);
    assertThat(output).as("the command said what went wrong").isNotBlank();
    assertThat(output).doesNotContain(CANARY);
  }
}
