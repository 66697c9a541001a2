/**
 * Entry points: Netty servers that accept HTTP/1.1, h2c and TLS (h2 or http/1.1 by ALPN), check
 * requests strictly, route each head through a {@link io.cairn.gateway.server.RequestRouter} and
 * hand the exchange to a {@link io.cairn.gateway.proxy.Forwarder} (or answer it directly).
 *
 * <h2>Public API</h2>
 *
 * {@link io.cairn.gateway.server.EntryPoint} ({@code start}, {@code port}, {@code stop}), {@link
 * io.cairn.gateway.server.EntryPointOptions} (limits, TLS files), the routing seam {@link
 * io.cairn.gateway.server.RequestRouter} with {@link io.cairn.gateway.server.RequestHead} and the
 * sealed {@link io.cairn.gateway.server.Target} ({@code Proxy}, {@code Respond}, or {@code Stream}: a
 * body streamed from bytes and file ranges through an optional filter, for the file server), and {@link
 * io.cairn.gateway.server.StaticRouter} (everything to one upstream). Everything else is
 * package-private.
 *
 * <h2>Limits (defaults)</h2>
 *
 * <table>
 *   <caption>Entry point limits</caption>
 *   <tr><th>limit</th><th>default</th><th>answer</th><th>taken from</th></tr>
 *   <tr><td>request line</td><td>8 KiB</td><td>414</td><td>nginx
 *       {@code large_client_header_buffers 4 8k}</td></tr>
 *   <tr><td>request head (line + headers)</td><td>1 MiB</td><td>431</td><td>Go
 *       {@code http.DefaultMaxHeaderBytes}, Traefik's default</td></tr>
 *   <tr><td>request body</td><td>unlimited (0)</td><td>413</td><td>Traefik (limits live in the
 *       buffering middleware)</td></tr>
 *   <tr><td>read-header timeout</td><td>60 s</td><td>408, close</td><td>Traefik
 *       {@code respondingTimeouts.readTimeout}, nginx {@code client_header_timeout}</td></tr>
 *   <tr><td>idle keep-alive</td><td>180 s</td><td>close</td><td>Traefik
 *       {@code respondingTimeouts.idleTimeout}</td></tr>
 *   <tr><td>connections</td><td>65 536</td><td>closed on accept</td><td>(Traefik has none; bounded
 *       here so a flood cannot exhaust file descriptors)</td></tr>
 *   <tr><td>h2 concurrent streams</td><td>250</td><td>REFUSED_STREAM</td><td>Traefik
 *       {@code http2.maxConcurrentStreams}, Go's default</td></tr>
 *   <tr><td>grace period on stop</td><td>10 s</td><td>then close</td><td>Traefik
 *       {@code lifeCycle.graceTimeOut}</td></tr>
 *   <tr><td>chunk-size line</td><td>4 KiB</td><td>400</td><td>Go's chunked reader</td></tr>
 *   <tr><td>h2c upgrade request body</td><td>64 KiB</td><td>413</td><td>(Netty's aggregator)</td></tr>
 * </table>
 *
 * <h2>Strict HTTP/1 parsing (never forwarded when malformed)</h2>
 *
 * {@link io.cairn.gateway.server.StrictRequestDecoder} replaces Netty's lenient decoder. 400 and
 * close for: bare LF or CR, obs-fold, whitespace before a colon or before the first header, CTLs
 * in values, non-token methods or names, request targets with non-visible-ASCII bytes or not in
 * origin/absolute/asterisk form, versions other than HTTP/1.0 and HTTP/1.1 (no HTTP/0.9, RTSP,
 * ICE), missing or repeated Host on HTTP/1.1, invalid Host characters, more than one
 * Content-Length or one that is not 1-18 digits, Content-Length together with Transfer-Encoding,
 * Transfer-Encoding on HTTP/1.0 or not ending in {@code chunked}, chunk lines with BWS or bad
 * extensions, chunk data not followed by CRLF. 501 for CONNECT and for codings before {@code
 * chunked}; 417 for expectations other than {@code 100-continue}. Bodies are re-framed from what
 * was parsed. After a response with {@code Connection: close} nothing more is read. The llhttp
 * conformance test ({@code LlhttpConformanceTest}) runs all of llhttp's request cases in place
 * and lists the deliberate differences.
 *
 * <h2>Pipeline layout</h2>
 *
 * <pre>
 * cleartext: idle(IdleStateHandler) sniffer(PriorKnowledgeSniffer) -> one of
 *   HTTP/1: decoder(StrictRequestDecoder) encoder(HttpResponseEncoder) upgrade(h2c only) http1
 *   h2c:    h2(Http2FrameCodec) mux(Http2MultiplexHandler) h2control
 * TLS:       tls(SslHandler) idle alpn -> HTTP/1 (no upgrade) or h2 as above
 * ConnectionTls (certificates per handshake, package tls; TLS and cleartext on one port):
 *            detect(TlsDetector) idle -> a TLS record: tls(SniHandler, then SslHandler) idle alpn,
 *            anything else: idle sniffer as cleartext; RequestHead.tls() says which, per connection
 * h2 stream: Http2StreamFrameToHttpObjectCodec Http2StreamHandler
 * after a proxied 101 (proxy.Upgraded): HTTP/1 handlers replaced by the proxy's tunnel
 * </pre>
 *
 * A {@code Target.Stream} adds a {@code ChunkedWriteHandler} ({@code chunkedWriter}) right after
 * {@code http1} or {@code Http2StreamHandler} the first time one is written on that connection or
 * stream, so those handlers still see every piece and its framing ({@code StreamWriter}). One file
 * part on HTTP/1.1 cleartext without a filter goes out as a {@code DefaultFileRegion} (sendfile).
 *
 * Both HTTP/1 connections and HTTP/2 streams speak Netty's {@code HttpObject}s to the shared
 * {@link io.cairn.gateway.server.Dispatcher}, so the proxy has one code path for both. HTTP/3
 * streams (package {@code http3}) reuse the HTTP/2 stream handler through the public {@link
 * io.cairn.gateway.server.StreamDispatch}; {@code EntryPoint.advertiseAltSvc} then adds {@code
 * Alt-Svc} to this entry point's HTTP/1.1 and HTTP/2 responses.
 *
 * <h2>Threading</h2>
 *
 * One boss thread accepts; worker event loops (epoll when available, else NIO) own connections.
 * All per-connection state is touched only on its loop; nothing here blocks a loop: routers must
 * not block (see {@code RequestRouter}), upstream connections are opened on the client's loop.
 * {@code EntryPoint.stop} blocks the calling thread, never a loop.
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li>Own HTTP/1 request decoder rather than Netty's {@code HttpRequestDecoder}: strictness is
 *       the point (no smuggling), and malformed input becomes a {@code Rejection} message, not an
 *       exception.
 *   <li>Pipelining: requests run one at a time; later requests wait decoded in a queue with reads
 *       paused, so responses leave in order without buffering responses.
 *   <li>HTTP/1 response framing (chunked, close-delimited for HTTP/1.0, {@code Connection}) is set
 *       in one place, {@code Http1ServerHandler.write}, for every producer of responses.
 *   <li>The server answers {@code 100 Continue} itself when a proxied request expects it, and drops
 *       {@code Expect} upstream.
 *   <li>Any token is accepted as a method (as Go/Traefik do); {@code *} with any method (as Go).
 *   <li>The router sees a request before its body; a body that turns out malformed aborts the
 *       upstream exchange (the upstream connection is closed, never reused).
 * </ul>
 *
 * <h2>Not yet</h2>
 *
 * WebSocket over HTTP/2 (RFC 8441 extended CONNECT), body size limit on HTTP/2 streams, SNI
 * certificate selection.
 *
 * <h2>Observation</h2>
 *
 * The router's {@code observer()} is told about every finished exchange ({@code Observation}:
 * status, body bytes both ways, duration, TLS version and cipher, the router's {@code RouteFacts});
 * requests refused by the strict checks are reported too, without method or path.
 */
package io.cairn.gateway.server;
