package io.cairn.kv.lincheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A history as a doubly linked list of call and return events in time order, from which the search
 * lifts linearized operations and puts them back when it backtracks. At equal times a call comes
 * before a return, so operations that touch count as concurrent.
 */
final class Events {
  /** A call or return of operation number {@code id}. */
  static final class Event {
    final boolean call;
    final int id;
    final Operation op;
    final long time;
    Event match;
    Event prev;
    Event next;

    Event(boolean call, int id, Operation op, long time) {
      this.call = call;
      this.id = id;
      this.op = op;
      this.time = time;
    }
  }

  private final Event head = new Event(true, -1, null, Long.MIN_VALUE);

  Events(List<Operation> ops) {
    List<Event> events = new ArrayList<>(2 * ops.size());
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      Event call = new Event(true, i, op, op.invoked());
      Event ret = new Event(false, i, op, op.returned());
      call.match = ret;
      events.add(call);
      events.add(ret);
    }
    events.sort(Comparator.<Event>comparingLong(ev -> ev.time).thenComparing(ev -> !ev.call));
    Event prev = head;
    for (Event ev : events) {
      prev.next = ev;
      ev.prev = prev;
      prev = ev;
    }
  }

  /**
   * The calls that may be linearized next: those before the first return still in the list. Those
   * with a known outcome come first.
   */
  List<Event> candidates() {
    List<Event> known = new ArrayList<>();
    List<Event> unknown = new ArrayList<>();
    for (Event ev = head.next; ev != null && ev.call; ev = ev.next) {
      (ev.op.unknown() ? unknown : known).add(ev);
    }
    known.addAll(unknown);
    return known;
  }

  /** Takes a call and its return out of the list. */
  static void lift(Event call) {
    call.prev.next = call.next;
    call.next.prev = call.prev;
    Event ret = call.match;
    ret.prev.next = ret.next;
    if (ret.next != null) {
      ret.next.prev = ret.prev;
    }
  }

  /** Puts back what {@link #lift} took out (in reverse order, so the neighbours are right). */
  static void unlift(Event call) {
    Event ret = call.match;
    ret.prev.next = ret;
    if (ret.next != null) {
      ret.next.prev = ret;
    }
    call.prev.next = call;
    call.next.prev = call;
  }
}
