package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn gateway} end to end with the real {@code curl}: Traefik flags and a watched file
 * provider, routers by host and path, a weighted load balancer with sticky cookies and an active
 * health check, a hot reload (valid and invalid), h2c, the short form, and {@code validate}.
 */
class GatewayIT {
  @TempDir Path dir;
  private final List<HttpServer> backends = new ArrayList<>();
  private final Map<String, AtomicInteger> health = new ConcurrentHashMap<>();
  private final Map<String, String> lastForwardedFor = new ConcurrentHashMap<>();
  private final Map<String, String> lastCustom = new ConcurrentHashMap<>();
  private Peers peers;

  @BeforeEach
  void setUp() {
    peers = new Peers(dir);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    peers.close();
    backends.forEach(b -> b.stop(0));
  }

  /** A backend that answers {@code <name> <path>} and a /health endpoint whose status a test sets. */
  private int backend(String name) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    AtomicInteger status = new AtomicInteger(200);
    health.put(name, status);
    s.createContext("/", ex -> {
      byte[] body;
      int code = 200;
      if (ex.getRequestURI().getPath().equals("/health")) {
        code = status.get();
        body = "health\n".getBytes(StandardCharsets.UTF_8);
      } else {
        lastForwardedFor.put(name, String.valueOf(ex.getRequestHeaders().getFirst("X-Forwarded-For")) + " "
            + ex.getRequestHeaders().getFirst("X-Forwarded-Host"));
        lastCustom.put(name, ex.getRequestHeaders().getFirst("X-Custom") + " " + ex.getRequestHeaders().getFirst("X-Forwarded-Prefix")
            + " " + ex.getRequestHeaders().getFirst("Authorization"));
        body = (name + " " + ex.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8);
      }
      ex.sendResponseHeaders(code, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    s.start();
    backends.add(s);
    return s.getAddress().getPort();
  }

  /** Runs curl with a bounded time; returns its stdout (the body, then the status on the last line). */
  private static String curl(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("curl", "-s", "--max-time", "10", "-w", "\n%{http_code}"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("curl finished").isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    boolean met;
    while (!(met = condition.getAsBoolean()) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(met).as(what).isTrue(); // evaluated once more would change the balancer's turn
  }

  private static boolean answers(String url, String expected, String... curlArgs) {
    try {
      List<String> args = new ArrayList<>(List.of(curlArgs));
      args.add(url);
      return curl(args.toArray(String[]::new)).contains(expected);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static String dynamic(int a, int b, String healthPath) {
    return """
        http:
          routers:
            api:
              rule: "Host(`example.com`) && PathPrefix(`/api`)"
              service: app
          services:
            app:
              loadBalancer:
                sticky:
                  cookie:
                    name: lb
                servers:
                  - url: "http://127.0.0.1:%d"
                  - url: "http://127.0.0.1:%d"
                healthCheck:
                  path: %s
                  interval: 200ms
                  timeout: 1s
        """.formatted(a, b, healthPath);
  }

  @Test
  void routesBalancesSticksChecksHealthAndReloads() throws Exception {
    int a = backend("alpha");
    int b = backend("beta");
    Path file = dir.resolve("dynamic.yml");
    Files.writeString(file, dynamic(a, b, "/health"));
    int port = Peers.freePort();
    String url = "http://127.0.0.1:" + port;
    peers.cairn("gateway", "--entryPoints.web.address=127.0.0.1:" + port,
        "--providers.file.filename=" + file, "--providers.file.watch");
    await(() -> peers.status(url + "/") == 404, "the gateway answers 404 for an unrouted request");

    assertThat(curl(url + "/nothing")).isEqualTo("404 page not found\n\n404");
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      seen.add(curl("-H", "Host: example.com", url + "/api/users?x=1").split("\n")[0]);
    }
    assertThat(seen).containsExactly("alpha /api/users?x=1", "beta /api/users?x=1", "alpha /api/users?x=1", "beta /api/users?x=1");
    assertThat(lastForwardedFor.get("alpha")).isEqualTo("127.0.0.1 example.com");

    // sticky: the cookie from the first answer keeps the client on its server
    Path jar = dir.resolve("cookies");
    String first = curl("-c", jar.toString(), "-H", "Host: example.com", url + "/api/s").split("\n")[0];
    for (int i = 0; i < 3; i++) {
      assertThat(curl("-b", jar.toString(), "-H", "Host: example.com", url + "/api/s").split("\n")[0]).isEqualTo(first);
    }
    assertThat(Files.readString(jar)).contains("\tlb\t");

    // HTTP/2 with prior knowledge through the gateway
    assertThat(curl("--http2-prior-knowledge", "-H", "Host: example.com", url + "/api/h2")).endsWith("200");

    // the health check takes beta out, then puts it back
    health.get("beta").set(503);
    await(() -> {
      try {
        for (int i = 0; i < 4; i++) {
          if (!curl("-H", "Host: example.com", url + "/api/x").startsWith("alpha")) {
            return false;
          }
        }
        return true;
      } catch (Exception e) {
        return false;
      }
    }, "only alpha answers while beta fails its health check");
    health.get("beta").set(200);
    await(() -> answers(url + "/api/back", "beta /api/back", "-H", "Host: example.com"), "beta comes back");

    // an invalid reload is refused and the old routes keep serving
    Files.writeString(file, "http:\n  routers:\n    api:\n      rule: \"Host(`example.com`\"\n      service: app\n");
    Thread.sleep(1500);
    assertThat(curl("-H", "Host: example.com", url + "/api/still")).endsWith("200");
    // a valid reload moves the router to a new host
    Files.writeString(file, dynamic(a, b, "/health").replace("example.com", "new.example"));
    await(() -> answers(url + "/api/moved", "/api/moved", "-H", "Host: new.example"), "the reloaded router serves new.example");
    assertThat(curl("-H", "Host: example.com", url + "/api/old")).endsWith("404");
  }

  @Test
  void noServerUpAnswers503AndTheShortFormProxiesEverything() throws Exception {
    int a = backend("alpha");
    int dead = Peers.freePort();
    Path file = dir.resolve("dynamic.yml");
    Files.writeString(file, """
        http:
          routers:
            r:
              rule: "PathPrefix(`/`)"
              service: s
          services:
            s:
              loadBalancer:
                servers: [{url: "http://127.0.0.1:%d"}]
                healthCheck: {path: /health, interval: 200ms, timeout: 500ms}
        """.formatted(dead));
    int port = Peers.freePort();
    String url = "http://127.0.0.1:" + port;
    peers.cairn("gateway", "--entryPoints.web.address=127.0.0.1:" + port, "--providers.file.filename=" + file);
    await(() -> answers(url + "/x", "no available server\n\n503"), "503 once the only server is down");

    int short_ = Peers.freePort();
    peers.cairn("gateway", "--from", "127.0.0.1:" + short_, "--to", "127.0.0.1:" + a);
    await(() -> answers("http://127.0.0.1:" + short_ + "/any/path", "alpha /any/path"), "the short form proxies");
  }

  @Test
  void middlewaresRewriteAuthenticateRedirectAndEditHeaders() throws Exception {
    int a = backend("alpha");
    Path file = dir.resolve("dynamic.yml");
    Files.writeString(file, """
        http:
          routers:
            api:
              rule: "PathPrefix(`/mw`)"
              service: s
              middlewares: [auth, strip, hdr]
            secure:
              rule: "PathPrefix(`/secure`)"
              service: s
              middlewares: [tohttps]
            inside:
              rule: "PathPrefix(`/inside`)"
              service: s
              middlewares: [office]
            prefixed:
              rule: "PathPrefix(`/pre`)"
              service: withpath
          middlewares:
            auth:
              basicAuth:
                users: ["test:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/"]
                removeHeader: true
            strip:
              stripPrefix: {prefixes: [/mw]}
            hdr:
              headers:
                customRequestHeaders: {X-Custom: "from-gateway"}
                customResponseHeaders: {X-Served-By: "cairn"}
            tohttps:
              redirectScheme: {scheme: https, permanent: true}
            office:
              ipAllowList:
                sourceRange: [10.1.0.0/16]
                ipStrategy: {depth: 1}
          services:
            s:
              loadBalancer:
                servers: [{url: "http://127.0.0.1:%d/ignored"}]
            withpath:
              loadBalancer:
                servers: [{url: "http://127.0.0.1:%d/base", preservePath: true}]
        """.formatted(a, a));
    int port = Peers.freePort();
    String url = "http://127.0.0.1:" + port;
    peers.cairn("gateway", "--entryPoints.web.address=127.0.0.1:" + port, "--providers.file.filename=" + file);
    await(() -> peers.status(url + "/") == 404, "the gateway is up");

    String denied = curl("-i", url + "/mw/x");
    assertThat(denied).startsWith("HTTP/1.1 401").contains("WWW-Authenticate: Basic realm=\"traefik\"").endsWith("401 Unauthorized\n\n401");
    String ok = curl("-i", "-u", "test:test", url + "/mw/users?id=7");
    assertThat(ok).contains("X-Served-By: cairn").contains("alpha /users?id=7").endsWith("200");
    assertThat(lastCustom.get("alpha")).isEqualTo("from-gateway /mw null");
    String redirect = curl("-i", "-H", "Host: example.com", url + "/secure/page");
    assertThat(redirect).startsWith("HTTP/1.1 301").contains("Location: https://example.com/secure/page");
    // a client's own X-Forwarded-For is not believed: the allow list sees no forwarded address
    assertThat(curl("-H", "X-Forwarded-For: 10.1.2.3", url + "/inside")).isEqualTo("Forbidden\n403");
    // the server URL's path is used only with preservePath, as Traefik v3
    assertThat(curl(url + "/pre/x")).startsWith("alpha /base/pre/x");
  }

  @Test
  void validateNamesTheFileTheKeyAndTheProblem() throws Exception {
    Path good = dir.resolve("good.yml");
    Files.writeString(good, dynamic(1, 2, "/health"));
    Path bad = dir.resolve("bad.toml");
    Files.writeString(bad, """
        [http.routers.r]
        rule = "Hots(`x`)"
        service = "missing"
        """);
    CairnProcess ok = peers.cairn("gateway", "validate", good.toString());
    assertThat(ok.awaitExit(Duration.ofSeconds(60))).isZero();
    CairnProcess ko = peers.cairn("gateway", "validate", bad.toString());
    assertThat(ko.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
    assertThat(String.join("\n", ko.err))
        .contains(bad + ": http.routers.r.rule:")
        .contains("Hots")
        .contains(bad + ": http.routers.r.service:");
  }
}
