package io.cairn.gateway.server;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Inbound message from {@link StrictRequestDecoder}: the bytes on this connection are not a request
 * we accept. The connection is answered with {@code status} and closed; nothing after the offending
 * byte is read. Never reaches the router, never forwarded.
 *
 * @param status 400, 408, 413, 414, 431 or 501
 * @param reason a short diagnostic for logs and the plain-text body
 */
record Rejection(HttpResponseStatus status, String reason) {}
