package io.cairn.gateway.service;

import java.util.List;
import java.util.PriorityQueue;

/**
 * Weighted round robin by earliest deadline first, as Traefik's {@code wrr} balancer: every child has
 * a deadline, the one with the earliest is chosen and its deadline moves on by {@code 1 / weight}, so
 * a child of weight 3 is chosen three times as often as one of weight 1, interleaved. Down children
 * keep their place in the schedule and are skipped. Equal deadlines go in configuration order.
 */
public final class WrrBalancer<T> extends Balancer<T> {
  private static final class Slot {
    final Child<?> child;
    final int order;
    double deadline;

    Slot(Child<?> child, int order) {
      this.child = child;
      this.order = order;
      this.deadline = 1 / child.weight();
    }
  }

  private final PriorityQueue<Slot> schedule = new PriorityQueue<>(
      (a, b) -> a.deadline != b.deadline ? Double.compare(a.deadline, b.deadline) : Integer.compare(a.order, b.order));

  /** @param sticky null for no session affinity */
  public WrrBalancer(List<Child<T>> children, StickyCookie sticky) {
    super(children, sticky);
    for (int i = 0; i < children().size(); i++) {
      schedule.add(new Slot(children().get(i), i));
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  Child<T> next() {
    if (!anyUp()) {
      return null;
    }
    synchronized (schedule) {
      for (int guard = 0; guard < 1_000_000; guard++) {
        Slot s = schedule.poll();
        s.deadline += 1 / s.child.weight();
        schedule.add(s);
        if (isUp(s.child.name())) {
          return (Child<T>) s.child;
        }
      }
    }
    return null; // every child went down while we looked
  }
}
