package io.cairn.gateway.server;

import io.cairn.gateway.observe.ExchangeObserver;
import io.cairn.gateway.observe.ExchangeRecord;
import io.cairn.gateway.observe.RouteFacts;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Instant;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one exchange's {@link ExchangeObserver} will be told: counts the body bytes both ways, sees
 * the status written, and hands over one {@link ExchangeRecord} when the response's last piece is
 * written, or when the connection (or HTTP/2 stream) ends first (then 499, nginx's and Traefik's
 * code for a client that went away, unless a status was already written). Loop-confined.
 */
final class Observation {
  private static final Logger log = LoggerFactory.getLogger(Observation.class);

  final RouteFacts facts = new RouteFacts();
  private final ExchangeObserver observer;
  private final RequestHead head;
  private final String[] tls;
  private final long sequence = ExchangeRecord.nextSequence();
  private final Instant start = Instant.now();
  private final long startNanos = System.nanoTime();
  /** Set when the request went to a Proxy target: the status written is the origin's. */
  boolean proxied;
  private int status;
  private long requestBytes;
  private long responseBytes;
  private boolean done;

  Observation(ExchangeObserver observer, RequestHead head, Channel client) {
    this.observer = observer;
    this.head = head;
    this.tls = tls(client);
  }

  /** A request body piece arrived (counted before it is forwarded or dropped). */
  void read(HttpContent c) {
    requestBytes += c.content().readableBytes();
  }

  /** A response message is being written to the client. */
  void written(Object msg) {
    if (done) {
      return;
    }
    if (msg instanceof HttpResponse r && (r.status().codeClass() != HttpStatusClass.INFORMATIONAL
        || r.status().code() == 101)) {
      status = r.status().code(); // 101: a WebSocket, reported when the connection ends
    }
    if (msg instanceof HttpContent c) {
      responseBytes += c.content().readableBytes();
    }
    if (msg instanceof LastHttpContent && status != 0 && status != 101) {
      finish(status);
    }
  }

  /** The connection or stream ended; reports the exchange if its response never completed. */
  void ended() {
    if (!done) {
      finish(status == 0 ? 499 : status);
    }
  }

  private void finish(int code) {
    done = true;
    int origin = proxied ? code : 0;
    report(observer, new ExchangeRecord(sequence, start, System.nanoTime() - startNanos, head.entryPoint(),
        head.protocol(), head.method(), head.uri(), head.host(), goAddr(head.remoteAddress()), tls[0], tls[1],
        head.headers(), code, requestBytes, responseBytes, origin, proxied ? responseBytes : 0, facts.router(),
        facts.service(), facts.serviceUrl(), facts.user(), facts.retryAttempts()));
  }

  /** Reports a request the server refused before routing it (400, 408, 414, 431, 501). */
  static void refused(ExchangeObserver observer, String entryPoint, Channel client, InetSocketAddress remote, int status) {
    String[] tls = tls(client);
    report(observer, new ExchangeRecord(ExchangeRecord.nextSequence(), Instant.now(), 0, entryPoint, "-", "-", "-", "",
        goAddr(remote), tls[0], tls[1], EmptyHttpHeaders.INSTANCE, status, 0, 0, 0, 0, "", "", "", "", 0));
  }

  private static void report(ExchangeObserver observer, ExchangeRecord record) {
    try {
      observer.finished(record);
    } catch (RuntimeException e) {
      log.warn("exchange observer failed: {}", e.toString());
    }
  }

  /** {@code ip:port} as Go's {@code RemoteAddr}, IPv6 in brackets. */
  static String goAddr(InetSocketAddress a) {
    String ip = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
    return (a.getAddress() instanceof Inet6Address ? "[" + ip + "]" : ip) + ":" + a.getPort();
  }

  /** TLS version ({@code 1.3}) and cipher suite of the connection, empty strings over cleartext. */
  private static String[] tls(Channel ch) {
    SslHandler ssl = ch.pipeline().get(SslHandler.class);
    if (ssl == null && ch.parent() != null) {
      ssl = ch.parent().pipeline().get(SslHandler.class);
    }
    if (ssl == null) {
      return new String[] {"", ""};
    }
    SSLSession s = ssl.engine().getSession();
    String p = s.getProtocol() == null ? "" : s.getProtocol();
    return new String[] {p.startsWith("TLSv") ? p.substring(4) : p, s.getCipherSuite() == null ? "" : s.getCipherSuite()};
  }
}
