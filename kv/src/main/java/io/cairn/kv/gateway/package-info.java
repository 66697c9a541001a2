/**
 * etcd's HTTP/JSON gateway on the client port, next to gRPC, as etcd serves both on 2379.
 *
 * <ul>
 *   <li>{@link io.cairn.kv.gateway.PortSharing} — looks at a connection's first bytes: the HTTP/2
 *       preface goes on to gRPC, anything else to the HTTP/1.1 gateway.
 *   <li>{@link io.cairn.kv.gateway.GatewayHandler} — {@code POST /v3/...} (and {@code /v3beta/...})
 *       with JSON bodies in grpc-gateway's mapping (base64 bytes, int64 as strings, proto field
 *       names), answered by the same service objects gRPC calls; streaming calls ({@code /v3/watch},
 *       {@code /v3/lease/keepalive}) answer with one {@code {"result":...}} line per message. Also
 *       {@code GET /health}, {@code /version} and {@code /metrics}, as etcd's client port has them.
 * </ul>
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>limit</th><th>default</th></tr>
 *   <tr><td>request body</td><td>--max-request-bytes + 512 KiB, else 413</td></tr>
 *   <tr><td>request line / headers</td><td>4 KiB / 8 KiB, else 400/431</td></tr>
 *   <tr><td>time to send the first bytes of a connection</td><td>10 s, else closed</td></tr>
 *   <tr><td>idle HTTP/1.1 connection (no request, no streaming response)</td><td>5 min, else closed</td></tr>
 * </table>
 */
package io.cairn.kv.gateway;
