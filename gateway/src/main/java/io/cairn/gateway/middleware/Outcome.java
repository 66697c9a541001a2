package io.cairn.gateway.middleware;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * What a middleware decides about a request: go on ({@link Proceed}), or answer the client now
 * ({@link Respond}) without calling the service.
 */
public sealed interface Outcome {
  /** Go on with no delay. */
  Proceed CONTINUE = new Proceed(Duration.ZERO);

  /**
   * Go on, after waiting {@code delay} (only {@code rateLimit} asks to wait, as Traefik sleeps up
   * to half a token's period before forwarding). The proxy must wait without blocking an event
   * loop (schedule the forward), then forward.
   */
  record Proceed(Duration delay) implements Outcome {
    public Proceed {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must be zero or positive, got " + delay);
      }
    }
  }

  /**
   * Answer the client with {@code status}, {@code headers} and {@code body} (the whole body; the
   * proxy adds {@code Content-Length}). The proxy still runs {@link Middleware#onResponse} of the
   * middlewares that ran before the one that answered, then completes the exchange.
   */
  record Respond(int status, HeaderMap headers, byte[] body) implements Outcome {
    public Respond {
      ResponseHead.checkStatus(status);
      Objects.requireNonNull(headers, "headers");
      Objects.requireNonNull(body, "body");
    }

    /** A response with a UTF-8 text body and no header. */
    static Respond text(int status, String body) {
      return new Respond(status, new HeaderMap(), body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Go's {@code http.Error}: the body is {@code message + "\n"}, with {@code Content-Type:
     * text/plain; charset=utf-8} and {@code X-Content-Type-Options: nosniff}.
     */
    static Respond goError(int status, String message) {
      HeaderMap h = new HeaderMap()
          .set("Content-Type", "text/plain; charset=utf-8")
          .set("X-Content-Type-Options", "nosniff");
      return new Respond(status, h, (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }
}
