package io.cairn.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.runtime.GatewayServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routers' own {@code tls.options}, chosen by the SNI as Traefik does: {@code modern.test}'s router
 * asks for TLS 1.3 only, {@code old.test}'s for the default options, and {@code both.test} is
 * claimed by two routers with different options so it falls back to the default; checked with curl.
 */
class RouterTlsOptionsEndToEndTest {
  @TempDir static Path dir;

  private static HttpServer backend;
  private static GatewayServer gateway;
  private static int port;
  private static Path caPem;

  @BeforeAll
  static void start() throws Exception {
    backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    backend.createContext("/", ex -> {
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    backend.start();
    Path dynamic = dir.resolve("dynamic.yml");
    Files.writeString(dynamic, """
        http:
          routers:
            modern:
              rule: "Host(`modern.test`)"
              service: backend
              tls: {options: modern}
            old:
              rule: "Host(`old.test`)"
              service: backend
              tls: {}
            both1:
              rule: "Host(`both.test`) && Path(`/a`)"
              service: backend
              tls: {options: modern@file}
            both2:
              rule: "Host(`both.test`)"
              service: backend
              tls: {}
          services:
            backend:
              loadBalancer:
                servers:
                  - url: http://127.0.0.1:%d
        tls:
          options:
            modern:
              minVersion: VersionTLS13
        """.formatted(backend.getAddress().getPort()));
    gateway = new GatewayServer(StaticConfig.fromArgs(List.of(
        "--entryPoints.websecure.address=127.0.0.1:0",
        "--providers.file.filename=" + dynamic)), dir.resolve("pki"));
    gateway.start();
    port = URI.create(gateway.endpoints().getFirst().url()).getPort();
    gateway.tls().orElseThrow().internalCa().root(); // writes the root file
    caPem = gateway.tls().orElseThrow().internalCa().rootCertificatePath();
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.stop();
    }
    if (backend != null) {
      backend.stop(0);
    }
  }

  private static Cli.Result curl(String host, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--resolve", host + ":" + port + ":127.0.0.1",
        "--cacert", caPem.toString()));
    args.addAll(List.of(extra));
    args.add("https://" + host + ":" + port + "/");
    return Cli.curl(args.toArray(String[]::new));
  }

  @Test
  void theRoutersOptionsApplyToItsHostOnly() throws Exception {
    Cli.Result modern12 = curl("modern.test", "--tls-max", "1.2");
    assertThat(modern12.exit()).as(modern12.err()).isEqualTo(35);
    Cli.Result modern13 = curl("modern.test", "--tlsv1.3");
    assertThat(modern13.exit()).as(modern13.err()).isZero();
    assertThat(modern13.out()).isEqualTo("ok");
    Cli.Result old12 = curl("old.test", "--tls-max", "1.2");
    assertThat(old12.exit()).as(old12.err()).isZero();
  }

  @Test
  void aHostClaimedWithDifferentOptionsGetsTheDefault() throws Exception {
    Cli.Result both12 = curl("both.test", "--tls-max", "1.2");
    assertThat(both12.exit()).as(both12.err()).isZero();
  }
}
