package dev.takeaways.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {
  @Test
  void theNoteSizeLimitIsFiveMebibytesUnlessSetAndRecordsHaveRoomForTwiceIt() {
    assertThat(Topics.maxNoteBytes(null)).isEqualTo(5 * 1024 * 1024);
    assertThat(Topics.maxNoteBytes(" 2097152 ")).isEqualTo(2 * 1024 * 1024);
    assertThatThrownBy(() -> Topics.maxNoteBytes("5MB")).hasMessageContaining("TAKEAWAYS_MAX_NOTE_BYTES");
    assertThatThrownBy(() -> Topics.maxNoteBytes("10")).hasMessageContaining("between");
    assertThat(Topics.MAX_RECORD_BYTES).isGreaterThan(2 * Topics.MAX_NOTE_BYTES);
    assertThat(Topics.NOTES_RAW.config()).containsEntry("max.message.bytes", String.valueOf(Topics.MAX_RECORD_BYTES));
  }
}
