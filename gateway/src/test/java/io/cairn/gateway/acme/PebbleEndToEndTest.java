package io.cairn.gateway.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cairn.gateway.acme.testca.AcmeTesting;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.runtime.GatewayServer;
import io.cairn.gateway.tls.Cli;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway against the real Pebble (Let's Encrypt's ACME test server, Debian {@code pebble}),
 * with {@code pebble-challtestsrv} as its DNS answering 127.0.0.1 for every name: HTTP-01 and
 * TLS-ALPN-01 orders validated by Pebble against the gateway's entry points, and the chain Pebble
 * issued verified by curl against Pebble's root. Pebble missing fails the test.
 */
class PebbleEndToEndTest {
  @TempDir Path dir;

  private final List<Process> processes = new ArrayList<>();
  private HttpServer backend;
  private GatewayServer gateway;

  @AfterEach
  void stop() throws Exception {
    if (gateway != null) {
      gateway.stop();
    }
    if (backend != null) {
      backend.stop(0);
    }
    for (Process p : processes) {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void pebbleIssuesCertificatesThroughBothChallengesAndCurlVerifiesTheChain() throws Exception {
    int web = AcmeTesting.freePort();
    int websecure = AcmeTesting.freePort();
    int acmePort = AcmeTesting.freePort();
    int management = AcmeTesting.freePort();
    int dns = freeUdpPort();
    int dnsManagement = AcmeTesting.freePort();
    Path cert = dir.resolve("pebble-cert.pem");
    Path key = dir.resolve("pebble-key.pem");
    Cli.Result openssl = Cli.run("", "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
        "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj", "/CN=localhost", "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.toString(), "-out", cert.toString());
    assertThat(openssl.exit()).as(openssl.err()).isZero();
    Path config = dir.resolve("pebble.json");
    Files.writeString(config, """
        {"pebble": {"listenAddress": "127.0.0.1:%d", "managementListenAddress": "127.0.0.1:%d",
          "certificate": "%s", "privateKey": "%s", "httpPort": %d, "tlsPort": %d,
          "ocspResponderURL": "", "externalAccountBindingRequired": false}}
        """.formatted(acmePort, management, cert, key, web, websecure));
    start(Map.of(), "pebble-challtestsrv", "-defaultIPv4", "127.0.0.1", "-defaultIPv6", "",
        "-dns01", "127.0.0.1:" + dns, "-http01", "", "-https01", "", "-tlsalpn01", "",
        "-management", "127.0.0.1:" + dnsManagement);
    start(Map.of("PEBBLE_VA_NOSLEEP", "1", "PEBBLE_WFE_NONCEREJECT", "0"),
        "pebble", "-config", config.toString(), "-dnsserver", "127.0.0.1:" + dns);
    awaitPort(acmePort);

    backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    backend.createContext("/", ex -> {
      byte[] body = ("backend " + ex.getRequestHeaders().getFirst("Host")).getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    backend.start();
    Path dynamic = dir.resolve("dynamic.yml");
    Files.writeString(dynamic, """
        http:
          routers:
            one:
              rule: "Host(`one.cairn.example`)"
              service: backend
              tls: {certResolver: pebblehttp}
            two:
              rule: "Host(`two.cairn.example`)"
              service: backend
              tls: {certResolver: pebblealpn}
          services:
            backend:
              loadBalancer:
                servers:
                  - url: http://127.0.0.1:%d
        """.formatted(backend.getAddress().getPort()));
    String resolvers = "";
    for (String[] r : new String[][] {{"pebblehttp", "httpChallenge: {entryPoint: web}"}, {"pebblealpn", "tlsChallenge: {}"}}) {
      resolvers += """
            %s:
              acme:
                email: ops@cairn.example
                storage: "%s"
                caServer: "https://127.0.0.1:%d/dir"
                caCertificates: ["%s"]
                keyType: EC256
                %s
          """.formatted(r[0], dir.resolve("acme.json"), acmePort, cert, r[1]).indent(2);
    }
    StaticConfig staticConfig = StaticConfig.parse("""
        entryPoints:
          web: {address: "127.0.0.1:%d"}
          websecure: {address: "127.0.0.1:%d"}
        providers:
          file: {filename: "%s"}
        certificatesResolvers:
        %s""".formatted(web, websecure, dynamic, resolvers), "traefik.yml");
    gateway = new GatewayServer(staticConfig, dir.resolve("pki"),
        AcmeTesting.quickOptions(Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(2)));
    gateway.start();

    Cli.Result root = Cli.curl("--cacert", cert.toString(), "https://127.0.0.1:" + management + "/roots/0");
    assertThat(root.exit()).as(root.err()).isZero();
    Path rootPem = dir.resolve("pebble-root.pem");
    Files.writeString(rootPem, root.out());
    for (String host : List.of("one.cairn.example", "two.cairn.example")) {
      Cli.Result r = awaitTrusted(host, websecure, rootPem);
      assertThat(r.out()).isEqualTo("backend " + host + ":" + websecure);
      assertThat(r.err()).contains("issuer: CN=Pebble Intermediate CA");
    }
  }

  private void start(Map<String, String> env, String... command) throws Exception {
    boolean found = false;
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      found |= Files.isExecutable(Path.of(d, command[0]));
    }
    assertThat(found).as(command[0] + " must be installed (apt-get install pebble)").isTrue();
    var pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(command[0] + ".log").toFile());
    pb.environment().putAll(env);
    processes.add(pb.start());
  }

  private Cli.Result awaitTrusted(String host, int port, Path ca) throws Exception {
    try {
      return AcmeTesting.awaitTrusted(host, port, ca, Duration.ofSeconds(90));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\npebble log:\n" + Files.readString(dir.resolve("pebble.log")), e);
    }
  }

  private static void awaitPort(int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try (var s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("pebble did not listen on " + port + " within 20 s");
  }


  private static int freeUdpPort() throws Exception {
    try (var s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
