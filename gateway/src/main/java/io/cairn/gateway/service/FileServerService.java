package io.cairn.gateway.service;

import io.cairn.gateway.files.FileServer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@code fileServer} service (cairn extension): the gateway answers from {@link #files()} instead
 * of routing to a server. It has no servers, so {@link #route} is always empty (a file server
 * inside a {@code weighted}, {@code failover} or {@code mirroring} service answers 503); it is
 * always up. Immutable and thread-safe.
 */
public record FileServerService(String name, FileServer files) implements ServiceNode {
  public FileServerService {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(files, "files");
  }

  @Override
  public Optional<Route> route(List<String> cookieHeaders) {
    return Optional.empty();
  }

  @Override
  public boolean up() {
    return true;
  }

  @Override
  public void onStatusChange(Consumer<Boolean> listener) {
    // never changes
  }
}
