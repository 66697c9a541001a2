package io.cairn.kv.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * etcd's JWT auth tokens ({@code --auth-token jwt,...}): RFC 7519 tokens signed with the member's
 * private key, with etcd's claims {@code username}, {@code revision} (the auth revision when the
 * token was issued) and {@code exp} (Unix seconds). Any member holding the public key verifies any
 * member's tokens. A token whose revision is older than the auth store's is refused with etcd's
 * {@code revision of auth store is old}, on which etcd clients authenticate again.
 *
 * <p>Verification accepts only the configured method (the header's {@code alg} must match, so a
 * token cannot pick a weaker one) and at most {@link Tokens#MAX_TOKEN_CHARS} characters. A client
 * sends its token with every request, so verified tokens are remembered ({@link VerifiedTokens})
 * rather than their signature checked on every call. Thread-safe: each call makes its own {@link
 * Signature} or {@link Mac}.
 */
public final class JwtTokens {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  /**
   * The signing methods etcd 3.4 takes as {@code sign-method}: RSA, RSA-PSS, ECDSA (an ES method needs
   * a key on its curve: P-256, P-384, P-521) and HMAC (a shared secret: the bytes of the {@code
   * priv-key} file, as etcd reads it).
   */
  public enum Method {
    HS256("HmacSHA256", null, "HMAC", 0),
    HS384("HmacSHA384", null, "HMAC", 0),
    HS512("HmacSHA512", null, "HMAC", 0),
    RS256("SHA256withRSA", null, "RSA", 0),
    RS384("SHA384withRSA", null, "RSA", 0),
    RS512("SHA512withRSA", null, "RSA", 0),
    PS256("RSASSA-PSS", pss("SHA-256", MGF1ParameterSpec.SHA256, 32), "RSA", 0),
    PS384("RSASSA-PSS", pss("SHA-384", MGF1ParameterSpec.SHA384, 48), "RSA", 0),
    PS512("RSASSA-PSS", pss("SHA-512", MGF1ParameterSpec.SHA512, 64), "RSA", 0),
    ES256("SHA256withECDSAinP1363Format", null, "EC", 256),
    ES384("SHA384withECDSAinP1363Format", null, "EC", 384),
    ES512("SHA512withECDSAinP1363Format", null, "EC", 521);

    private final String jdkName;
    private final PSSParameterSpec params;
    /** The key algorithm the method needs ({@code RSA}, {@code EC} or {@code HMAC}). */
    public final String keyAlgorithm;
    /** For EC methods, the field size in bits of the curve the key must be on; 0 for RSA. */
    private final int curveBits;

    Method(String jdkName, PSSParameterSpec params, String keyAlgorithm, int curveBits) {
      this.jdkName = jdkName;
      this.params = params;
      this.keyAlgorithm = keyAlgorithm;
      this.curveBits = curveBits;
    }

    private static PSSParameterSpec pss(String hash, MGF1ParameterSpec mgf, int saltBytes) {
      return new PSSParameterSpec(hash, "MGF1", mgf, saltBytes, PSSParameterSpec.TRAILER_FIELD_BC);
    }

    /** Whether the method signs with a shared secret rather than a key pair. */
    public boolean hmac() {
      return keyAlgorithm.equals("HMAC");
    }

    Signature signature() throws GeneralSecurityException {
      Signature s = Signature.getInstance(jdkName);
      if (params != null) {
        s.setParameter(params);
      }
      return s;
    }
  }

  /** What a verified token says. */
  record Claims(String user, long revision) {}

  private final Method method;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final SecretKeySpec secret;
  private final long ttlMillis;
  private final String header;
  private final VerifiedTokens verified = new VerifiedTokens();

  /**
   * Tokens signed with the HMAC {@code method} and the shared {@code secret}.
   *
   * @throws IllegalArgumentException when the method is not HMAC, the secret is empty or the TTL is
   *     not positive
   */
  public static JwtTokens hmac(Method method, byte[] secret, long ttlMillis) {
    if (!method.hmac()) {
      throw new IllegalArgumentException("sign-method " + method + " needs a key pair, not a shared secret");
    }
    if (secret.length == 0) {
      throw new IllegalArgumentException("sign-method " + method + " needs a non-empty secret");
    }
    return new JwtTokens(method, null, null, new SecretKeySpec(secret, method.jdkName), ttlMillis);
  }

  /**
   * @throws IllegalArgumentException when a key is not of the method's algorithm or the TTL is not
   *     positive
   */
  public JwtTokens(Method method, PrivateKey privateKey, PublicKey publicKey, long ttlMillis) {
    this(method, privateKey, publicKey, null, ttlMillis);
  }

  private JwtTokens(Method method, PrivateKey privateKey, PublicKey publicKey, SecretKeySpec secret, long ttlMillis) {
    if (method.hmac() != (secret != null)) {
      throw new IllegalArgumentException(
          "sign-method " + method + (method.hmac() ? " needs a shared secret" : " needs a key pair"));
    }
    for (var key : secret != null ? new java.security.Key[0] : new java.security.Key[] {privateKey, publicKey}) {
      String alg = key.getAlgorithm().equals("ECDSA") ? "EC" : key.getAlgorithm();
      if (!alg.equals(method.keyAlgorithm)) {
        throw new IllegalArgumentException(
            "sign-method " + method + " needs " + method.keyAlgorithm + " keys, got a " + alg + " key");
      }
      if (key instanceof java.security.interfaces.ECKey ec
          && ec.getParams().getCurve().getField().getFieldSize() != method.curveBits) {
        throw new IllegalArgumentException(
            "sign-method " + method + " needs a key on the " + method.curveBits + "-bit curve, got one on a "
                + ec.getParams().getCurve().getField().getFieldSize() + "-bit curve");
      }
    }
    if (ttlMillis <= 0) {
      throw new IllegalArgumentException("ttl is " + ttlMillis + " ms; expected a positive duration");
    }
    this.method = method;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.secret = secret;
    this.ttlMillis = ttlMillis;
    this.header = B64.encodeToString(("{\"alg\":\"" + method + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
  }

  /** A token for {@code user} at auth revision {@code revision}, expiring the TTL after now. */
  String issue(String user, long revision, long nowMillis) {
    ObjectNode claims = JSON.createObjectNode();
    claims.put("exp", (nowMillis + ttlMillis) / 1000);
    claims.put("revision", revision);
    claims.put("username", user);
    String signed = header + "." + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    try {
      return signed + "." + B64.encodeToString(sign(signed.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token with " + method + ": " + e.getMessage(), e);
    }
  }

  private byte[] sign(byte[] data) throws GeneralSecurityException {
    if (secret != null) {
      Mac mac = Mac.getInstance(method.jdkName);
      mac.init(secret);
      return mac.doFinal(data);
    }
    Signature s = method.signature();
    s.initSign(privateKey);
    s.update(data);
    return s.sign();
  }

  private boolean signatureMatches(byte[] data, byte[] signature) throws GeneralSecurityException {
    if (secret != null) {
      return MessageDigest.isEqual(sign(data), signature);
    }
    Signature s = method.signature();
    s.initVerify(publicKey);
    s.update(data);
    return s.verify(signature);
  }

  /**
   * The claims of a token this method signed that has not expired; null for any other string. A
   * token verified before is looked up instead of checked again ({@link VerifiedTokens}), its expiry
   * still compared with {@code nowMillis}.
   */
  Claims verify(String token, long nowMillis) {
    if (token == null || token.length() > Tokens.MAX_TOKEN_CHARS) {
      return null;
    }
    VerifiedTokens.Entry known = verified.get(token);
    if (known != null) {
      return known.expiresMillis() > nowMillis ? known.claims() : null;
    }
    int dot1 = token.indexOf('.');
    int dot2 = token.lastIndexOf('.');
    if (dot1 <= 0 || dot2 == dot1) {
      return null;
    }
    try {
      JsonNode head = JSON.readTree(B64D.decode(token.substring(0, dot1)));
      if (!method.name().equals(head.path("alg").asText())) {
        return null;
      }
      if (!signatureMatches(token.substring(0, dot2).getBytes(StandardCharsets.US_ASCII),
          B64D.decode(token.substring(dot2 + 1)))) {
        return null;
      }
      JsonNode claims = JSON.readTree(B64D.decode(token.substring(dot1 + 1, dot2)));
      JsonNode user = claims.get("username");
      JsonNode revision = claims.get("revision");
      JsonNode exp = claims.get("exp");
      if (user == null || !user.isTextual() || revision == null || !revision.canConvertToLong()
          || exp == null || !exp.isNumber() || exp.asLong() * 1000 <= nowMillis) {
        return null;
      }
      Claims verifiedClaims = new Claims(user.asText(), revision.asLong());
      verified.put(token, new VerifiedTokens.Entry(verifiedClaims, exp.asLong() * 1000));
      return verifiedClaims;
    } catch (java.io.IOException | IllegalArgumentException | GeneralSecurityException e) {
      return null;
    }
  }
}
