package io.cairn.gateway.service;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Power of two random choices, as Traefik's {@code p2c} strategy: two distinct up children are drawn
 * at random and the one with fewer requests in flight wins (the first drawn on a tie). Weights are
 * not used, as in Traefik.
 */
public final class P2cBalancer<T> extends Balancer<T> {
  /** @param sticky null for no session affinity */
  public P2cBalancer(List<Child<T>> children, StickyCookie sticky) {
    super(children, sticky);
  }

  @Override
  Child<T> next() {
    List<Child<T>> up = upChildren();
    if (up.isEmpty()) {
      return null;
    }
    if (up.size() == 1) {
      return up.getFirst();
    }
    ThreadLocalRandom r = ThreadLocalRandom.current();
    int n1 = r.nextInt(up.size());
    int n2 = r.nextInt(up.size() - 1);
    if (n2 >= n1) {
      n2++;
    }
    Child<T> a = up.get(n1);
    Child<T> b = up.get(n2);
    return b.inFlight() < a.inFlight() ? b : a;
  }
}
