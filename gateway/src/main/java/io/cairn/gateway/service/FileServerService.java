package io.cairn.gateway.service;

import io.cairn.gateway.files.FileServer;
import java.util.Objects;

/**
 * A {@code fileServer} service (cairn extension): the gateway answers from {@link #files()} instead
 * of routing to a server. It has no servers, so {@link #route} is always empty (a file server
 * inside a {@code weighted}, {@code failover} or {@code mirroring} service answers 503); it is
 * always up. Immutable and thread-safe.
 */
public record FileServerService(String name, FileServer files) implements AnsweredByGateway {
  public FileServerService {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(files, "files");
  }
}
