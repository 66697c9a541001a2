package io.cairn.gateway.http3;

/**
 * The {@code Alt-Svc} header value that advertises HTTP/3 on a TLS entry point, in the form
 * Traefik sends (through quic-go's {@code SetQUICHeaders}): {@code h3=":443"; ma=2592000}, 30 days.
 */
public final class AltSvc {
  /** {@code ma}: how long clients may remember the alternative, in seconds (30 days). */
  public static final long MAX_AGE_SECONDS = 2_592_000;

  private AltSvc() {}

  /** The header value for HTTP/3 on {@code port} (1..65535). */
  public static String value(int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("HTTP/3 port is " + port + "; expected 1..65535");
    }
    return "h3=\":" + port + "\"; ma=" + MAX_AGE_SECONDS;
  }
}
