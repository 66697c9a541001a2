package io.cairn.gateway.acme.testca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * RFC 8555 section 6.2 JWS checks for the test server: flattened JSON serialization, ES256 or
 * RS256, signature over {@code protected.payload}; RFC 7638 thumbprints.
 */
final class Jws {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A parsed request; {@code payload} is empty for POST-as-GET. */
  record Request(JsonNode header, String alg, String nonce, String url, JsonNode jwk, String kid,
      byte[] payload, String signingInput, byte[] signature) {
    boolean postAsGet() {
      return payload.length == 0;
    }

    JsonNode payloadJson() throws IOException {
      return JSON.readTree(payload);
    }
  }

  /** A problem found in a request: the ACME error type (without prefix) and a detail. */
  static final class Problem extends Exception {
    final String type;
    final int status;

    Problem(String type, int status, String detail) {
      super(detail);
      this.type = type;
      this.status = status;
    }
  }

  private Jws() {}

  static Request parse(byte[] body) throws Problem {
    try {
      JsonNode jws = JSON.readTree(body);
      String prot = jws.path("protected").asText(null);
      String payload = jws.path("payload").asText(null);
      String sig = jws.path("signature").asText(null);
      if (prot == null || payload == null || sig == null) {
        throw new Problem("malformed", 400, "JWS needs protected, payload and signature");
      }
      JsonNode header = JSON.readTree(b64(prot));
      String kid = header.path("kid").asText(null);
      JsonNode jwk = header.get("jwk");
      if ((kid == null) == (jwk == null)) {
        throw new Problem("malformed", 400, "JWS header needs exactly one of jwk and kid");
      }
      return new Request(header, header.path("alg").asText(""), header.path("nonce").asText(null),
          header.path("url").asText(null), jwk, kid, b64(payload), prot + "." + payload, b64(sig));
    } catch (IOException | IllegalArgumentException e) {
      throw new Problem("malformed", 400, "JWS cannot be parsed: " + e.getMessage());
    }
  }

  static void verify(Request r, PublicKey key) throws Problem {
    String algorithm = switch (r.alg()) {
      case "ES256" -> "SHA256withECDSAinP1363Format";
      case "RS256" -> "SHA256withRSA";
      default -> throw new Problem("badSignatureAlgorithm", 400, "unsupported alg " + r.alg());
    };
    try {
      var s = Signature.getInstance(algorithm);
      s.initVerify(key);
      s.update(r.signingInput().getBytes(StandardCharsets.US_ASCII));
      if (!s.verify(r.signature())) {
        throw new Problem("malformed", 400, "JWS signature is invalid");
      }
    } catch (GeneralSecurityException e) {
      throw new Problem("malformed", 400, "JWS signature cannot be checked: " + e.getMessage());
    }
  }

  static PublicKey publicKey(JsonNode jwk) throws Problem {
    try {
      return switch (jwk.path("kty").asText()) {
        case "EC" -> {
          if (!"P-256".equals(jwk.path("crv").asText())) {
            throw new Problem("badPublicKey", 400, "only P-256 EC keys are accepted");
          }
          var params = AlgorithmParameters.getInstance("EC");
          params.init(new ECGenParameterSpec("secp256r1"));
          var point = new ECPoint(unsigned(jwk.path("x").asText()), unsigned(jwk.path("y").asText()));
          yield KeyFactory.getInstance("EC").generatePublic(
              new ECPublicKeySpec(point, params.getParameterSpec(ECParameterSpec.class)));
        }
        case "RSA" -> KeyFactory.getInstance("RSA").generatePublic(
            new RSAPublicKeySpec(unsigned(jwk.path("n").asText()), unsigned(jwk.path("e").asText())));
        default -> throw new Problem("badPublicKey", 400, "unsupported kty " + jwk.path("kty"));
      };
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new Problem("badPublicKey", 400, "JWK cannot be read: " + e.getMessage());
    }
  }

  /** RFC 7638 thumbprint, base64url without padding. */
  static String thumbprint(JsonNode jwk) {
    String canonical = switch (jwk.path("kty").asText()) {
      case "EC" -> "{\"crv\":\"" + jwk.path("crv").asText() + "\",\"kty\":\"EC\",\"x\":\""
          + jwk.path("x").asText() + "\",\"y\":\"" + jwk.path("y").asText() + "\"}";
      default -> "{\"e\":\"" + jwk.path("e").asText() + "\",\"kty\":\"RSA\",\"n\":\""
          + jwk.path("n").asText() + "\"}";
    };
    return b64url(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String b64url(byte[] data) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
  }

  static byte[] b64(String s) {
    return Base64.getUrlDecoder().decode(s);
  }

  private static BigInteger unsigned(String b64) {
    return new BigInteger(1, b64(b64));
  }
}
