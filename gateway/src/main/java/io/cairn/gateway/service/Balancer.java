package io.cairn.gateway.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Chooses a child for each request among the healthy ones, as Traefik v3's balancers do.
 *
 * <p><b>Health.</b> A child is up unless some {@link Source} has marked it down (an active health
 * check, passive outlier ejection); all start up. When the balancer as a whole goes from having an
 * up child to having none, or back, its {@linkplain #onStatusChange listeners} hear it: that is how a
 * {@code weighted} or {@code failover} parent learns that a child service is down.
 *
 * <p><b>Stickiness.</b> With a {@link StickyCookie}, a request whose cookie names an up child goes to
 * it and gets no new cookie (unless the cookie used a legacy value); every other request is balanced
 * and its response must carry {@link Choice#setCookie()}.
 *
 * <p><b>Concurrency.</b> Thread-safe. {@link #choose} takes a short lock in the round-robin
 * implementation only; listeners run on the thread that changed the status, outside the lock.
 *
 * @param <T> what is chosen
 */
public abstract sealed class Balancer<T> permits WrrBalancer, P2cBalancer {
  /** Who marked a child down. */
  public enum Source {
    ACTIVE_CHECK,
    PASSIVE
  }

  private final List<Child<T>> children;
  private final Map<String, Child<T>> byName = new HashMap<>();
  private final Map<String, Child<T>> byCookie = new HashMap<>();
  private final Map<String, EnumSet<Source>> down = new HashMap<>();
  private final StickyCookie sticky;
  private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
  private int upCount;

  Balancer(List<Child<T>> children, StickyCookie sticky) {
    this.children = List.copyOf(children);
    this.sticky = sticky;
    for (Child<T> c : this.children) {
      if (byName.put(c.name(), c) != null) {
        throw new IllegalArgumentException("two children of one balancer are named " + c.name());
      }
      byCookie.put(StickyCookie.valueFor(c.name()), c);
      down.put(c.name(), EnumSet.noneOf(Source.class));
    }
    upCount = this.children.size();
  }

  /** The child an older Traefik's cookie value names: the raw name, its FNV-64, or FNV-64 twice. */
  private Child<T> legacy(String value) {
    Child<T> c = byName.get(value);
    if (c != null) {
      return c;
    }
    for (Child<T> child : children) {
      String once = StickyCookie.fnv64(child.name());
      if (value.equals(once) || value.equals(StickyCookie.fnv64(once))) {
        return child;
      }
    }
    return null;
  }

  /** The children in configuration order. */
  public List<Child<T>> children() {
    return children;
  }

  /**
   * Chooses a child for a request carrying {@code cookieHeaders} (its {@code Cookie} header values;
   * empty when none), or empty when no child is up (Traefik answers 503 {@code no available server}).
   */
  public final Optional<Choice<T>> choose(List<String> cookieHeaders) {
    if (sticky != null) {
      String value = sticky.read(cookieHeaders);
      if (value != null) {
        Child<T> c = byCookie.get(value);
        boolean legacy = false;
        if (c == null) {
          c = legacy(value);
          legacy = c != null;
        }
        if (c != null && isUp(c.name())) {
          c.started();
          return Optional.of(new Choice<>(c, legacy ? sticky.setCookie(c.name()) : null));
        }
      }
    }
    Child<T> c = next();
    if (c == null) {
      return Optional.empty();
    }
    c.started();
    return Optional.of(new Choice<>(c, sticky == null ? null : sticky.setCookie(c.name())));
  }

  /** Ends a request {@link #choose} started. */
  public final void finished(Choice<T> choice) {
    choice.child().finished();
  }

  /** The next child among the up ones, or null when none is up. */
  abstract Child<T> next();

  /** Whether {@code childName} is up now; false for an unknown name. */
  public final synchronized boolean isUp(String childName) {
    EnumSet<Source> reasons = down.get(childName);
    return reasons != null && reasons.isEmpty();
  }

  /** Whether any child is up. */
  public final synchronized boolean anyUp() {
    return upCount > 0;
  }

  /**
   * Marks {@code childName} up or down for {@code source}; unknown names are ignored.
   *
   * @return whether {@code source}'s mark on the child changed
   */
  public final boolean setStatus(String childName, Source source, boolean up) {
    boolean before;
    boolean after;
    boolean changed;
    synchronized (this) {
      EnumSet<Source> reasons = down.get(childName);
      if (reasons == null) {
        return false;
      }
      before = upCount > 0;
      boolean wasUp = reasons.isEmpty();
      changed = up ? reasons.remove(source) : reasons.add(source);
      upCount += (reasons.isEmpty() ? 1 : 0) - (wasUp ? 1 : 0);
      after = upCount > 0;
    }
    if (before != after) {
      for (Consumer<Boolean> l : listeners) {
        l.accept(after);
      }
    }
    return changed;
  }

  /** Calls {@code listener} with the new value whenever {@link #anyUp()} changes. */
  public final void onStatusChange(Consumer<Boolean> listener) {
    listeners.add(listener);
  }

  /** The up children, in configuration order. */
  final synchronized List<Child<T>> upChildren() {
    List<Child<T>> out = new ArrayList<>(upCount);
    for (Child<T> c : children) {
      if (down.get(c.name()).isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }
}
