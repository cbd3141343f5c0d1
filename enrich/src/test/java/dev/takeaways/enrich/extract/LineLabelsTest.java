package dev.takeaways.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The labels alone; TakeawayExtractorTest and the golden corpus check them in whole notes. */
class LineLabelsTest {
  @Test
  void summaryLabelsGiveWhatFollowsThem() {
    assertThat(LineLabels.summary("Summary: ship small")).isEqualTo("ship small");
    assertThat(LineLabels.summary("Ana Silva's summary - start with mTLS")).isEqualTo("start with mTLS");
    assertThat(LineLabels.summary("TL;DR: it depends")).isEqualTo("it depends");
    assertThat(LineLabels.summary("The summary of the day was long")).isNull();
  }

  @Test
  void speakersToolsNotesAndAsides() {
    assertThat(LineLabels.speakersLine("Speakers: Ana Silva and Lee Park")).isEqualTo("Ana Silva and Lee Park");
    assertThat(LineLabels.speakersLine("Speaking of which")).isNull();
    assertThat(LineLabels.toolMention("Tools: Packer, Chef")).isTrue();
    assertThat(LineLabels.toolMention("Tools:")).as("a label alone").isFalse();
    assertThat(LineLabels.noteLine("Q: what about Windows?")).isTrue();
    assertThat(LineLabels.noteLine("Queues: a lot")).isFalse();
    assertThat(LineLabels.wholeAside("[they ran out of coffee]")).isEqualTo("they ran out of coffee");
    assertThat(LineLabels.wholeAside("[a] and [b]")).isNull();
    assertThat(LineLabels.inlineAsides("Deploys are boring [Q: how boring?] and [Note: good]"))
        .containsExactly("Q: how boring?", "Note: good");
    assertThat(LineLabels.isLabel("Interesting tools:")).isTrue();
  }

  @Test
  void boldIsAHighlightWhenItIsTheLineOrASentence() {
    assertThat(LineLabels.isHighlight(new PlainText.Bold("Ship small changes.", 0, 19), "Ship small changes.")).isTrue();
    String line = "We use **many** tools";
    assertThat(LineLabels.isHighlight(new PlainText.Bold("many", 7, 11), line)).as("one bold word in a sentence").isFalse();
    assertThat(LineLabels.isHighlight(new PlainText.Bold("Title:", 0, 6), "Title: the rest")).as("a bold label").isFalse();
  }
}
