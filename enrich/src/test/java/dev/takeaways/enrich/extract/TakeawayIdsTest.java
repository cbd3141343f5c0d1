package dev.takeaways.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takeaways.model.TakeawayKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TakeawayIdsTest {
  @Test
  void takeawayIdsAreStableAndIgnoreCaseAndSpacing() {
    TakeawayKind p = TakeawayKind.POINT;
    assertThat(TakeawayIds.takeawayId("n.md", "A > B", p, "Use  Docker", 0)).isEqualTo(TakeawayIds.takeawayId("n.md", "A > B", p, "use docker", 0));
    assertThat(TakeawayIds.takeawayId("n.md", "A > B", p, "use docker", 0)).isNotEqualTo(TakeawayIds.takeawayId("n.md", "A > B", p, "use docker", 1));
    assertThat(TakeawayIds.takeawayId("n.md", "A > B", p, "use docker", 0)).isNotEqualTo(TakeawayIds.takeawayId("n.md", "A > B", TakeawayKind.HIGHLIGHT, "use docker", 0));

    // Pinned: a stored takeaway keeps its id across versions, so the function must never change.
    assertThat(TakeawayIds.takeawayId("n.md", "A > B", p, "Use docker", 0)).isEqualTo("n.md#a253a06df534c6bb");
    assertThat(TakeawayIds.takeawayId("n.md", "A > B", p, "Use docker", 1)).isEqualTo("n.md#bba897423d75b536");
    assertThat(TakeawayIds.takeawayId("n.md", "A > B", p, "Use docker", 1000)).isEqualTo("n.md#5c3281af9db7aa2b");
    assertThat(TakeawayIds.sessionId("n.md", "Talks > Immutable servers", 0)).isEqualTo("n.md@834355e8e8e84ea6");

    TakeawayIds.TakeawayIdSequence ids = new TakeawayIds.TakeawayIdSequence("n.md");
    assertThat(ids.next("A > B", p, "use docker")).isEqualTo(TakeawayIds.takeawayId("n.md", "A > B", p, "use docker", 0));
    assertThat(ids.next("A > C", p, "use docker")).isEqualTo(TakeawayIds.takeawayId("n.md", "A > C", p, "use docker", 0));
    assertThat(ids.next("A > B", p, "use docker")).isEqualTo(TakeawayIds.takeawayId("n.md", "A > B", p, "use docker", 1));
    // The sequence lower-cases for itself: ASCII in its own pass, other text as String.toLowerCase does.
    assertThat(ids.next("A > B", p, "Use DOCKER")).isEqualTo(TakeawayIds.takeawayId("n.md", "A > B", p, "use docker", 2));
    assertThat(ids.next("A > B", p, "Über İstanbul ÇA")).isEqualTo(TakeawayIds.takeawayId("n.md", "A > B", p, "Über İstanbul ÇA", 0));
    String longText = "Z".repeat(300) + " and more";
    assertThat(ids.next("A > B", p, longText)).isEqualTo(TakeawayIds.takeawayId("n.md", "A > B", p, longText, 0));
    assertThat(ids.next("A > B", p, "short")).isEqualTo(TakeawayIds.takeawayId("n.md", "A > B", p, "SHORT", 0));
  }

  @Test
  void theSequenceLowerCasesTextBeyondAsciiAsStringDoes() {
    TakeawayKind p = TakeawayKind.POINT;
    List<String> texts = List.of(
        "It\u2019s Docker\u2019s Day \u2014 \u201cOK\u201d", "caf\u00e9 AU LAIT", "Stra\u00dfe", "\u00c9T\u00c9", "\u03a3\u0399\u03a3\u03a5\u03a6\u039f\u03a3 runs",
        "\u0130stanbul", "\ud801\udc00 Deseret", "\ud83d\ude00 Docker", "\u00b5s and \u00aa", "\u1e9e capital sharp s");
    for (String noteId : List.of("n.md", "caf\u00e9/n.md", "\u7b14\u8bb0/\u65e5.md")) {
      TakeawayIds.TakeawayIdSequence ids = new TakeawayIds.TakeawayIdSequence(noteId);
      for (String text : texts) {
        assertThat(ids.next("A > B", p, text)).as(noteId + ": " + text).isEqualTo(TakeawayIds.takeawayId(noteId, "A > B", p, text, 0));
      }
    }
  }


  @Test
  void theSequenceCountsRepeatsAcrossItsTablesGrowth() {
    TakeawayKind p = TakeawayKind.POINT;
    TakeawayIds.TakeawayIdSequence ids = new TakeawayIds.TakeawayIdSequence("n.md");
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 1000; i++) {
        String text = "point " + i;
        assertThat(ids.next("A", p, text)).as(text).isEqualTo(TakeawayIds.takeawayId("n.md", "A", p, text, round));
      }
    }
  }

}
