package io.cairn.kv.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JwtTokensTest {
  private static final long NOW = 1_800_000_000_000L;
  private static final long TTL = 300_000;

  static KeyPair keys(JwtTokens.Method m) throws Exception {
    if (m.keyAlgorithm.equals("RSA")) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    }
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(switch (m) {
      case ES256 -> "secp256r1";
      case ES384 -> "secp384r1";
      default -> "secp521r1";
    }));
    return g.generateKeyPair();
  }

  private static JwtTokens tokens(JwtTokens.Method m, KeyPair k) {
    return new JwtTokens(m, k.getPrivate(), k.getPublic(), TTL);
  }

  /** Tokens of method {@code m} with a new key pair, or a new random secret for the HMAC methods. */
  private static JwtTokens fresh(JwtTokens.Method m) throws Exception {
    if (m.hmac()) {
      byte[] secret = new byte[32];
      new java.security.SecureRandom().nextBytes(secret);
      return JwtTokens.hmac(m, secret, TTL);
    }
    return tokens(m, keys(m));
  }

  @ParameterizedTest
  @EnumSource(JwtTokens.Method.class)
  void aTokenCarriesEtcdsClaimsAndVerifiesUntilItExpires(JwtTokens.Method m) throws Exception {
    JwtTokens t = fresh(m);
    String token = t.issue("alice", 7, NOW);
    String[] parts = token.split("\\.");
    assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"" + m + "\",\"typ\":\"JWT\"}");
    assertThat(decode(parts[1])).isEqualTo("{\"exp\":" + (NOW + TTL) / 1000 + ",\"revision\":7,\"username\":\"alice\"}");
    assertThat(t.verify(token, NOW)).isEqualTo(new JwtTokens.Claims("alice", 7));
    assertThat(t.verify(token, NOW + TTL - 1)).isNotNull();
    assertThat(t.verify(token, NOW + TTL)).as("expired").isNull();
  }

  @Test
  void anotherKeyATamperedPartOrAnotherAlgorithmIsRefused() throws Exception {
    KeyPair k = keys(JwtTokens.Method.RS256);
    JwtTokens t = tokens(JwtTokens.Method.RS256, k);
    String token = t.issue("alice", 7, NOW);
    String[] parts = token.split("\\.");
    assertThat(tokens(JwtTokens.Method.RS256, keys(JwtTokens.Method.RS256)).verify(token, NOW)).isNull();
    String otherClaims = encode("{\"exp\":" + (NOW / 1000 + 999) + ",\"revision\":7,\"username\":\"root\"}");
    assertThat(t.verify(parts[0] + "." + otherClaims + "." + parts[2], NOW)).isNull();
    // the same key, signed as RS384: the header names a method this member does not use
    String rs384 = new JwtTokens(JwtTokens.Method.RS384, k.getPrivate(), k.getPublic(), TTL).issue("alice", 7, NOW);
    assertThat(t.verify(rs384, NOW)).isNull();
    String none = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    assertThat(t.verify(none, NOW)).isNull();
  }

  @Test
  void garbageIsRefusedWithoutAnException() throws Exception {
    JwtTokens t = tokens(JwtTokens.Method.ES256, keys(JwtTokens.Method.ES256));
    String good = t.issue("alice", 1, NOW);
    Random random = new Random(42);
    for (String s : new String[] {null, "", ".", "..", "a.b.c", "a.b", "%%%.%%%.%%%", "x".repeat(5000)}) {
      assertThat(t.verify(s, NOW)).as(s).isNull();
    }
    for (int i = 0; i < 2000; i++) {
      char[] c = good.toCharArray();
      int flips = 1 + random.nextInt(3);
      for (int f = 0; f < flips; f++) {
        c[random.nextInt(c.length)] = (char) (32 + random.nextInt(95));
      }
      String mutated = new String(c);
      if (!mutated.equals(good)) {
        // a flip may land in the base64 padding bits of a part and change nothing decoded
        JwtTokens.Claims claims = t.verify(mutated, NOW);
        assertThat(claims == null || claims.equals(new JwtTokens.Claims("alice", 1))).as(mutated).isTrue();
      }
    }
  }

  @Test
  void hmacTokensAreSignedWithTheSecretBytesAndRefusedUnderAnotherSecret() throws Exception {
    byte[] secret = "a shared secret\n".getBytes(StandardCharsets.UTF_8);
    JwtTokens t = JwtTokens.hmac(JwtTokens.Method.HS256, secret, TTL);
    String token = t.issue("alice", 3, NOW);
    String[] parts = token.split("\\.");
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
    byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);
    byte[] other = "a shared secret".getBytes(StandardCharsets.UTF_8); // no newline: another secret
    assertThat(JwtTokens.hmac(JwtTokens.Method.HS256, other, TTL).verify(token, NOW)).isNull();
    assertThat(JwtTokens.hmac(JwtTokens.Method.HS384, secret, TTL).verify(token, NOW)).as("another alg").isNull();
    assertThat(t.verify(token, NOW)).isEqualTo(new JwtTokens.Claims("alice", 3));
  }

  @Test
  void aVerifiedTokenIsRememberedButStillExpires() throws Exception {
    JwtTokens t = fresh(JwtTokens.Method.ES256);
    String token = t.issue("alice", 5, NOW);
    for (int i = 0; i < 3; i++) {
      assertThat(t.verify(token, NOW + i)).isEqualTo(new JwtTokens.Claims("alice", 5));
    }
    assertThat(t.verify(token, NOW + TTL)).as("expired, though remembered").isNull();
    // more tokens than the set holds: every one still verifies
    for (int i = 0; i < VerifiedTokens.MAX_ENTRIES + 10; i++) {
      assertThat(t.verify(t.issue("u" + i, i, NOW), NOW)).isEqualTo(new JwtTokens.Claims("u" + i, i));
    }
    assertThat(t.verify(token, NOW)).isEqualTo(new JwtTokens.Claims("alice", 5));
  }

  @Test
  void secretsAndKeyPairsAreNotMixedUp() throws Exception {
    assertThatThrownBy(() -> JwtTokens.hmac(JwtTokens.Method.RS256, new byte[] {1}, TTL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sign-method RS256 needs a key pair, not a shared secret");
    assertThatThrownBy(() -> JwtTokens.hmac(JwtTokens.Method.HS256, new byte[0], TTL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sign-method HS256 needs a non-empty secret");
    KeyPair rsa = keys(JwtTokens.Method.RS256);
    assertThatThrownBy(() -> tokens(JwtTokens.Method.HS256, rsa))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sign-method HS256 needs a shared secret");
  }

  @Test
  void keysOfTheWrongKindAreRefusedAtConstruction() throws Exception {
    KeyPair rsa = keys(JwtTokens.Method.RS256);
    assertThatThrownBy(() -> tokens(JwtTokens.Method.ES256, rsa))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sign-method ES256 needs EC keys, got a RSA key");
    KeyPair p384 = keys(JwtTokens.Method.ES384);
    assertThatThrownBy(() -> tokens(JwtTokens.Method.ES256, p384))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sign-method ES256 needs a key on the 256-bit curve, got one on a 384-bit curve");
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
