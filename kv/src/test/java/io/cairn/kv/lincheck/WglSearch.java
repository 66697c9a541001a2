package io.cairn.kv.lincheck;

import io.cairn.kv.lincheck.Events.Event;
import io.cairn.kv.lincheck.Operation.Cas;
import io.cairn.kv.lincheck.Operation.Put;
import io.cairn.kv.lincheck.Operation.Read;
import io.cairn.kv.lincheck.RegisterModel.State;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Wing–Gong–Lowe search for a linearization of one key's history, with the memoisation of
 * Lowe's JIT-linearisation as porcupine implements it, plus reductions for operations whose outcome
 * is unknown.
 *
 * <p>The operations that may go next are the calls before the first return in the {@link Events}
 * list. The search tries them in turn: one fits if the model accepts its output from the current
 * state and the configuration reached was not explored before; it is then lifted out of the list and
 * the search goes one level deeper. When none fits, it backtracks to the previous level's next
 * candidate. The history is linearizable once every operation with a known outcome is linearized
 * (unknown-outcome operations left over go last, where they affect nothing, or never took effect),
 * and is not when the first level runs out of candidates.
 *
 * <p>An unknown-outcome operation returns "never", so it stays a candidate to the end, and trying
 * it everywhere would multiply the work by up to 2^k for k of them when the history is not
 * linearizable (the search must then exhaust every alternative). Reductions, each sound:
 *
 * <ul>
 *   <li>Normal form. Any linearization can be rewritten so that unknown-outcome operations only
 *       appear in blocks that change the state and are needed by the known-outcome operation right
 *       after the block, and a block is at most one put followed by successful swaps: no-op swaps
 *       can go last; whatever a put overwrites within a block can go last; and if the next
 *       known-outcome operation fits the state before the block, the block can move after it (a
 *       read or failed swap) or go last (a write). The search only builds linearizations in this
 *       form.
 *   <li>Values no operation observes (no read returned them, no swap expects them) are
 *       interchangeable: the memo records them all as one state.
 *   <li>Dominance: a configuration that has linearized the same known-outcome operations, is in the
 *       same state (and block) and has linearized a superset of the unknown-outcome ones of an
 *       explored configuration has no completion the explored one lacks, so it is pruned.
 * </ul>
 */
final class WglSearch {
  private WglSearch() {}

  /** How the search ended; for a failure, where it got furthest. */
  record Outcome(
      boolean linearizable, boolean timedOut, List<Operation> longestPrefix, State stateAfterPrefix,
      List<Operation> notLinearizableNext) {}

  /**
   * One level of the search: the candidates there, how many were tried, and the state before it.
   * {@code blockStart} is the state before the block of unknown-outcome operations that ends at
   * this level, or null if the operation before this level had a known outcome.
   */
  private static final class Level {
    final List<Event> candidates;
    final State before;
    final State blockStart;
    int tried;
    Event chosen;

    Level(List<Event> candidates, State before, State blockStart) {
      this.candidates = candidates;
      this.before = before;
      this.blockStart = blockStart;
    }
  }

  /** The memo key: known-outcome operations linearized, state and block start (canonical). */
  private record Known(BitSet linearized, State state, State blockStart) {}

  private static final State UNOBSERVED = new State("\u0000a value nobody observes");

