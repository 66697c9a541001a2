package io.cairn.kv.lincheck;

import io.cairn.kv.lincheck.Operation.Get;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Decides whether a history of register operations on etcd keys is linearizable.
 *
 * <p>Keys are independent registers, so the history is linearizable exactly when each key's
 * sub-history is (P-compositionality, Herlihy and Wing's locality); each is checked on its own by
 * {@link WglSearch}. Reads whose outcome is unknown are dropped first: they change nothing and
 * constrain nothing.
 */
public final class LinearizabilityChecker {
  private LinearizabilityChecker() {}

  public enum Verdict {
    LINEARIZABLE,
    NOT_LINEARIZABLE,
    /** The search did not finish within its budget: no verdict. */
    TIMED_OUT
  }

  /** The verdict, with where the search got furthest when it is not {@code LINEARIZABLE}. */
  public record Result(Verdict verdict, String explanation) {}

  public static Result check(List<Operation> history, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    Map<String, List<Operation>> byKey = new TreeMap<>();
    for (Operation op : history) {
      if (op.unknown() && op.input() instanceof Get) {
        continue;
      }
      byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
    }
    for (var entry : byKey.entrySet()) {
      WglSearch.Outcome outcome = WglSearch.run(entry.getValue(), deadline);
      if (outcome.timedOut()) {
        return new Result(Verdict.TIMED_OUT,
            "key " + entry.getKey() + ": no verdict within " + budget + " (" + entry.getValue().size()
                + " operations); " + describe(outcome));
      }
      if (!outcome.linearizable()) {
        return new Result(Verdict.NOT_LINEARIZABLE,
            "key " + entry.getKey() + " (" + entry.getValue().size() + " operations) is not linearizable; "
                + describe(outcome));
      }
    }
    return new Result(Verdict.LINEARIZABLE, byKey.size() + " keys, " + history.size() + " operations");
  }

  private static String describe(WglSearch.Outcome o) {
    List<Operation> prefix = o.longestPrefix();
    String tail = prefix.subList(Math.max(0, prefix.size() - 8), prefix.size()).stream()
        .map(op -> "\n    " + op).collect(Collectors.joining());
    String next = o.notLinearizableNext().stream().map(op -> "\n    " + op).collect(Collectors.joining());
    return "the longest linearization found has " + prefix.size() + " operations, ending with:" + tail
        + "\n  leaving the value " + o.stateAfterPrefix().value() + "; then none of these fits next:" + next;
  }
}
