package io.cairn.kv.lincheck;

import java.util.Objects;

/**
 * One completed (or abandoned) client operation on one key of a register: what was asked, what came
 * back, and when, in {@link System#nanoTime()} units.
 *
 * <p>An operation whose outcome is unknown (the call failed or timed out, so it may or may not have
 * taken effect) has {@code output == null} and {@code returned == Long.MAX_VALUE}: as Knossos does
 * for {@code :info} operations, it is treated as still running at the end of the history.
 */
public record Operation(int client, String key, Input input, Output output, long invoked, long returned) {
  public Operation {
    Objects.requireNonNull(key);
    Objects.requireNonNull(input);
    if (output == null && returned != Long.MAX_VALUE) {
      throw new IllegalArgumentException("an operation with an unknown outcome never returns");
    }
    if (returned < invoked) {
      throw new IllegalArgumentException("returned before invoked: " + invoked + " > " + returned);
    }
  }

  /** What the client asked for. */
  public sealed interface Input {}

  /** Write {@code value}. */
  public record Put(String value) implements Input {}

  /** Read the value. */
  public record Get() implements Input {}

  /** Write {@code next} if the value is {@code expected} (an etcd txn comparing the value). */
  public record Cas(String expected, String next) implements Input {}

  /** What came back. */
  public sealed interface Output {}

  /** A put was acknowledged. */
  public record Written() implements Output {}

  /** A get returned {@code value}, or null if the key was absent. */
  public record Read(String value) implements Output {}

  /** A compare-and-swap reported whether its comparison held (and so whether it wrote). */
  public record Swapped(boolean succeeded) implements Output {}

  public boolean unknown() {
    return output == null;
  }

  static Operation unknownOutcome(int client, String key, Input input, long invoked) {
    return new Operation(client, key, input, null, invoked, Long.MAX_VALUE);
  }

  @Override
  public String toString() {
    String in =
        switch (input) {
          case Put p -> "put(" + p.value() + ")";
          case Get g -> "get()";
          case Cas c -> "cas(" + c.expected() + "->" + c.next() + ")";
        };
    String out =
        switch (output) {
          case null -> "?";
          case Written w -> "ok";
          case Read r -> r.value() == null ? "absent" : r.value();
          case Swapped s -> s.succeeded() ? "swapped" : "not swapped";
        };
    String end = returned == Long.MAX_VALUE ? "never" : Long.toString(returned);
    return "c" + client + " " + key + " " + in + " -> " + out + " [" + invoked + ", " + end + "]";
  }
}
