package io.cairn.gateway.proxy;

import io.netty.handler.codec.http.HttpContent;

/**
 * Transforms a response body on its way to the client, piece by piece (the compress middleware is
 * one). Used by the proxy for upstream responses ({@link ExchangeHooks#responseBody}) and by the
 * server for the bodies it streams itself.
 *
 * <p>Contract: one instance per response, called on the client's event loop only, never
 * concurrently. {@link #filter} takes ownership of its argument and returns what to write instead
 * (possibly an empty piece); a {@code LastHttpContent} in gives a {@code LastHttpContent} out, with
 * the same trailers. {@link #close} releases native resources; it is idempotent and is called when
 * the response ends early (client gone, upstream failure) as well as after the last piece. Filters
 * must not block.
 */
public interface BodyFilter {
  /** Passes every piece through unchanged. */
  BodyFilter NONE = new BodyFilter() {
    @Override
    public HttpContent filter(HttpContent content) {
      return content;
    }

    @Override
    public void close() {}
  };

  /** The piece to write in place of {@code content} (which the filter now owns). */
  HttpContent filter(HttpContent content);

  /** Frees what the filter holds; idempotent. */
  void close();
}
