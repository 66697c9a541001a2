package io.cairn.gateway.middleware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code basicAuth}'s users as Traefik: inline {@code users}, then the lines of {@code
 * usersFile} (trimmed; empty lines and lines starting with {@code #} skipped), so a user in the
 * file wins over the same user inline. Each entry is {@code name:hash} with exactly one colon.
 * The realm defaults to {@code traefik}.
 */
final class BasicAuthBuilder {
  private BasicAuthBuilder() {}

  static BasicAuth build(String name, io.cairn.gateway.config.Middleware.BasicAuth cfg) {
    List<String> lines = new ArrayList<>(cfg.users());
    if (!cfg.usersFile().isEmpty()) {
      try {
        for (String line : Files.readAllLines(Path.of(cfg.usersFile()), StandardCharsets.UTF_8)) {
          String l = line.strip();
          if (!l.isEmpty() && !l.startsWith("#")) {
            lines.add(l);
          }
        }
      } catch (IOException | RuntimeException e) {
        throw new MiddlewareException(name, "basicAuth.usersFile " + cfg.usersFile() + " cannot be read: " + e, e);
      }
    }
    Map<String, String> users = new HashMap<>();
    for (String line : lines) {
      String[] parts = line.split(":", -1);
      if (parts.length != 2) {
        throw new MiddlewareException(name, "basicAuth: error parsing user \"" + line
            + "\": expected name:hash with one colon");
      }
      users.put(parts[0], parts[1]);
    }
    String realm = cfg.realm().isEmpty() ? io.cairn.gateway.config.Middleware.BasicAuth.DEFAULT_REALM : cfg.realm();
    return new BasicAuth(users, realm, cfg.removeHeader(), cfg.headerField());
  }
}
