package io.cairn.tsdb.block;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * A ULID (block name): 48 bits of Unix milliseconds then 80 random bits, written as 26 Crockford
 * base32 characters. {@link #next} is monotonic within the process: a ULID generated in the same
 * (or an earlier) millisecond as the previous one is the previous one plus one, so names always sort
 * in creation order, as Prometheus's {@code ulid.Monotonic} entropy gives. Immutable; ordered as
 * its string (unsigned 128-bit order).
 */
public record Ulid(long hi, long lo) implements Comparable<Ulid> {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static Ulid last = new Ulid(0, 0); // guarded by Ulid.class

  /** A new ULID for now, greater than every ULID this process generated before. */
  public static Ulid next() {
    return next(Clock.systemUTC().millis());
  }

  static synchronized Ulid next(long millis) {
    long lastMillis = last.hi >>> 16;
    Ulid u;
    if (millis <= lastMillis) {
      long lo = last.lo + 1;
      long hi = last.hi + (lo == 0 ? 1 : 0); // carry; past the 80 random bits it moves to the next ms
      u = new Ulid(hi, lo);
    } else {
      u = new Ulid((millis << 16) | (RANDOM.nextInt() & 0xffff), RANDOM.nextLong());
    }
    last = u;
    return u;
  }

  /** The Unix milliseconds in the ULID. */
  public long timestamp() {
    return hi >>> 16;
  }

  /**
   * Parses 26 Crockford base32 characters (case-insensitive).
   *
   * @throws IllegalArgumentException naming what is wrong with {@code s}
   */
  public static Ulid parse(String s) {
    if (s.length() != 26) {
      throw new IllegalArgumentException("a ULID has 26 characters, \"" + s + "\" has " + s.length());
    }
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 26; i++) {
      int v = decode(Character.toUpperCase(s.charAt(i)));
      if (v < 0 || (i == 0 && v > 7)) {
        throw new IllegalArgumentException("invalid ULID \"" + s + "\": character " + i + " '" + s.charAt(i) + "'"
            + (i == 0 ? " (the first is 0-7)" : " is not Crockford base32"));
      }
      hi = (hi << 5) | (lo >>> 59);
      lo = (lo << 5) | v;
    }
    return new Ulid(hi, lo);
  }

  private static int decode(char c) {
    for (int i = 0; i < ALPHABET.length; i++) {
      if (ALPHABET[i] == c) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    char[] out = new char[26];
    for (int i = 0; i < 26; i++) {
      int shift = 125 - 5 * i;
      long v;
      if (shift >= 64) {
        v = hi >>> (shift - 64);
      } else if (shift + 5 <= 64) {
        v = lo >>> shift;
      } else {
        v = (hi << (64 - shift)) | (lo >>> shift);
      }
      out[i] = ALPHABET[(int) (v & 31)];
    }
    return new String(out);
  }

  @Override
  public int compareTo(Ulid o) {
    int c = Long.compareUnsigned(hi, o.hi);
    return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
  }
}
