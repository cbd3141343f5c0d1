package dev.takeaways.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decides whether bytes are a note we accept: not empty, within the size limit, UTF-8 text, or
 * UTF-16 text that starts with its byte-order mark (a byte-order mark is dropped), with no NUL
 * characters. Pure and thread-safe.
 */
public final class NoteValidator {
  private final int maxBytes;

  public NoteValidator(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The verdict on one note. */
  public sealed interface Verdict {}

  /** Accepted, with its text. */
  public record Valid(String text) implements Verdict {}

  /**
   * Rejected.
   *
   * @param reason a bounded code, also a metric tag: {@code empty}, {@code too-large}, {@code
   *     binary}, {@code not-utf8}
   * @param detail a sentence for people, naming the note
   */
  public record Invalid(String reason, String detail) implements Verdict {}

  public Verdict validate(String path, byte[] bytes) {
    if (bytes.length > maxBytes) {
      return new Invalid("too-large", path + ": " + bytes.length + " bytes is over the limit of " + maxBytes + " bytes");
    }
    String text;
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      // A UTF-16 byte-order mark: its NUL bytes are text, not a sign of a binary file.
      text = decode(bytes, bytes[0] == (byte) 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE, 2);
      if (text == null) {
        return new Invalid("not-utf8", path + ": has a UTF-16 byte-order mark but is not valid UTF-16 text");
      }
    } else {
      for (byte b : bytes) {
        if (b == 0) {
          return new Invalid("binary", path + ": contains NUL bytes; this looks like a binary file, not a note");
        }
      }
      text = decode(bytes, StandardCharsets.UTF_8, 0);
      if (text == null) {
        return new Invalid("not-utf8", path + ": is not valid UTF-8 text (save it as UTF-8)");
      }
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.indexOf('\0') >= 0) {
      return new Invalid("binary", path + ": contains NUL characters; this looks like a binary file, not a note");
    }
    if (text.isBlank()) {
      return new Invalid("empty", path + ": the note is empty");
    }
    return new Valid(text);
  }

  /** {@code bytes} from {@code offset} in {@code charset}, strictly; null when they are not. */
  private static String decode(byte[] bytes, Charset charset, int offset) {
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Whether a file of {@code size} bytes is over the limit, before reading it. */
  public boolean tooLarge(long size) {
    return size > maxBytes;
  }
}
