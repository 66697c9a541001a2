package io.cairn.gateway.middleware;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The MD5-based crypt of FreeBSD ({@code $1$}) and Apache ({@code $apr1$}): 1000 rounds of MD5
 * over password, salt and magic, encoded in crypt's base-64 alphabet. {@link #crypt} returns the
 * whole {@code $magic$salt$hash} string, as go-http-auth's {@code MD5Crypt}.
 */
final class Md5Crypt {
  private static final String ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private Md5Crypt() {}

  static byte[] crypt(byte[] password, byte[] salt, byte[] magic) {
    if (salt.length > 8) {
      salt = java.util.Arrays.copyOf(salt, 8);
    }
    MessageDigest d = md5();
    d.update(password);
    d.update(magic);
    d.update(salt);
    MessageDigest d2 = md5();
    d2.update(password);
    d2.update(salt);
    d2.update(password);
    byte[] mixin = d2.digest();
    for (int i = password.length; i > 0; i -= 16) {
      d.update(mixin, 0, Math.min(i, 16));
    }
    for (int i = password.length; i > 0; i >>= 1) {
      if ((i & 1) != 0) {
        d.update((byte) 0);
      } else {
        d.update(password, 0, password.length == 0 ? 0 : 1);
      }
    }
    byte[] fin = d.digest();
    for (int i = 0; i < 1000; i++) {
      MessageDigest r = md5();
      if ((i & 1) != 0) {
        r.update(password);
      } else {
        r.update(fin);
      }
      if (i % 3 != 0) {
        r.update(salt);
      }
      if (i % 7 != 0) {
        r.update(password);
      }
      if ((i & 1) != 0) {
        r.update(fin);
      } else {
        r.update(password);
      }
      fin = r.digest();
    }
    StringBuilder out = new StringBuilder();
    out.append(new String(magic, StandardCharsets.ISO_8859_1)).append(new String(salt, StandardCharsets.ISO_8859_1)).append('$');
    int[][] groups = {{0, 6, 12}, {1, 7, 13}, {2, 8, 14}, {3, 9, 15}, {4, 10, 5}};
    for (int[] g : groups) {
      int v = (fin[g[0]] & 0xff) << 16 | (fin[g[1]] & 0xff) << 8 | (fin[g[2]] & 0xff);
      to64(out, v, 4);
    }
    to64(out, fin[11] & 0xff, 2);
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void to64(StringBuilder out, int v, int n) {
    for (int i = 0; i < n; i++) {
      out.append(ITOA64.charAt(v & 0x3f));
      v >>= 6;
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }
}
