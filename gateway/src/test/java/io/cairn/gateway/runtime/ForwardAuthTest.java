package io.cairn.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forwardAuth} end to end: the auth server lets a request through or answers instead. */
class ForwardAuthTest {
  @TempDir
  Path dir;

  private static String config(TestBackend app, String authAddress) {
    return """
        http:
          routers:
            all:
              rule: "PathPrefix(`/`)"
              service: app
              middlewares: [auth]
          middlewares:
            auth:
              forwardAuth:
                address: "%s/verify?x=1"
                authResponseHeaders: [X-Auth-User]
                authResponseHeadersRegex: "^X-Group-"
                addAuthCookiesToResponse: [session, a, b]
          services:
            app:
              loadBalancer:
                servers: [{url: "%s"}]
        """.formatted(authAddress, app.url());
  }

  @Test
  void a2xxLetsTheRequestGoOnWithTheAuthHeadersAndOtherAnswersGoBackToTheClient() throws Exception {
    try (TestBackend app = new TestBackend("app"); TestBackend auth = new TestBackend("denied by auth");
        GatewayHarness g = new GatewayHarness(dir, config(app, auth.url()))) {
      auth.responseHeaders.put("X-Auth-User", "alice");
      auth.responseHeaders.put("X-Group-Admin", "yes");
      auth.responseHeaders.put("X-Other", "not copied");
      auth.responseHeaders.put("Set-Cookie", "session=abc");
      HttpResponse<String> ok = g.send(HttpRequest.newBuilder(URI.create(g.url("/page?q=2")))
          .header("Authorization", "Bearer t").header("X-Auth-User", "mallory")
          .POST(HttpRequest.BodyPublishers.ofString("payload")));
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("app");
      assertThat(ok.headers().allValues("set-cookie")).contains("session=abc");

      TestBackend.Seen check = auth.seen.getFirst();
      assertThat(check.method()).isEqualTo("GET");
      assertThat(check.uri()).isEqualTo("/verify?x=1");
      assertThat(check.header("Authorization")).isEqualTo("Bearer t");
      assertThat(check.header("X-Forwarded-Method")).isEqualTo("POST");
      assertThat(check.header("X-Forwarded-Uri")).isEqualTo("/page?q=2");
      assertThat(check.header("X-Forwarded-Proto")).isEqualTo("http");
      assertThat(check.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
      assertThat(check.header("X-Forwarded-Host")).isEqualTo(URI.create(g.url("/")).getAuthority());
      assertThat(check.body()).isEmpty();

      TestBackend.Seen forwarded = app.seen.getFirst();
      assertThat(forwarded.header("X-Auth-User")).isEqualTo("alice");
      assertThat(forwarded.header("X-Group-Admin")).isEqualTo("yes");
      assertThat(forwarded.header("X-Other")).isNull();
      assertThat(new String(forwarded.body())).isEqualTo("payload");

      auth.status(401);
      auth.responseHeaders.put("WWW-Authenticate", "Basic realm=\"x\"");
      HttpResponse<String> denied = g.send(HttpRequest.newBuilder(URI.create(g.url("/secret")))
          .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))));
      assertThat(denied.statusCode()).isEqualTo(401);
      assertThat(denied.body()).isEqualTo("denied by auth");
      assertThat(denied.headers().firstValue("www-authenticate")).hasValue("Basic realm=\"x\"");
      assertThat(app.hits()).isEqualTo(1);
      assertThat(g.get("/again").statusCode()).as("the connection and gateway still serve").isEqualTo(401);
    }
  }

  @Test
  void anHttpsAuthServerIsCalledWithItsCaAndAnUntrustedOneIsRefused() throws Exception {
    var ca = new io.cairn.gateway.tls.InternalCa(dir.resolve("auth-ca"));
    io.cairn.gateway.tls.CertifiedKey leaf = ca.issue("127.0.0.1");
    var ks = java.security.KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("auth", leaf.key(), new char[0], leaf.chain().toArray(new java.security.cert.Certificate[0]));
    var kmf = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, new char[0]);
    var ssl = javax.net.ssl.SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    var https = com.sun.net.httpserver.HttpsServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(ssl));
    https.createContext("/", ex -> {
      ex.getResponseHeaders().add("X-Auth-User", "carol");
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    https.start();
    String address = "https://127.0.0.1:" + https.getAddress().getPort();
    try (TestBackend app = new TestBackend("app")) {
      try (GatewayHarness g = new GatewayHarness(java.nio.file.Files.createDirectories(dir.resolve("trusted")),
          config(app, address).replace("addAuthCookiesToResponse: [session, a, b]", "addAuthCookiesToResponse: [session, a, b]\n"
              + "        headerField: X-Auth-User\n        tls: {ca: \"" + ca.rootCertificatePath() + "\"}"))) {
        HttpResponse<String> ok = g.get("/in");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("app");
        assertThat(app.seen.getFirst().header("X-Auth-User")).isEqualTo("carol");
      }
      try (GatewayHarness g = new GatewayHarness(java.nio.file.Files.createDirectories(dir.resolve("untrusted")),
          config(app, address))) {
        HttpResponse<String> refused = g.get("/in");
        assertThat(refused.statusCode()).as("the JDK's trust does not know the internal CA").isEqualTo(500);
        assertThat(app.hits()).isEqualTo(1);
      }
    } finally {
      https.stop(0);
    }
  }

  @Test
  void everySetCookieOfTheAuthServerReachesTheClientOnItsOwnLine() throws Exception {
    var authServer = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger(200);
    authServer.createContext("/", ex -> {
      ex.getResponseHeaders().add("Set-Cookie", "a=1; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT");
      ex.getResponseHeaders().add("Set-Cookie", "b=2; HttpOnly");
      ex.getResponseHeaders().add("Vary", "Cookie");
      ex.getResponseHeaders().add("Vary", "Accept");
      ex.sendResponseHeaders(status.get(), -1);
      ex.close();
    });
    authServer.start();
    try (TestBackend app = new TestBackend("app");
        GatewayHarness g = new GatewayHarness(dir, config(app, "http://127.0.0.1:" + authServer.getAddress().getPort()))) {
      HttpResponse<String> ok = g.get("/in");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().allValues("set-cookie"))
          .as("addAuthCookiesToResponse, through the proxied answer")
          .containsExactly("a=1; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT", "b=2; HttpOnly");

      status.set(403);
      HttpResponse<String> denied = g.get("/in");
      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(denied.headers().allValues("set-cookie"))
          .as("the auth server's own answer, which the gateway sends itself")
          .containsExactly("a=1; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT", "b=2; HttpOnly");
      assertThat(String.join(", ", denied.headers().allValues("vary"))).isEqualTo("Cookie, Accept");
    } finally {
      authServer.stop(0);
    }
  }

  @Test
  void forwardBodySendsTheBodyToTheAuthServerUpToMaxBodySize() throws Exception {
    try (TestBackend app = new TestBackend("app"); TestBackend auth = new TestBackend("")) {
      String yaml = config(app, auth.url()).replace("addAuthCookiesToResponse: [session, a, b]",
          "addAuthCookiesToResponse: [session, a, b]\n        forwardBody: true\n        maxBodySize: 10");
      try (GatewayHarness g = new GatewayHarness(dir, yaml)) {
        HttpResponse<String> ok = g.send(HttpRequest.newBuilder(URI.create(g.url("/in")))
            .POST(HttpRequest.BodyPublishers.ofString("0123456789")));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(new String(auth.seen.getFirst().body())).isEqualTo("0123456789");
        assertThat(auth.seen.getFirst().method()).isEqualTo("GET");
        assertThat(new String(app.seen.getFirst().body())).as("the service still gets the body").isEqualTo("0123456789");

        HttpResponse<String> tooLong = g.send(HttpRequest.newBuilder(URI.create(g.url("/in")))
            .POST(HttpRequest.BodyPublishers.ofString("0123456789A")));
        assertThat(tooLong.statusCode()).as("Traefik answers 401 over maxBodySize").isEqualTo(401);
        assertThat(tooLong.body()).isEmpty();
        assertThat(auth.seen).hasSize(1);
        assertThat(app.hits()).isEqualTo(1);

        HttpResponse<String> chunked = g.send(HttpRequest.newBuilder(URI.create(g.url("/in")))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                "x".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        assertThat(chunked.statusCode()).as("a chunked body found too long while read").isEqualTo(401);
        assertThat(g.get("/again").statusCode()).isEqualTo(200);
        assertThat(auth.seen.getLast().body()).isEmpty();
      }
    }
  }

  @Test
  void addAuthCookiesToResponseReplacesTheServicesCookiesOfTheListedNames() throws Exception {
    var authServer = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    authServer.createContext("/", ex -> {
      ex.getResponseHeaders().add("Set-Cookie", "session=new; Path=/");
      ex.getResponseHeaders().add("Set-Cookie", "unlisted=z");
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    authServer.start();
    var appServer = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    appServer.createContext("/", ex -> {
      ex.getResponseHeaders().add("Set-Cookie", "session=old");
      ex.getResponseHeaders().add("Set-Cookie", "theme=dark");
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    appServer.start();
    String yaml = """
        http:
          routers:
            all: {rule: "PathPrefix(`/`)", service: app, middlewares: [auth]}
          middlewares:
            auth:
              forwardAuth:
                address: "http://127.0.0.1:%d/"
                addAuthCookiesToResponse: [session]
          services:
            app:
              loadBalancer:
                servers: [{url: "http://127.0.0.1:%d"}]
        """.formatted(authServer.getAddress().getPort(), appServer.getAddress().getPort());
    try (GatewayHarness g = new GatewayHarness(dir, yaml)) {
      HttpResponse<String> r = g.get("/");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().allValues("set-cookie")).containsExactlyInAnyOrder("theme=dark", "session=new; Path=/");
    } finally {
      authServer.stop(0);
      appServer.stop(0);
    }
  }

  @Test
  void anUnreachableAuthServerAnswers500() throws Exception {
    try (TestBackend app = new TestBackend("app");
        GatewayHarness g = new GatewayHarness(dir, config(app, "http://127.0.0.1:1"))) {
      HttpResponse<String> r = g.get("/");
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body()).isEmpty();
      assertThat(app.hits()).isZero();
    }
  }
}
