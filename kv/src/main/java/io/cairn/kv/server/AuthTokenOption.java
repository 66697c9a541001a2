package io.cairn.kv.server;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ValueParser;
import io.cairn.common.text.PromDuration;
import io.cairn.kv.api.JwtTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * etcd's {@code --auth-token}: {@code simple} (the default; cairn's own signed tokens, see {@code
 * io.cairn.kv.api.Tokens}) or {@code jwt,pub-key=FILE,priv-key=FILE,sign-method=METHOD[,ttl=DURATION]}.
 * The HMAC methods (HS256, HS384, HS512) take {@code priv-key} alone: the file's bytes, as they are
 * (a trailing newline included), are the shared secret, as etcd reads them (at most {@value
 * #MAX_SECRET_BYTES} bytes).
 *
 * <p>Decisions where etcd is lenient: for the key-pair methods both keys are required (etcd 3.4 also
 * runs a member with only one, which can then only verify or only sign), and an unknown option is
 * refused rather than ignored. Keys are PEM: private keys PKCS#8, PKCS#1 or SEC1; public keys {@code PUBLIC KEY}, {@code
 * RSA PUBLIC KEY} or a certificate. {@code ttl} is a duration such as {@code 5m} (the default) or
 * {@code 1h30m}.
 *
 * @param spec the flag's text, as given
 * @param method null for {@code simple}
 */
record AuthTokenOption(String spec, JwtTokens.Method method, String publicKeyFile, String privateKeyFile, long ttlMillis) {
  static final AuthTokenOption SIMPLE = new AuthTokenOption("simple", null, "", "", 0);
  private static final long DEFAULT_TTL_MILLIS = 5 * 60_000;
  /** The largest HMAC secret file read. */
  static final int MAX_SECRET_BYTES = 64 * 1024;

  static ValueParser<AuthTokenOption> parser() {
    return AuthTokenOption::parse;
  }

  static AuthTokenOption parse(String text) {
    String[] parts = text.strip().split(",");
    switch (parts[0]) {
      case "simple" -> {
        if (parts.length > 1) {
          throw new IllegalArgumentException("expected no options after 'simple', got '" + text + "'");
        }
        return SIMPLE;
      }
      case "jwt" -> {}
      default ->
          throw new IllegalArgumentException(
              "expected 'simple' or 'jwt,pub-key=FILE,priv-key=FILE,sign-method=RS256[,ttl=5m]', got '" + text + "'");
    }
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      String key = eq < 0 ? parts[i] : parts[i].substring(0, eq);
      if (eq < 0 || !java.util.Set.of("pub-key", "priv-key", "sign-method", "ttl").contains(key)) {
        throw new IllegalArgumentException(
            "jwt option '" + parts[i] + "': expected pub-key=FILE, priv-key=FILE, sign-method=METHOD or ttl=DURATION");
      }
      opts.put(key, parts[i].substring(eq + 1));
    }
    for (String required : new String[] {"priv-key", "sign-method"}) {
      if (opts.getOrDefault(required, "").isEmpty()) {
        throw new IllegalArgumentException("jwt needs " + required + "=..., got '" + text + "'");
      }
    }
    JwtTokens.Method method;
    try {
      method = JwtTokens.Method.valueOf(opts.get("sign-method"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "jwt sign-method '" + opts.get("sign-method") + "': expected one of "
              + java.util.Arrays.toString(JwtTokens.Method.values()));
    }
    if (!method.hmac() && opts.getOrDefault("pub-key", "").isEmpty()) {
      throw new IllegalArgumentException("jwt needs pub-key=... with sign-method=" + method + ", got '" + text + "'");
    }
    long ttl = DEFAULT_TTL_MILLIS;
    if (opts.containsKey("ttl")) {
      ttl = PromDuration.parse(opts.get("ttl")).millis();
      if (ttl <= 0) {
        throw new IllegalArgumentException("jwt ttl '" + opts.get("ttl") + "': expected a positive duration");
      }
    }
    return new AuthTokenOption(text.strip(), method, opts.getOrDefault("pub-key", ""), opts.get("priv-key"), ttl);
  }

  /**
   * The JWT signer/verifier with its keys read now; null for {@code simple}.
   *
   * @throws ConfigException naming the file that cannot be read or is not a key the method takes
   */
  JwtTokens load() {
    if (method == null) {
      return null;
    }
    if (method.hmac()) {
      return hmac();
    }
    try {
      PrivateKey priv = PemFiles.privateKey(privateKeyFile, "flag --auth-token: priv-key");
      return new JwtTokens(method, priv, PemFiles.jdkKey(publicKey()), ttlMillis);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new ConfigException("flag --auth-token: " + e.getMessage());
    }
  }

  /** The HMAC methods' secret: the priv-key file's bytes as they are, as etcd reads them. */
  private JwtTokens hmac() {
    byte[] secret;
    try {
      secret = Files.readAllBytes(Path.of(privateKeyFile));
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("flag --auth-token: priv-key '" + privateKeyFile + "': cannot read the secret: " + e);
    }
    if (secret.length == 0 || secret.length > MAX_SECRET_BYTES) {
      throw new ConfigException("flag --auth-token: priv-key '" + privateKeyFile + "': expected a secret of 1 to "
          + MAX_SECRET_BYTES + " bytes for sign-method=" + method + ", got " + secret.length);
    }
    return JwtTokens.hmac(method, secret, ttlMillis);
  }

  private PublicKey publicKey() {
    Object o = PemFiles.objects(publicKeyFile, "flag --auth-token: pub-key").getFirst();
    try {
      JcaPEMKeyConverter c = new JcaPEMKeyConverter();
      if (o instanceof SubjectPublicKeyInfo info) {
        return c.getPublicKey(info);
      }
      if (o instanceof X509CertificateHolder cert) {
        return c.getPublicKey(cert.getSubjectPublicKeyInfo());
      }
      if (o instanceof PEMKeyPair kp) {
        return c.getPublicKey(kp.getPublicKeyInfo());
      }
    } catch (IOException e) {
      throw new ConfigException("flag --auth-token: pub-key '" + publicKeyFile + "': " + e.getMessage());
    }
    throw new ConfigException("flag --auth-token: pub-key '" + publicKeyFile
        + "': expected a PEM public key (PUBLIC KEY or RSA PUBLIC KEY) or certificate");
  }

  @Override
  public String toString() {
    return spec;
  }
}
