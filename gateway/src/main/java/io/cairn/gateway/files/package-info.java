/**
 * A static file server after Caddy's {@code file_server} (v2.6, the version on our machines), with
 * Go's {@code http.ServeContent} underneath, answering with {@link
 * io.cairn.gateway.server.Target.Stream} so the server streams files without loading them.
 *
 * <h2>Parts</h2>
 *
 * <ul>
 *   <li>{@link io.cairn.gateway.files.FileServer}: one root; request head to {@code Target}
 *       (public, thread-safe). {@link io.cairn.gateway.files.FileServerSpec}: its options.
 *   <li>{@code SafePath}: percent-decoding and Go's {@code path.Clean}; {@code ContentTypes}: type
 *       by extension; {@code Listing}: {@code browse} pages; {@code Validators}: ETag and HTTP
 *       dates; {@code Preconditions}, {@code ByteRanges}, {@code ContentServer}: Go's
 *       {@code ServeContent}.
 * </ul>
 *
 * <h2>Behaviour (Caddy's unless said)</h2>
 *
 * <ul>
 *   <li>Methods other than GET and HEAD: 405 with {@code Allow: GET, HEAD}. Missing or hidden
 *       files, directories without index (no {@code browse}): 404; permission denied: 403; other
 *       I/O errors: 500; all with an empty body, as Caddy without error handlers. A malformed
 *       percent escape: 400 (Go refuses the URL).
 *   <li>Index files {@code index.html}, {@code index.txt}; canonical URIs with 308 (Go's {@code
 *       http.Redirect} body): a directory served through its index (or listed) gets a trailing
 *       slash, a file loses one; the query is not kept (as Caddy), leading {@code //} collapsed.
 *   <li>{@code ETag} is Caddy 2.6's {@code "<mtime seconds base 36><size base 36>"} (strong),
 *       computed from the file actually sent (the sidecar when one is sent: newer Caddy's choice,
 *       2.6 used the original's); {@code Last-Modified} unless the time is the epoch.
 *   <li>Conditional requests and ranges exactly as Go: see {@code Preconditions} and {@code
 *       ContentServer}; 416 bodies are Go's ({@code invalid range: failed to overlap}).
 *   <li>{@code Content-Type} by extension only (Go's table, then {@code /etc/mime.types}); an
 *       unknown extension gets none (Caddy: no sniffing).
 *   <li>{@code precompressed}: the first acceptable encoding (client's q-values, then configured
 *       order) whose sidecar ({@code .zst}, {@code .br}, {@code .gz}) is a regular file is sent
 *       with {@code Content-Encoding}; the type is the original's; {@code Vary: Accept-Encoding}
 *       is set whenever sidecars are configured (newer Caddy; 2.6 only when one was sent).
 *   <li>{@code browse}: HTML, or Caddy's JSON array when {@code Accept} contains {@code
 *       application/json}; sorted by name case-insensitively; hidden entries left out; names
 *       HTML-escaped, links percent-encoded ({@code url.PathEscape}).
 * </ul>
 *
 * <h2>Path safety (decisions)</h2>
 *
 * The path is percent-decoded first, so {@code %2F} is a separator and {@code %2e%2e} a dot-dot,
 * then cleaned as {@code path.Clean("/"+p)}: {@code ..} stops at the root. Segments with NUL or a
 * backslash are 404. <b>Symbolic links</b>: Caddy follows every link; here a link is followed
 * only when its target's real path stays inside the root's real path (otherwise 404), so links
 * can organise a site but never publish files outside it. Fuzzed in {@code SafePathTest}.
 *
 * <h2>Limits (defaults)</h2>
 *
 * At most 200 ranges per request (more: the whole file, 200; Apache's {@code MaxRanges}); a range
 * request for more bytes than the file has gets the whole file (Go); listings show at most 10,000
 * entries. Files are read 32 KiB at a time, only while the client keeps up.
 *
 * <h2>Threading</h2>
 *
 * {@code FileServer} reads metadata (and directories for listings) on the calling event loop; the
 * root is assumed to be on a local disk. A file's bytes are read by the server while writing.
 */
package io.cairn.gateway.files;
