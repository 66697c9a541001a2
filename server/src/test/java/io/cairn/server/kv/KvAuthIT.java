package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real etcdctl against each target: users, roles, auth enable/disable and permissions ({@link
 * AuthScenarios}), with cairn's own tokens and with etcd's JWTs; and a JWT's shape and its
 * invalidation by an auth change, seen through the JSON gateway with curl.
 */
class KvAuthIT {
  private static final TargetPool POOL = new TargetPool();
  private static final ObjectMapper JSON = new ObjectMapper();

  @AfterAll
  static void stopServers() {
    POOL.close();
  }

  static Stream<Arguments> scenarios() {
    return ScenarioCases.perTarget(AuthScenarios.ALL);
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("scenarios")
  void meetsEtcdsExpectations(TargetKind target, Scenario scenario) {
    ScenarioCases.check(POOL, target, scenario);
  }

  static Stream<Arguments> jwtMethods() {
    return ScenarioCases.targets().flatMap(t -> Stream.of(Arguments.of(t, "RS256"), Arguments.of(t, "HS256")));
  }

  /**
   * A JWT's header and claims, and its refusal after an auth change or with a forged signature. For
   * HS256 the test also checks the signature itself with the bytes of the {@code priv-key} file as
   * the HMAC secret: that is how etcd reads it, and cairn must sign alike.
   */
  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("jwtMethods")
  void jwtCarriesEtcdsClaimsAndIsRefusedAfterAnAuthChange(TargetKind kind, String method) throws Exception {
    try (KvTarget target = TargetPool.fresh(kind, ServerOptions.DEFAULTS.withJwt(method))) {
      Etcdctl etcdctl = target.etcdctl();
      assertThat(etcdctl.run("user", "add", "root:rootpw").ok()).isTrue();
      assertThat(etcdctl.run("auth", "enable").ok()).isTrue();
      Curl curl = new Curl(target.clientUrl());

      CurlResult auth = curl.call(HttpCall.post("/v3/auth/authenticate", "{\"name\":\"root\",\"password\":\"rootpw\"}"));
      assertThat(auth.status()).as("%s", auth).isEqualTo(200);
      String token = JSON.readTree(auth.body()).path("token").asText();
      String[] parts = token.split("\\.");
      assertThat(parts).as(token).hasSize(3);
      JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      assertThat(header.path("alg").asText()).isEqualTo(method);
      if (method.startsWith("HS")) {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
            java.nio.file.Files.readAllBytes(TlsFiles.hmacSecret(method)), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlDecoder().decode(parts[2])).as("HMAC of the priv-key file's bytes").isEqualTo(expected);
      }
      List<String> names = new java.util.ArrayList<>();
      claims.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactlyInAnyOrder("exp", "revision", "username");
      assertThat(claims.path("username").asText()).isEqualTo("root");
      long now = System.currentTimeMillis() / 1000;
      // etcd's default ttl=5m
      assertThat(claims.path("exp").asLong()).isBetween(now + 240, now + 360);

      HttpCall range = HttpCall.post("/v3/kv/range", "{\"key\":\"Zm9v\"}");
      CurlResult allowed = curl.call(range.withAuthorization(token));
      assertThat(allowed.status()).as("%s", allowed).isEqualTo(200);

      // a user added bumps the auth revision: the older token is refused as etcd refuses it
      assertThat(etcdctl.run("--user=root:rootpw", "user", "add", "bob:pw").ok()).isTrue();
      CurlResult stale = curl.call(range.withAuthorization(token));
      assertThat(stale.body()).as("%s", stale).contains("etcdserver: revision of auth store is old");
      assertThat(JSON.readTree(stale.body()).path("code").asInt()).as("%s", stale).isEqualTo(3);

      CurlResult forged = curl.call(range.withAuthorization(parts[0] + "." + parts[1] + ".AAAA"));
      assertThat(forged.body()).as("%s", forged).contains("etcdserver: invalid auth token");
    }
  }
}
