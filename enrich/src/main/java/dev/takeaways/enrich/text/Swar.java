package dev.takeaways.enrich.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Text work eight bytes at a time (SWAR: SIMD within a register), for the two hot loops that read
 * every character of every note: the tagger's word scan ({@code tag.Words}) and the takeaway id
 * sequence ({@code extract.TakeawayIds}). Each trick tests or changes all eight bytes of a long at
 * once with additions that never carry from one byte into the next, the answer for each byte in its
 * high bit. JMH guards them: {@code TagBenchmark} and {@code ExtractBenchmark} in {@code bench}.
 */
public final class Swar {
  /** Eight bytes of a byte array as one long, the first byte lowest (little endian). */
  public static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** Four bytes of a byte array as one int, little endian. */
  public static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  /** 0x01 in every byte: a byte's value times this is that value in every byte. */
  public static final long ONES = 0x0101010101010101L;
  /** The high bit of every byte: set where a byte is not ASCII, and where the tests put their answers. */
  public static final long HIGH = 0x8080808080808080L;
  /** The bit that tells an ASCII letter's two cases apart, in every byte. */
  public static final long CASE = 0x2020202020202020L;

  private Swar() {}


  /**
   * Lower-cases ASCII bytes in place and says true; says false (the bytes half done) at the first
   * byte that is not ASCII. Eight bytes at a time: in a word whose bytes are all below 0x80, adding
   * 0x3F to each sets its high bit where the byte is at least 'A', adding 0x25 where it is above 'Z'
   * (no byte carries into the next); the bytes with the first and not the second get 0x20 added.
   */
  public static boolean toLowerCaseAscii(byte[] bytes) {
    int n = bytes.length;
    int i = 0;
    for (; i + Long.BYTES <= n; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i);
      if ((word & HIGH) != 0) {
        return false;
      }
      long upper = (word + 0x3F3F3F3F3F3F3F3FL) & ~(word + 0x2525252525252525L) & HIGH;
      LONGS.set(bytes, i, word | (upper >>> 2));
    }
    for (; i < n; i++) {
      int c = bytes[i];
      if (c < 0) {
        return false;
      }
      bytes[i] = (byte) (c + ((char) (c - 'A') < 26 ? 'a' - 'A' : 0));
    }
    return true;
  }

  /**
   * How many of the eight bytes of {@code w} (the first in its low byte) are ASCII letters or
   * digits before the first that is not: range tests on all eight at once, each byte's answer in its
   * high bit. A byte below 0x80 plus {@code 0x80 - lo} reaches 0x80 exactly when it is at least
   * {@code lo}, with no carry into the next byte.
   */
  public static int wordBytes(long w) {
    long x = w & ~HIGH;
    long lower = x | CASE;
    long digit = (x + (0x80 - '0') * ONES) & ~(x + (0x7F - '9') * ONES);
    long letter = (lower + (0x80 - 'a') * ONES) & ~(lower + (0x7F - 'z') * ONES);
    long word = (digit | letter) & ~w & HIGH;
    return Long.numberOfTrailingZeros(~word & HIGH) >>> 3;
  }
}
