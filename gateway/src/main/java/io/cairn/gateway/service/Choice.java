package io.cairn.gateway.service;

/**
 * What a {@link Balancer} chose for one request.
 *
 * @param child the chosen child; its in-flight count already includes this request, so the caller
 *     must call {@link Balancer#finished(Choice, boolean)} exactly once when the request ends
 * @param setCookie a {@code Set-Cookie} header value the response must carry (the sticky cookie), or
 *     null when none is needed
 */
public record Choice<T>(Child<T> child, String setCookie) {}
