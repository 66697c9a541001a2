package io.cairn.kv.api;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * cairn's auth tokens: {@code <user>.<expiry>.<signature>} with the user name base64url-encoded, the
 * expiry in Unix milliseconds, and an HMAC-SHA256 over both and the user's password hash, keyed by
 * the secret of the current enablement (replicated with {@code auth enable}). So every member checks
 * every member's tokens without replicating them; disabling auth, changing the password or deleting
 * the user invalidates them. Clients treat tokens as opaque strings, as they do etcd's simple tokens.
 * Thread-safe (stateless).
 */
final class Tokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  /** The longest token accepted for parsing. */
  static final int MAX_TOKEN_CHARS = 4096;

  private Tokens() {}

  /** A parsed, not yet verified token. */
  record Parsed(String user, long expiryMillis, byte[] signature) {}

  static String issue(ByteString secret, String user, ByteString passwordHash, long expiryMillis) {
    return B64.encodeToString(user.getBytes(StandardCharsets.UTF_8)) + "." + expiryMillis + "."
        + B64.encodeToString(sign(secret, user, passwordHash, expiryMillis));
  }

  /** The token's parts, or null if it is not a token of this format. */
  static Parsed parse(String token) {
    if (token == null || token.length() > MAX_TOKEN_CHARS) {
      return null;
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      return new Parsed(
          new String(B64D.decode(parts[0]), StandardCharsets.UTF_8), Long.parseLong(parts[1]), B64D.decode(parts[2]));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether {@code t} was issued with this secret for this password hash and is not expired. */
  static boolean valid(Parsed t, ByteString secret, ByteString passwordHash, long nowMillis) {
    if (secret.isEmpty() || t.expiryMillis() <= nowMillis) {
      return false;
    }
    return MessageDigest.isEqual(sign(secret, t.user(), passwordHash, t.expiryMillis()), t.signature());
  }

  private static byte[] sign(ByteString secret, String user, ByteString passwordHash, long expiryMillis) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.toByteArray(), "HmacSHA256"));
      mac.update(user.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(Long.toString(expiryMillis).getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) 0);
      return mac.doFinal(passwordHash.toByteArray());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
