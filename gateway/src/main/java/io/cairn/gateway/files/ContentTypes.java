package io.cairn.gateway.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Content-Type} by file extension, as Go's {@code mime.TypeByExtension} (which Caddy uses):
 * Go's built-in table, a few common types it leaves to the system, then {@code /etc/mime.types}
 * when present; {@code text/*} types get {@code ; charset=utf-8}. The built-in entries win over the
 * system file, so answers do not depend on the machine for them. Lookup is case-insensitive. An
 * unknown extension has no type: like Caddy, the file is then sent without {@code Content-Type}
 * (no sniffing).
 */
final class ContentTypes {
  private ContentTypes() {}

  private static final Map<String, String> TYPES = load();

  private static Map<String, String> load() {
    Map<String, String> m = new HashMap<>();
    Path system = Path.of("/etc/mime.types");
    if (Files.isReadable(system)) {
      try {
        for (String line : Files.readAllLines(system)) {
          String[] f = line.strip().split("\\s+");
          if (f.length < 2 || f[0].startsWith("#")) {
            continue;
          }
          for (int i = 1; i < f.length; i++) {
            m.put("." + f[i].toLowerCase(Locale.ROOT), withCharset(f[0]));
          }
        }
      } catch (IOException | RuntimeException e) {
        // the built-in table is enough
      }
    }
    String[] builtin = {
      // Go's builtinTypesLower
      ".avif", "image/avif", ".css", "text/css", ".gif", "image/gif", ".htm", "text/html",
      ".html", "text/html", ".jpeg", "image/jpeg", ".jpg", "image/jpeg", ".js", "text/javascript",
      ".json", "application/json", ".mjs", "text/javascript", ".pdf", "application/pdf",
      ".png", "image/png", ".svg", "image/svg+xml", ".wasm", "application/wasm",
      ".webp", "image/webp", ".xml", "text/xml",
      // what Debian's mime.types gives Go for common web files
      ".txt", "text/plain", ".md", "text/markdown", ".csv", "text/csv", ".ico", "image/vnd.microsoft.icon",
      ".mp4", "video/mp4", ".webm", "video/webm", ".mp3", "audio/mpeg", ".woff", "font/woff",
      ".woff2", "font/woff2", ".ttf", "font/ttf", ".otf", "font/otf", ".zip", "application/zip",
      ".gz", "application/gzip", ".tar", "application/x-tar", ".map", "application/json",
      ".webmanifest", "application/manifest+json", ".yaml", "application/yaml", ".yml", "application/yaml",
      ".toml", "application/toml",
    };
    for (int i = 0; i < builtin.length; i += 2) {
      m.put(builtin[i], withCharset(builtin[i + 1]));
    }
    return Map.copyOf(m);
  }

  private static String withCharset(String type) {
    return type.startsWith("text/") && !type.contains("charset") ? type + "; charset=utf-8" : type;
  }

  /** The type of a file named {@code name}, or empty when its extension is unknown or missing. */
  static Optional<String> of(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(TYPES.get(name.substring(dot).toLowerCase(Locale.ROOT)));
  }
}
