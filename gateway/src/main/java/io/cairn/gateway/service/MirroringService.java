package io.cairn.gateway.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Traefik's {@code mirroring} service: every request goes to the main service, and a copy goes to
 * each mirror for its {@code percent} of the requests. The share is kept exact rather than random, as
 * Traefik does: a mirror is used when its count so far is below {@code percent}% of all requests
 * seen. Up while the main service is.
 */
public final class MirroringService implements ServiceNode {
  /** A mirror and the share of requests (0–100) it receives. */
  public record Mirror(ServiceNode service, int percent) {
    public Mirror {
      if (percent < 0 || percent > 100) {
        throw new IllegalArgumentException("mirror percent must be within 0..100, got " + percent);
      }
    }
  }

  private final String name;
  private final ServiceNode main;
  private final List<Mirror> mirrors;
  private final boolean mirrorBody;
  private final long maxBodySize;
  private final long[] counts;
  private long total;

  /** @param maxBodySize -1 for no limit */
  public MirroringService(String name, ServiceNode main, List<Mirror> mirrors, boolean mirrorBody, long maxBodySize) {
    this.name = name;
    this.main = main;
    this.mirrors = List.copyOf(mirrors);
    this.mirrorBody = mirrorBody;
    this.maxBodySize = maxBodySize;
    this.counts = new long[this.mirrors.size()];
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<Route> route(List<String> cookieHeaders) {
    Optional<Route> primary = main.route(cookieHeaders);
    if (primary.isEmpty()) {
      return primary;
    }
    List<Route> copies = new ArrayList<>();
    for (int i : chosenMirrors()) {
      mirrors.get(i).service().route(List.of()).ifPresent(copies::add);
    }
    return Optional.of(primary.get().withMirrors(List.copyOf(copies), mirrorBody, maxBodySize));
  }

  private synchronized List<Integer> chosenMirrors() {
    total++;
    List<Integer> out = new ArrayList<>(mirrors.size());
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] * 100 < total * mirrors.get(i).percent()) {
        counts[i]++;
        out.add(i);
      }
    }
    return out;
  }

  @Override
  public boolean up() {
    return main.up();
  }

  @Override
  public void onStatusChange(Consumer<Boolean> listener) {
    main.onStatusChange(listener);
  }
}
