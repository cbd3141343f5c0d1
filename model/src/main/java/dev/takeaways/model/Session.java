package dev.takeaways.model;

import java.util.Objects;

/**
 * A talk, micro-talk or breakout within a note.
 *
 * @param id stable session id
 * @param title the talk's title, plain text
 * @param speaker the speaker's name, or null when the heading names none
 * @param url the link in the heading, or null
 * @param section the path of the enclosing headings, e.g. {@code Talks, Day 1}; empty at top level
 */
public record Session(String id, String title, String speaker, String url, String section) {
  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(section, "section");
  }
}
