package io.cairn.gateway.server;

import io.cairn.gateway.proxy.Forwarding;

/** One request and its response on a client channel. Touched only on that channel's loop. */
final class Exchange {
  /** Whether the connection stays open after this exchange; cleared when framing needs a close. */
  boolean keepAlive;
  final boolean headRequest;
  final boolean http10;
  /** Null when the server answers itself (Respond, errors); the body is then dropped. */
  Forwarding forwarding;
  boolean requestDone;
  boolean responseStarted;
  boolean responseDone;
  /** The access log's and metrics' view of this exchange; null when nobody observes. */
  Observation observation;

  Exchange(boolean keepAlive, boolean headRequest, boolean http10) {
    this.keepAlive = keepAlive;
    this.headRequest = headRequest;
    this.http10 = http10;
  }

  /** Passes request body content on, or drops it; marks the request done on the last piece. */
  void content(io.netty.handler.codec.http.HttpContent content) {
    if (content instanceof io.netty.handler.codec.http.LastHttpContent) {
      requestDone = true;
    }
    if (observation != null) {
      observation.read(content);
    }
    if (forwarding != null) {
      forwarding.content(content);
    } else {
      content.release();
    }
  }

  void abort() {
    if (forwarding != null) {
      forwarding.abort();
    }
  }
}