  static Outcome run(List<Operation> ops, long deadlineNanos) {
    Events events = new Events(ops);
    Set<String> observed = observedValues(ops);
    BitSet known = new BitSet(ops.size());
    BitSet unknown = new BitSet(ops.size());
    Map<Known, List<BitSet>> explored = new HashMap<>();
    Deque<Level> path = new ArrayDeque<>();
    State state = State.ABSENT;
    Level level = new Level(events.candidates(), state, null);
    Outcome furthest = new Outcome(false, false, List.of(), state, operations(level.candidates));
    int knownLeft = (int) ops.stream().filter(op -> !op.unknown()).count();
    long steps = 0;
    while (knownLeft > 0) {
      if ((++steps & 0x3ff) == 0 && System.nanoTime() > deadlineNanos) {
        return new Outcome(false, true, furthest.longestPrefix(), furthest.stateAfterPrefix(),
            furthest.notLinearizableNext());
      }
      Event next = null;
      State after = null;
      while (next == null && level.tried < level.candidates.size()) {
        Event c = level.candidates.get(level.tried++);
        Optional<State> s = inNormalForm(level, state, c.op);
        if (s.isEmpty()) {
          continue;
        }
        BitSet set = c.op.unknown() ? unknown : known;
        set.set(c.id);
        State blockStart = c.op.unknown() ? canonical(level.blockStart == null ? state : level.blockStart, observed) : null;
        if (firstVisit(explored, new Known(known, canonical(s.get(), observed), blockStart), unknown)) {
          next = c;
          after = s.get();
        } else {
          set.clear(c.id);
        }
      }
      if (next != null) {
        level.chosen = next;
        path.push(level);
        Events.lift(next);
        knownLeft -= next.op.unknown() ? 0 : 1;
        State blockStart = next.op.unknown() ? (level.blockStart == null ? state : level.blockStart) : null;
        state = after;
        level = new Level(events.candidates(), state, blockStart);
        if (path.size() > furthest.longestPrefix().size()) {
          furthest = new Outcome(false, false, prefix(path), state, operations(level.candidates));
        }
        continue;
      }
      if (path.isEmpty()) {
        return furthest;
      }
      level = path.pop();
      Event undo = level.chosen;
      Events.unlift(undo);
      if (undo.op.unknown()) {
        unknown.clear(undo.id);
      } else {
        known.clear(undo.id);
        knownLeft++;
      }
      state = level.before;
    }
    return new Outcome(true, false, prefix(path), state, List.of());
  }

  /** The state after {@code op} if it fits here and keeps the linearization in normal form. */
  private static Optional<State> inNormalForm(Level level, State state, Operation op) {
    Optional<State> after = RegisterModel.step(state, op);
    if (after.isEmpty()) {
      return after;
    }
    if (!op.unknown()) {
      boolean blockNeeded = level.blockStart == null || RegisterModel.step(level.blockStart, op).isEmpty();
      return blockNeeded ? after : Optional.empty();
    }
    boolean changes = !after.get().equals(state);
    boolean putOpensBlock = !(op.input() instanceof Put) || level.blockStart == null;
    return changes && putOpensBlock ? after : Optional.empty();
  }

  private static State canonical(State s, Set<String> observed) {
    return observed.contains(s.value()) ? s : UNOBSERVED;
  }

  /** Records the configuration unless an explored one dominates it; copies the bit sets it keeps. */
  private static boolean firstVisit(Map<Known, List<BitSet>> explored, Known key, BitSet unknown) {
    List<BitSet> seen = explored.get(key);
    if (seen == null) {
      seen = new ArrayList<>(1);
      explored.put(new Known((BitSet) key.linearized().clone(), key.state(), key.blockStart()), seen);
    }
    for (BitSet s : seen) {
      if (subset(s, unknown)) {
        return false;
      }
    }
    seen.removeIf(s -> subset(unknown, s));
    seen.add((BitSet) unknown.clone());
    return true;
  }

  private static boolean subset(BitSet a, BitSet b) {
    for (int i = a.nextSetBit(0); i >= 0; i = a.nextSetBit(i + 1)) {
      if (!b.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** Values some operation depends on: read results and the values swaps expect. */
  private static Set<String> observedValues(List<Operation> ops) {
    Set<String> out = new HashSet<>();
    out.add(null); // absent is what the key starts as
    for (Operation op : ops) {
      if (op.output() instanceof Read r) {
        out.add(r.value());
      }
      if (op.input() instanceof Cas c) {
        out.add(c.expected());
      }
    }
    return out;
  }

  private static List<Operation> prefix(Deque<Level> path) {
    List<Operation> out = new ArrayList<>(path.size());
    path.descendingIterator().forEachRemaining(l -> out.add(l.chosen.op));
    return out;
  }

  private static List<Operation> operations(List<Event> events) {
    return events.stream().map(ev -> ev.op).toList();
  }
}
