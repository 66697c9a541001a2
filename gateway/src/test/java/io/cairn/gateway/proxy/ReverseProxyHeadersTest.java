package io.cairn.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** What the proxy sends upstream: hop-by-hop removal, forwarded headers, Host, framing. */
class ReverseProxyHeadersTest {
  private final ReverseProxy proxy = new ReverseProxy(ProxyOptions.defaults());

  private HttpRequest out(HttpRequest in, boolean tls, boolean passHost, boolean body) {
    return proxy.outboundHead(new ForwardRequest(in, URI.create("http://10.0.0.9:8080"), passHost,
        new InetSocketAddress("192.0.2.7", 5555), tls, false, body));
  }

  @Test
  void stripsHopByHopAndSetsForwardedHeaders() {
    HttpRequest in = new DefaultHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.POST, "/p?q=1");
    in.headers().add("Host", "example.com").add("Connection", "keep-alive, X-Secret")
        .add("X-Secret", "1").add("Keep-Alive", "300").add("Proxy-Authorization", "x")
        .add("TE", "trailers, deflate").add("Upgrade", "foo").add("X-Forwarded-For", "6.6.6.6")
        .add("X_Real_Ip", "6.6.6.6").add("Expect", "100-continue").add("Transfer-Encoding", "chunked");
    HttpRequest out = out(in, true, true, true);
    assertThat(out.protocolVersion()).isEqualTo(HttpVersion.HTTP_1_1);
    assertThat(out.uri()).isEqualTo("/p?q=1");
    assertThat(out.headers().names()).doesNotContain("X-Secret", "Keep-Alive",
        "Proxy-Authorization", "Upgrade", "X_Real_Ip", "Expect", "Connection");
    assertThat(out.headers().get("TE")).isEqualTo("trailers");
    assertThat(out.headers().get("Host")).isEqualTo("example.com");
    assertThat(out.headers().get("X-Forwarded-For")).isEqualTo("192.0.2.7");
    assertThat(out.headers().get("X-Real-Ip")).isEqualTo("192.0.2.7");
    assertThat(out.headers().get("X-Forwarded-Proto")).isEqualTo("https");
    assertThat(out.headers().get("X-Forwarded-Port")).isEqualTo("443");
    assertThat(out.headers().get("X-Forwarded-Host")).isEqualTo("example.com");
    assertThat(out.headers().get("Transfer-Encoding")).isEqualTo("chunked");
  }

  @Test
  void absoluteFormAndUpstreamHost() {
    HttpRequest in = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
        "http://other.example:81/x?y");
    in.headers().add("Host", "ignored.example").add("Upgrade", "websocket")
        .add("Connection", "Upgrade");
    HttpRequest passed = out(in, false, true, false);
    assertThat(passed.uri()).isEqualTo("/x?y");
    assertThat(passed.headers().get("Host")).isEqualTo("other.example:81");
    assertThat(passed.headers().get("X-Forwarded-Port")).isEqualTo("81");
    assertThat(passed.headers().get("X-Forwarded-Proto")).isEqualTo("ws");
    assertThat(passed.headers().contains("Transfer-Encoding")).isFalse();
    HttpRequest replaced = out(in, false, false, false);
    assertThat(replaced.headers().get("Host")).isEqualTo("10.0.0.9:8080");
  }
}
