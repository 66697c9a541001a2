package io.cairn.gateway.runtime;

import io.cairn.gateway.config.StaticConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A {@link GatewayServer} with one entry point ({@code web} on 127.0.0.1, ephemeral port) and a
 * watched dynamic file, for end-to-end tests.
 */
final class GatewayHarness implements AutoCloseable {
  final Path dynamic;
  final GatewayServer server;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  GatewayHarness(Path dir, String dynamicYaml) throws Exception {
    dynamic = dir.resolve("dynamic.yml");
    Files.writeString(dynamic, dynamicYaml);
    String staticYaml = """
        entryPoints:
          web:
            address: "127.0.0.1:0"
        providers:
          file:
            filename: "%s"
            watch: true
        """.formatted(dynamic);
    server = new GatewayServer(StaticConfig.parse(staticYaml, dir.resolve("traefik.yml").toString()));
    server.start();
  }

  /** Rewrites the dynamic file (atomically, so the watcher never reads half a file). */
  void rewrite(String yaml) throws IOException {
    Path tmp = Files.createTempFile(dynamic.getParent(), "dyn", ".tmp");
    Files.writeString(tmp, yaml);
    Files.move(tmp, dynamic, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  String url(String path) {
    return server.endpoints().getFirst().url() + path;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.stop();
    client.close();
  }
}
