package dev.takeaways.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksTest {
  @Test
  void noteIdsAndTagsAreEncodedInTheQuery() {
    assertThat(Links.note("talks/a&b #1.md")).isEqualTo("/note?id=talks%2Fa%26b+%231.md");
    assertThat(Links.tag("tool:docker")).isEqualTo("/search?tag=tool%3Adocker");
  }

  @Test
  void onlyWebAddressesFromANoteBecomeLinks() {
    assertThat(Links.web("https://example.org/talk")).isEqualTo("https://example.org/talk");
    assertThat(Links.web(" HTTP://example.org ")).isEqualTo("HTTP://example.org");
    assertThat(Links.web("javascript:alert(1)")).isNull();
    assertThat(Links.web("data:text/html,hi")).isNull();
    assertThat(Links.web(null)).isNull();
  }
}
