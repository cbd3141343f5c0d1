package dev.takeaways.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.Test;

/** The log layout the application ships: one line per event, whatever a note's name holds. */
class LogLayoutTest {
  private static String format(String template, Object... args) throws IOException {
    String config;
    try (InputStream in = LogLayoutTest.class.getResourceAsStream("/log4j2.xml")) {
      config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher pattern = Pattern.compile("<PatternLayout pattern=\"([^\"]*)\"").matcher(config);
    assertThat(pattern.find()).as("the console's pattern").isTrue();
    String xmlDecoded = pattern.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
    PatternLayout layout = PatternLayout.newBuilder().withPattern(xmlDecoded).build();
    return layout.toSerializable(Log4jLogEvent.newBuilder().setLevel(Level.INFO).setMessage(new ParameterizedMessage(template, args)).build());
  }

  @Test
  void aNoteNameCannotForgeALineOrDriveTheTerminal() throws IOException {
    String line = format("{}: {} sessions", "evil.md\n12:00:00.000 INFO  admin.md: 0 sessions\u001b[2J", 2);

    assertThat(line.lines()).hasSize(1);
    assertThat(line).contains("evil.md\\n12:00:00.000 INFO  admin.md: 0 sessions?[2J: 2 sessions").doesNotContain("\u001b");
  }

  @Test
  void anOrdinaryLineIsUnchanged() throws IOException {
    assertThat(format("{}: {} takeaways\tdone", "talk.md", 3)).endsWith("INFO  talk.md: 3 takeaways\tdone" + System.lineSeparator());
  }
}
