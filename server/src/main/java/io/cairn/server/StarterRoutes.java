package io.cairn.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The Traefik dynamic configuration {@code cairn up} writes when {@code gateway.config-file} is
 * empty: {@code /v3/...} to kv's JSON gateway, everything else to the monitor, on the {@code web}
 * entry point and (TLS only, as in Traefik) on {@code websecure}. Written once: an existing file is
 * the user's and is left alone.
 */
final class StarterRoutes {
  private StarterRoutes() {}

  /** Writes {@link #yaml} to {@code file} unless it exists; returns {@code file}. */
  static Path writeIfMissing(Path file, String kvUrl, String monitorUrl) throws IOException {
    if (Files.exists(file)) {
      return file;
    }
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, yaml(kvUrl, monitorUrl));
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  static String yaml(String kvUrl, String monitorUrl) {
    return """
        # Written by 'cairn up' because gateway.config-file is empty. Edit it freely: the gateway watches
        # it, and cairn up never rewrites it (delete it to have the next cairn up write it again with
        # the addresses kv and the monitor then listen on).
        http:
          routers:
            kv:
              rule: PathPrefix(`/v3/`)
              entryPoints: [web]
              service: kv
            kv-tls:
              rule: PathPrefix(`/v3/`)
              entryPoints: [websecure]
              service: kv
              tls: {}
            monitor:
              rule: PathPrefix(`/`)
              entryPoints: [web]
              service: monitor
            monitor-tls:
              rule: PathPrefix(`/`)
              entryPoints: [websecure]
              service: monitor
              tls: {}
          services:
            kv:
              loadBalancer:
                servers:
                  - url: "%s"
            monitor:
              loadBalancer:
                servers:
                  - url: "%s"
        """.formatted(kvUrl, monitorUrl);
  }
}
