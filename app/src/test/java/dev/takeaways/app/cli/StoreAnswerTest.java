package dev.takeaways.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.publish.StoreQueries;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreAnswerTest {
  @Test
  void aTitleCannotDriveTheTerminal() throws Exception {
    StringWriter text = new StringWriter();
    new StoreAnswer().print(new StoreQueries.Table(List.of("title"), List.<List<Object>>of(List.of("Retro\u001b[2J\u0007 notes\nsecond"))),
        new PrintWriter(text, true));

    assertThat(text.toString()).doesNotContain("\u001b").doesNotContain("\u0007").contains("Retro?[2J? notes second");
  }
}
