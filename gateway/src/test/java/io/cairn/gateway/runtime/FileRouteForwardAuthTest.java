package io.cairn.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forwardAuth} in front of a {@code fileServer} service: the auth server is asked before a
 * file is served (before, file routes skipped it), its refusal is the answer, and its cookies reach
 * the client each on its own header line, as on proxied answers (cookies cannot be joined with
 * commas).
 */
class FileRouteForwardAuthTest {
  @TempDir
  Path dir;

  @Test
  void theAuthServerIsAskedBeforeAFileIsServedAndItsCookiesAreSeparateLines() throws Exception {
    Path root = Files.createDirectories(dir.resolve("www"));
    Files.writeString(root.resolve("index.html"), "hello\n");
    HttpServer auth = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger status = new AtomicInteger(200);
    AtomicInteger asked = new AtomicInteger();
    auth.createContext("/", ex -> {
      asked.incrementAndGet();
      ex.getResponseHeaders().add("Set-Cookie", "a=1; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT");
      ex.getResponseHeaders().add("Set-Cookie", "b=2; HttpOnly");
      byte[] body = status.get() == 200 ? new byte[0] : "go away".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status.get(), body.length == 0 ? -1 : body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    auth.start();
    String yaml = """
        http:
          routers:
            all:
              rule: "PathPrefix(`/`)"
              service: files
              middlewares: [auth]
          middlewares:
            auth:
              forwardAuth:
                address: "http://127.0.0.1:%d/verify"
                addAuthCookiesToResponse: [session, a, b]
          services:
            files:
              fileServer: {root: "%s"}
        """.formatted(auth.getAddress().getPort(), root);
    try (GatewayHarness g = new GatewayHarness(dir, yaml)) {
      HttpResponse<String> r = g.get("/index.html");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("hello\n");
      assertThat(r.headers().allValues("set-cookie"))
          .containsExactly("a=1; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT", "b=2; HttpOnly");
      assertThat(asked).hasValue(1);

      status.set(401);
      HttpResponse<String> denied = g.get("/index.html");
      assertThat(denied.statusCode()).isEqualTo(401);
      assertThat(denied.body()).isEqualTo("go away");
      assertThat(denied.headers().allValues("set-cookie")).hasSize(2);
      assertThat(asked).hasValue(2);
      assertThat(g.get("/index.html").statusCode()).as("the connection and gateway still serve").isEqualTo(401);
    } finally {
      auth.stop(0);
    }
  }
}
