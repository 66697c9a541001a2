package io.cairn.server.kv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers one test class shares: started on first use, one per (role, kind, options), stopped
 * by {@link #close()} in the class' {@code @AfterAll}. Scenarios that use distinct key prefixes run
 * on these; scenarios that need an empty store get their own through {@link #fresh}.
 */
final class TargetPool implements AutoCloseable {
  private record Slot(String role, TargetKind kind, ServerOptions options) {}

  private final Map<Slot, KvTarget> started = new LinkedHashMap<>();

  /** The pool's server for {@code kind} and {@code options}, started now if this is the first use. */
  synchronized KvTarget shared(TargetKind kind, ServerOptions options) {
    return shared("shared", kind, options);
  }

  /** Like {@link #shared(TargetKind, ServerOptions)}, with a role that tells apart servers of one kind. */
  synchronized KvTarget shared(String role, TargetKind kind, ServerOptions options) {
    Slot slot = new Slot(role, kind, options);
    KvTarget target = started.get(slot);
    if (target != null && !target.isRunning()) {
      throw new AssertionError(target + " is no longer running (it exited during an earlier test)");
    }
    if (target == null) {
      target = KvTarget.start(kind, options);
      started.put(slot, target);
    }
    return target;
  }

  /** A server of its own with an empty store; the caller closes it. */
  static KvTarget fresh(TargetKind kind, ServerOptions options) {
    return KvTarget.start(kind, options);
  }

  @Override
  public synchronized void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (KvTarget target : started.values()) {
      try {
        target.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    started.clear();
    if (!failures.isEmpty()) {
      throw failures.getFirst();
    }
  }
}
