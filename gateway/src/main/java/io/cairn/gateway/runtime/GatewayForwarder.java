package io.cairn.gateway.runtime;

import io.cairn.gateway.proxy.ForwardRequest;
import io.cairn.gateway.proxy.Forwarder;
import io.cairn.gateway.proxy.Forwarding;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * The gateway's {@link Forwarder}: the reverse proxy, preceded for routed requests that need it by
 * their {@link PreForward} steps (rate-limit delay, forwardAuth). While those run, the client is
 * paused and the few body pieces already read are held; then the request is forwarded and the held
 * pieces replayed, or the middleware's answer is written and the rest of the body dropped. A
 * request with an {@code errors} middleware gets its {@link ErrorPages} handler, and one with {@code
 * buffering.maxResponseBodyBytes} its {@link ResponseLimit}, at the end of the client's pipeline
 * for the time of its response.
 */
final class GatewayForwarder implements Forwarder {
  private final Forwarder proxy;

  GatewayForwarder(Forwarder proxy) {
    this.proxy = proxy;
  }

  @Override
  public Forwarding forward(ForwardRequest request, Channel client) {
    if (request.hooks() instanceof RoutedHooks hooks
        && (hooks.preForward() != null || hooks.errorPages() != null || hooks.responseLimit() != null)) {
      if (hooks.responseLimit() != null
          && !request.head().headers().contains(io.netty.handler.codec.http.HttpHeaderNames.UPGRADE)) {
        client.pipeline().addLast(hooks.responseLimit()); // an upgrade becomes a tunnel: nothing to hold
      }
      if (hooks.errorPages() != null) {
        client.pipeline().addLast(hooks.errorPages());
      }
      Held held = new Held(request, client, hooks);
      held.start();
      return held;
    }
    return proxy.forward(request, client);
  }

  /** One request waiting for its pre-forward steps. Runs on the client's loop. */
  private final class Held implements Forwarding {
    private final ForwardRequest request;
    private final Channel client;
    private final RoutedHooks hooks;
    private final ArrayDeque<HttpContent> pending = new ArrayDeque<>();
    private Forwarding inner;
    private boolean over;
    private boolean buffering;
    private long buffered;

    Held(ForwardRequest request, Channel client, RoutedHooks hooks) {
      this.request = request;
      this.client = client;
      this.hooks = hooks;
    }

    void start() {
      PreForward pre = hooks.preForward();
      if (pre == null) {
        decided(new PreForward.Go(java.util.List.of()), null);
        return;
      }
      if (pre.readsBody()) {
        long length = io.netty.handler.codec.http.HttpUtil.getContentLength(request.head(), -1L);
        io.cairn.gateway.middleware.Outcome.Respond over = length < 0 ? null : pre.overLimit(length);
        if (over != null) {
          decided(new PreForward.Answer(over), null);
        } else {
          buffering = request.bodyExpected(); // the body is read whole (autoRead stays on), then the steps run
          if (!buffering) {
            runSteps();
          }
        }
        return;
      }
      runSteps();
    }

    private void runSteps() {
      client.config().setAutoRead(false);
      hooks.preForward().run(client.eventLoop()).whenComplete((decision, error) -> {
        if (client.eventLoop().inEventLoop()) {
          decided(decision, error);
        } else {
          client.eventLoop().execute(() -> decided(decision, error));
        }
      });
    }

    private void decided(PreForward.Decision decision, Throwable error) {
      if (over) {
        return;
      }
      if (decision instanceof PreForward.Go go) {
        hooks.authCookies(go.cookies(), go.replaced());
        client.config().setAutoRead(true); // as the proxy expects to find it; it pauses as it needs
        inner = proxy.forward(request, client);
        HttpContent c;
        while ((c = pending.poll()) != null) {
          inner.content(c);
        }
      } else {
        over = true;
        pending.forEach(ReferenceCountUtil::release);
        pending.clear();
        PreForward.Answer answer = decision instanceof PreForward.Answer a ? a
            : new PreForward.Answer(new io.cairn.gateway.middleware.Outcome.Respond(500,
                new io.cairn.gateway.middleware.HeaderMap(), new byte[0]));
        client.writeAndFlush(hooks.answer(answer.response()));
        client.config().setAutoRead(true); // the rest of the body is read and dropped
      }
    }

    @Override
    public void content(HttpContent content) {
      if (inner != null) {
        inner.content(content);
      } else if (over) {
        content.release();
      } else {
        pending.add(content);
        if (buffering) {
          buffered += content.content().readableBytes();
          io.cairn.gateway.middleware.Outcome.Respond over = hooks.preForward().overLimit(buffered);
          if (over != null) {
            buffering = false;
            decided(new PreForward.Answer(over), null);
          } else if (content instanceof io.netty.handler.codec.http.LastHttpContent) {
            buffering = false;
            if (hooks.preForward().forwardsBody()) {
              hooks.preForward().body(heldBody());
            }
            runSteps();
          }
        }
      }
    }

    /** A copy of the body pieces held (they stay held, to be forwarded). */
    private byte[] heldBody() {
      byte[] out = new byte[(int) buffered];
      int at = 0;
      for (HttpContent c : pending) {
        int n = c.content().readableBytes();
        c.content().getBytes(c.content().readerIndex(), out, at, n);
        at += n;
      }
      return out;
    }

    @Override
    public void clientWritabilityChanged() {
      if (inner != null) {
        inner.clientWritabilityChanged();
      }
    }

    @Override
    public void abort() {
      if (hooks.errorPages() != null) {
        hooks.errorPages().abandon(client);
      }
      if (hooks.responseLimit() != null) {
        hooks.responseLimit().abandon(client);
      }
      if (inner != null) {
        inner.abort();
        return;
      }
      if (!over) {
        over = true;
        pending.forEach(ReferenceCountUtil::release);
        pending.clear();
        hooks.done(false);
      }
    }
  }
}
