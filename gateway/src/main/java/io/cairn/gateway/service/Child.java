package io.cairn.gateway.service;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One thing a {@link Balancer} can choose: a server of a {@code loadBalancer} service (its name is the
 * server URL) or a child service of a {@code weighted} service (its name is the service name).
 * Thread-safe: the in-flight count is the only mutable state.
 *
 * @param <T> what is chosen: a {@link ServerTarget} or a {@link ServiceNode}
 */
public final class Child<T> {
  private final String name;
  private final double weight;
  private final T value;
  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * @param name unique within its balancer; not empty
   * @param weight positive (Traefik ignores children of weight 0; {@link Balancer} builders do too)
   */
  public Child(String name, double weight, T value) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a balancer child needs a name, got " + (name == null ? "null" : "\"\""));
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight of " + name + " must be a positive finite number, got " + weight);
    }
    this.name = name;
    this.weight = weight;
    this.value = value;
  }

  public String name() {
    return name;
  }

  public double weight() {
    return weight;
  }

  public T value() {
    return value;
  }

  /** Requests sent to this child and not finished yet (what power-of-two-choices compares). */
  public int inFlight() {
    return inFlight.get();
  }

  void started() {
    inFlight.incrementAndGet();
  }

  void finished() {
    inFlight.decrementAndGet();
  }

  @Override
  public String toString() {
    return name;
  }
}
