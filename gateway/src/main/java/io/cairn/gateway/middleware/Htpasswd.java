package io.cairn.gateway.middleware;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Checks a password against an htpasswd hash as go-http-auth's {@code CheckSecret} (which Traefik
 * uses): {@code {SHA}} base64 SHA-1; {@code $2a$}, {@code $2b$}, {@code $2x$}, {@code $2y$}
 * bcrypt; anything else MD5-crypt ({@code $apr1$}, {@code $1$}) — so a plain-text secret never
 * matches. Comparisons are constant-time. Thread-safe; bcrypt takes its cost in CPU time.
 */
final class Htpasswd {
  private Htpasswd() {}

  static boolean check(String password, String secret) {
    byte[] pw = password.getBytes(StandardCharsets.UTF_8);
    byte[] hash = secret.getBytes(StandardCharsets.UTF_8);
    if (secret.startsWith("{SHA}")) {
      byte[] want = secret.substring(5).getBytes(StandardCharsets.UTF_8);
      byte[] got = Base64.getEncoder().encode(sha1(pw));
      return MessageDigest.isEqual(want, got);
    }
    if (secret.startsWith("$2a$") || secret.startsWith("$2b$") || secret.startsWith("$2x$")
        || secret.startsWith("$2y$")) {
      try {
        return BCrypt.verifyer(BCrypt.Version.VERSION_2A).verify(pw, hash).verified;
      } catch (RuntimeException e) {
        return false;
      }
    }
    String[] parts = secret.split("\\$", 4);
    if (parts.length != 4) {
      return false;
    }
    byte[] magic = ("$" + parts[1] + "$").getBytes(StandardCharsets.UTF_8);
    byte[] salt = parts[2].getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(hash, Md5Crypt.crypt(pw, salt, magic));
  }

  private static byte[] sha1(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }
}
