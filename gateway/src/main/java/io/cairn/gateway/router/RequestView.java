package io.cairn.gateway.router;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * What a router rule may read of a request: exactly the inputs Traefik's matchers read, already
 * normalised the way Traefik normalises them before matching.
 *
 * <p>Contract for implementations (the server package adapts its HTTP request; {@link
 * BasicRequest} is a plain record for tests and other packages):
 *
 * <ul>
 *   <li>No method returns {@code null} except {@link #clientIp()}; "absent" is the empty string,
 *       the empty map or the empty list.
 *   <li>Every method is cheap and side-effect free; a matcher may call it several times.
 *   <li>An instance is used by one thread at a time; matchers keep no reference to it.
 * </ul>
 *
 * <p>The helpers {@link HostHeader#canonical}, {@link RoutingPath#of} and {@link GoQuery#parse}
 * turn raw request-line and header text into what these methods return.
 */
public interface RequestView {

  /** The request method exactly as received (case-sensitive: {@code get} is not {@code GET}). */
  String method();

  /**
   * The canonical host: the host of an absolute-form request target if there is one, else the
   * Host header (or {@code :authority}), trimmed, lower-cased, with the port
   * removed as Go's {@code net.SplitHostPort} removes it ({@code [::1]:80} gives {@code ::1}; an
   * address it cannot split, such as {@code 10::10} or {@code [::1]}, is kept whole). A trailing
   * dot is kept: the Host matcher handles it. Empty when the request has no host (HTTP/1.0).
   * See {@link HostHeader#canonical}.
   */
  String host();

  /**
   * The routing path: the escaped request path with percent-encoded <em>unreserved</em>
   * characters decoded and reserved ones ({@code %2F}, {@code %3F}, {@code %25}, …) kept encoded
   * (hex upper-cased), as Traefik's muxer builds it. See {@link RoutingPath#of}.
   */
  String path();

  /**
   * The query parameters as Go's {@code url.ParseQuery} yields them: keys and values
   * percent-decoded ({@code +} is a space), values in request order, pairs with bad escapes or a
   * {@code ;} in the key dropped, a key without {@code =} having the value {@code ""}. See {@link
   * GoQuery#parse}.
   */
  Map<String, List<String>> query();

  /**
   * All values of the header {@code name}, compared case-insensitively, in request order; the
   * empty list when absent.
   */
  List<String> headers(String name);

  /**
   * The IP address of the connection's remote peer, which is what Traefik's {@code ClientIP}
   * matcher reads ({@code X-Forwarded-For} is ignored); {@code null} when unknown or not an IP.
   */
  InetAddress clientIp();
}
