package dev.takeaways.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoteIdsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "talks/2026/kubecon.md | ",
      "retro q1.md | ",
      "../../etc/passwd | not a normalised path",
      "/etc/passwd | an absolute path",
      "C:/notes/a.md | an absolute path",
      "a//b.md | not a normalised path",
      "notes/./a.md | not a normalised path",
      "notes/ | not a normalised path",
      "back\\slash.md | a backslash",
  })
  void anIdIsARelativeNormalisedPath(String id, String problem) {
    if (problem == null) {
      assertThat(NoteIds.problem(id)).isNull();
    } else {
      assertThat(NoteIds.problem(id)).contains(problem);
    }
  }

  @Test
  void controlCharactersAndLongIdsAreRefused() {
    assertThat(NoteIds.problem("two\nlines.md")).contains("control character (U+000A)");
    assertThat(NoteIds.problem("nul\u0000.md")).contains("U+0000");
    assertThat(NoteIds.problem("x".repeat(NoteIds.MAX_ID_LENGTH + 1))).contains("over " + NoteIds.MAX_ID_LENGTH);
    assertThat(NoteIds.problem(" ")).contains("empty");
  }

  @Test
  void aNoteIdIsThePathUnderTheRootWithForwardSlashes() {
    assertThat(NoteIds.noteId(Path.of("/notes"), Path.of("/notes/day1/talk.md"))).isEqualTo("day1/talk.md");
  }
}
