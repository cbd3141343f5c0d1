package dev.takeaways.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SwarTest {
  @Test
  void asciiIsLowerCasedWordWiseExactlyAsStringDoes() {
    // Every ASCII character at every place in an eight-byte word and in the tail after the words.
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      all.append(c);
    }
    for (int shift = 0; shift < 9; shift++) {
      String text = "x".repeat(shift) + all;
      byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
      assertThat(Swar.toLowerCaseAscii(bytes)).isTrue();
      assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo(text.toLowerCase(Locale.ROOT));
    }
    // A byte that is not ASCII, in a word or in the tail, is refused: the caller lower-cases the string.
    assertThat(Swar.toLowerCaseAscii("Caf\u00e9 au lait".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(Swar.toLowerCaseAscii("caf\u00e9".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  @Test
  void aRunOfAsciiLettersAndDigitsIsCountedInOneLook() {
    assertThat(Swar.wordBytes(word("abcdefgh"))).isEqualTo(8);
    assertThat(Swar.wordBytes(word("Ab3 defg"))).isEqualTo(3);
    assertThat(Swar.wordBytes(word("-bcdefgh"))).isEqualTo(0);
    assertThat(Swar.wordBytes(word("xyz@[`{/"))).as("the characters beside the ranges' ends").isEqualTo(3);
    assertThat(Swar.wordBytes(word("09AZaz\u00e9:"))).as("a byte beyond ASCII ends the run").isEqualTo(6);
  }

  /** The first eight characters of {@code s} (Latin-1) as a little-endian long. */
  private static long word(String s) {
    byte[] b = Arrays.copyOf(s.getBytes(StandardCharsets.ISO_8859_1), 8);
    return (long) Swar.LONGS.get(b, 0);
  }
}
