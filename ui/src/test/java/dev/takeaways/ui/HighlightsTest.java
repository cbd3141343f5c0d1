package dev.takeaways.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightsTest {
  private static Highlights.Evidence ev(String tag, int start, int end) {
    return new Highlights.Evidence(tag, "", start, end, "exact", 0.9);
  }

  @Test
  void cutsTheTextAtTheEvidenceAndMarksOnlyThat() {
    String text = "We moved from Chef to Packer images";
    List<Highlights.Piece> pieces = Highlights.pieces(text, List.of(ev("tool:chef", 14, 18), ev("tool:packer", 22, 28)));
    assertThat(pieces).extracting(Highlights.Piece::text).containsExactly("We moved from ", "Chef", " to ", "Packer", " images");
    assertThat(pieces).extracting(Highlights.Piece::tags).containsExactly("", "tool:chef", "", "tool:packer", "");
    assertThat(String.join("", pieces.stream().map(Highlights.Piece::text).toList())).isEqualTo(text);
  }

  @Test
  void overlappingEvidenceSplitsIntoPiecesThatCarryBothTags() {
    String text = "Docker Swarm clusters";
    List<Highlights.Piece> pieces = Highlights.pieces(text, List.of(ev("tool:docker-swarm", 0, 12), ev("tool:docker", 0, 6),
        ev("practice:clustering", 7, 21)));
    assertThat(pieces).extracting(Highlights.Piece::text).containsExactly("Docker", " ", "Swarm", " clusters");
    assertThat(pieces.get(0).tags()).isEqualTo("tool:docker-swarm tool:docker");
    assertThat(pieces.get(2).tags()).isEqualTo("tool:docker-swarm practice:clustering");
    assertThat(pieces.get(2).type()).isEqualTo("both");
    assertThat(pieces.get(3).tags()).isEqualTo("practice:clustering");
  }

  @Test
  void evidenceOutsideTheTextOrEmptyIsLeftOut() {
    List<Highlights.Piece> pieces = Highlights.pieces("short", List.of(ev("tool:a", 3, 99), ev("tool:b", 2, 2), ev("tool:c", -1, 2)));
    assertThat(pieces).hasSize(1);
    assertThat(pieces.get(0).marked()).isFalse();
    assertThat(Highlights.pieces("", List.of())).isEmpty();
  }

  @Test
  void explanationNamesTagRuleAndConfidence() {
    assertThat(ev("tool:chef", 0, 4).explanation()).isEqualTo("tool:chef · rule exact · confidence 0.90");
    assertThat(new Highlights.Evidence("tool:chef", "Chef", 0, 4, "context", null).explanation()).isEqualTo("tool:chef · rule context");
  }
}
