package dev.takeaways.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NoteValidatorTest {
  private final NoteValidator validator = new NoteValidator(100);

  @Test
  void utf8TextIsValidAndLosesItsByteOrderMark() {
    byte[] bytes = "\uFEFF# Café notes".getBytes(StandardCharsets.UTF_8);

    assertThat(validator.validate("a.md", bytes)).isEqualTo(new NoteValidator.Valid("# Café notes"));
  }

  @Test
  void utf16WithAByteOrderMarkIsDecodedNotTakenForBinary() {
    for (var charset : new Charset[] {StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE}) {
      byte[] bytes = "\uFEFF# Café".getBytes(charset);
      assertThat(validator.validate("w.md", bytes)).as(charset.name()).isEqualTo(new NoteValidator.Valid("# Café"));
    }
    byte[] oddLength = {(byte) 0xFF, (byte) 0xFE, 'a'};
    assertThat(validator.validate("odd.md", oddLength)).extracting(v -> ((NoteValidator.Invalid) v).reason()).isEqualTo("not-utf8");
    byte[] nulInside = "\uFEFFa\0b".getBytes(StandardCharsets.UTF_16LE);
    assertThat(validator.validate("n.md", nulInside)).extracting(v -> ((NoteValidator.Invalid) v).reason()).isEqualTo("binary");
  }

  @Test
  void rejectionsNameTheFileAndTheReason() {
    assertThat(validator.validate("e.md", "  \n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new NoteValidator.Invalid("empty", "e.md: the note is empty"));
    assertThat(validator.validate("l.md", new byte[101])).extracting(v -> ((NoteValidator.Invalid) v).reason()).isEqualTo("too-large");
    assertThat(validator.validate("b.md", new byte[] {'a', 0, 'b'})).extracting(v -> ((NoteValidator.Invalid) v).reason()).isEqualTo("binary");
    assertThat(validator.validate("l1.md", new byte[] {'c', 'a', 'f', (byte) 0xE9}))
        .isInstanceOfSatisfying(NoteValidator.Invalid.class, v -> {
          assertThat(v.reason()).isEqualTo("not-utf8");
          assertThat(v.detail()).startsWith("l1.md:");
        });
  }
}
