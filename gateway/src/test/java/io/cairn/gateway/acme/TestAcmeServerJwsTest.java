package io.cairn.gateway.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.gateway.acme.testca.TestAcmeServer;
import io.cairn.gateway.acme.testca.TestCa;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test ACME server's JWS checks, with requests signed by hand. */
class TestAcmeServerJwsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PAYLOAD = "{\"termsOfServiceAgreed\":true}";
  private static TestAcmeServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    var ca = new TestCa();
    server = new TestAcmeServer(ca);
    client = HttpClient.newBuilder().sslContext(ca.clientContext()).build();
  }

  @AfterAll
  static void stop() {
    server.close();
    client.close();
  }

  @Test
  void aValidNewAccountRequestIsAccepted() throws Exception {
    var r = post(url(), jws(key(), server.nonce(), url(), false));
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/acct/"));
    assertThat(r.headers().firstValue("Replay-Nonce")).isPresent();
  }

  @Test
  void aBadSignatureIsMalformed() throws Exception {
    var r = post(url(), jws(key(), server.nonce(), url(), true));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(JSON.readTree(r.body()).path("type").asText())
        .isEqualTo("urn:ietf:params:acme:error:malformed");
  }

  @Test
  void aReplayedNonceIsBadNonce() throws Exception {
    String nonce = server.nonce();
    var key = key();
    assertThat(post(url(), jws(key, nonce, url(), false)).statusCode()).isEqualTo(201);
    var replay = post(url(), jws(key, nonce, url(), false));
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(replay.body()).path("type").asText())
        .isEqualTo("urn:ietf:params:acme:error:badNonce");
  }

  @Test
  void aUrlThatIsNotTheRequestUrlIsUnauthorized() throws Exception {
    var r = post(url(), jws(key(), server.nonce(), server.baseUrl() + "/new-order", false));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(r.body()).path("type").asText())
        .isEqualTo("urn:ietf:params:acme:error:unauthorized");
  }

  private static String url() {
    return server.baseUrl() + "/new-acct";
  }

  private static KeyPair key() throws Exception {
    var g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static String jws(KeyPair key, String nonce, String url, boolean corrupt) throws Exception {
    var pub = (ECPublicKey) key.getPublic();
    var header = JSON.createObjectNode();
    header.put("alg", "ES256").put("nonce", nonce).put("url", url);
    header.putObject("jwk").put("kty", "EC").put("crv", "P-256")
        .put("x", b64(fixed(pub.getW().getAffineX()))).put("y", b64(fixed(pub.getW().getAffineY())));
    String prot = b64(JSON.writeValueAsBytes(header));
    String payload = b64(PAYLOAD.getBytes(StandardCharsets.UTF_8));
    var s = Signature.getInstance("SHA256withECDSAinP1363Format");
    s.initSign(key.getPrivate());
    s.update((prot + "." + payload).getBytes(StandardCharsets.US_ASCII));
    byte[] sig = s.sign();
    if (corrupt) {
      sig[5] ^= 0x40;
    }
    var body = JSON.createObjectNode();
    body.put("protected", prot).put("payload", payload).put("signature", b64(sig));
    return JSON.writeValueAsString(body);
  }

  private static byte[] fixed(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static HttpResponse<String> post(String url, String body) throws Exception {
    var req = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/jose+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return client.send(req, HttpResponse.BodyHandlers.ofString());
  }

}
