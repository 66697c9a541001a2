/**
 * Traefik v3's {@code compress} middleware: {@code Accept-Encoding} negotiation and streaming
 * gzip, brotli and zstd encoders, applied through the {@link io.cairn.gateway.proxy.BodyFilter}
 * seam to proxied responses and to files the gateway serves.
 *
 * <h2>Parts</h2>
 *
 * {@link io.cairn.gateway.compress.Compression} (one middleware's policy: request and response
 * rules), {@link io.cairn.gateway.compress.AcceptEncoding} (negotiation), {@link
 * io.cairn.gateway.compress.Encoding} (codings and their levels), {@code CompressFilter} and
 * {@code StreamEncoder} (one compressed body), {@code MediaType} (Go's {@code ParseMediaType}).
 *
 * <h2>Rules (Traefik's)</h2>
 *
 * <ul>
 *   <li>Options: {@code encodings} (default {@code zstd, br, gzip}: the preference at equal
 *       weight), {@code defaultEncoding} (used without {@code Accept-Encoding} and for {@code *}),
 *       {@code excludedContentTypes} / {@code includedContentTypes} (mutually exclusive; {@code
 *       application/grpc} always excluded), {@code minResponseBodyBytes} (default 1024).
 *   <li>Not compressed: {@code HEAD}; requests whose {@code Content-Type} is excluded; no {@code
 *       Accept-Encoding} and no default; an empty {@code Accept-Encoding}; {@code identity} or
 *       nothing acceptable; responses with 1xx/204/304, an existing {@code Content-Encoding},
 *       an excluded, not included or unparsable {@code Content-Type}.
 *   <li>Compressed responses get {@code Content-Encoding}, lose {@code Content-Length}; {@code
 *       Vary: Accept-Encoding} is added whenever an encoding was negotiated.
 *   <li>Levels: gzip 6, brotli quality 6, zstd 3 (the Go libraries' defaults Traefik uses).
 * </ul>
 *
 * <h2>Decisions (differences from Traefik)</h2>
 *
 * <ul>
 *   <li>Size: Traefik buffers up to {@code minResponseBodyBytes} to decide. Here the decision is
 *       taken on the head: a known {@code Content-Length} below the minimum is not compressed; a
 *       body of unknown length is always compressed.
 *   <li>Ranges: a response with {@code Content-Range} (206) is not compressed, and {@code
 *       Accept-Ranges} is removed from compressed ones (Traefik compresses partial content).
 *   <li>Proxied bodies are flushed through the codec after every piece read from the upstream
 *       (streams such as server-sent events are not held back); files are not (better ratio).
 *   <li>Middleware answers of their own (redirects, 401, …) are not compressed.
 * </ul>
 *
 * <h2>Threading</h2>
 *
 * {@code Compression} is immutable and cached per configuration record; a filter belongs to one
 * response on one event loop and frees its native encoder when the body ends or is abandoned.
 */
package io.cairn.gateway.compress;
