/**
 * HTTP/3 over QUIC (RFC 9114) beside a TLS entry point, with Netty's {@code netty-codec-http3} on
 * the quiche-based {@code netty-codec-native-quic}.
 *
 * <h2>Parts</h2>
 *
 * <ul>
 *   <li>{@link io.cairn.gateway.http3.Http3EntryPoint}: the UDP listener ({@code start}, {@code
 *       beside} a TCP {@code server.EntryPoint}, {@code port}, {@code stop}).
 *   <li>{@link io.cairn.gateway.http3.QuicTls}: the QUIC TLS context, from PEM files or per-SNI
 *       from a {@code tls.CertificateSource}.
 *   <li>{@link io.cairn.gateway.http3.AltSvc}: the advertisement, Traefik's {@code h3=":443";
 *       ma=2592000}.
 *   <li>{@code Http3Settings} (limits to transport parameters and SETTINGS), {@code
 *       ConnectionControl} (per connection: connection limit, stream count, GOAWAY), {@code
 *       RequestAdapter} (per request stream: header cleanup, limits, body-or-not).
 * </ul>
 *
 * <h2>Request path</h2>
 *
 * <pre>
 * udp: QuicServerCodec -> per connection: Http3ServerConnectionHandler ConnectionControl
 * request stream: (Netty: frame codec, validation) Http3FrameToHttpObjectCodec RequestAdapter
 *                 server.StreamDispatch handler (the HTTP/2 stream handler)
 * </pre>
 *
 * Requests reach the same {@code RequestRouter} and {@code Target}s as HTTP/1.1 and HTTP/2 (the
 * router sees protocol {@code HTTP/3.0}, {@code tls} true, the UDP peer as remote address) and are
 * proxied by the same {@code Forwarder} to HTTP/1.1 upstreams, streaming both ways. Backpressure:
 * the proxy pauses reading the stream (QUIC then stops extending the peer's flow-control window)
 * and follows the stream's writability.
 *
 * <h2>Limits (defaults come from the entry point's options)</h2>
 *
 * <table>
 *   <caption>HTTP/3 limits</caption>
 *   <tr><th>limit</th><th>default</th><th>answer</th></tr>
 *   <tr><td>request head</td><td>1 MiB ({@code maxHeaderBytes})</td><td>431; above twice that
 *       (the advertised SETTINGS_MAX_FIELD_SECTION_SIZE) Netty's QPACK decoder fails with
 *       H3_EXCESSIVE_LOAD</td></tr>
 *   <tr><td>request body</td><td>unlimited ({@code maxBodyBytes} 0)</td><td>413, or the stream
 *       reset with H3_REQUEST_CANCELLED once a response started</td></tr>
 *   <tr><td>concurrent request streams</td><td>250 ({@code maxConcurrentStreams})</td><td>QUIC
 *       {@code initial_max_streams_bidi}: the client waits for credit</td></tr>
 *   <tr><td>idle connection</td><td>180 s ({@code idleTimeout})</td><td>QUIC idle timeout</td></tr>
 *   <tr><td>connections</td><td>65 536 ({@code maxConnections})</td><td>closed with
 *       H3_EXCESSIVE_LOAD</td></tr>
 *   <tr><td>flow-control windows</td><td>1 MiB per stream, 16 MiB per connection</td><td></td></tr>
 *   <tr><td>grace on stop</td><td>10 s ({@code graceTimeout})</td><td>then closed</td></tr>
 * </table>
 *
 * Malformed frames, pseudo-headers or QPACK are answered by Netty's codec with the stream or
 * connection errors RFC 9114 prescribes (H3_MESSAGE_ERROR, H3_FRAME_UNEXPECTED, ...); nothing here
 * sees them.
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li>Like Traefik: HTTP/3 only on a TLS entry point, on its port number over UDP, advertised on
 *       its HTTP/1.1 and HTTP/2 responses by {@code Alt-Svc} with {@code http3.advertisedPort}
 *       (or the port itself); HTTP/3 responses carry no Alt-Svc.
 *   <li>A request's head is held until the stream shows whether a body follows (a FIN before any
 *       DATA means none), at most until the end of the current read; so a GET is forwarded
 *       without a body and a streaming upload starts at once.
 *   <li>No Retry/address validation round trip (quic-go's default too); QPACK dynamic table off
 *       (static table and literals only: less state per connection, nothing blocks on it).
 *   <li>Stop: GOAWAY naming the first unserved stream, later streams refused with
 *       H3_REQUEST_REJECTED, each connection closed (H3_NO_ERROR) when its last stream ends.
 *   <li>Certificates: {@code QuicTls.fromFiles} today; {@code QuicTls.fromSource} is the seam
 *       for the tls package's per-SNI {@code CertificateSource} (one context per {@code
 *       CertifiedKey}, built on first use).
 * </ul>
 *
 * <h2>Threading</h2>
 *
 * One event loop (one UDP socket) per HTTP/3 listener carries every QUIC connection, its streams
 * and their upstream connections; {@code stop} blocks the caller, never a loop.
 *
 * <h2>Not yet</h2>
 *
 * Several UDP sockets with SO_REUSEPORT ({@code QuicCodecDispatcher}) for more than one loop,
 * 0-RTT, server push, extended CONNECT / WebTransport, HTTP/3 upstreams, a curl end-to-end test
 * (the installed curl 7.88.1 is built without HTTP/3).
 */
package io.cairn.gateway.http3;
