package io.cairn.gateway.acme.testca;

import io.cairn.gateway.acme.AcmeOptions;
import io.cairn.gateway.acme.Backoff;
import io.cairn.gateway.acme.CaTrust;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.tls.Cli;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/** What the gateway-level ACME tests share: quick resolver options, free ports, waiting for a trusted certificate. */
public final class AcmeTesting {
  private AcmeTesting() {}

  /**
   * Resolver options trusting the resolver's {@code caCertificates}, with CA calls bounded by
   * {@code timeout} and failed attempts retried after {@code firstRetry} doubling up to {@code
   * lastRetry}.
   */
  public static Function<StaticConfig.Acme, AcmeOptions> quickOptions(Duration timeout, Duration firstRetry,
      Duration lastRetry) {
    return a -> CaTrust.of(a.caCertificates(), false, Map.of()).map(AcmeOptions.DEFAULTS::withCaTrust).orElseThrow()
        .withTimeout(timeout)
        .withBackoff(new Backoff(firstRetry, lastRetry));
  }

  /** A TCP port free on 127.0.0.1 now. */
  public static int freePort() throws Exception {
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * curl's {@code -v} answer from {@code https://host:port/} once the certificate presented for
   * {@code host} verifies against {@code ca}; fails after {@code limit}.
   */
  public static Cli.Result awaitTrusted(String host, int port, Path ca, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    Cli.Result r;
    do {
      r = Cli.curl("-v", "--cacert", ca.toString(), "--resolve", host + ":" + port + ":127.0.0.1",
          "https://" + host + ":" + port + "/");
      if (r.exit() == 0) {
        return r;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no trusted certificate for " + host + " on port " + port + " within " + limit
        + "; last curl: " + r);
  }
}
