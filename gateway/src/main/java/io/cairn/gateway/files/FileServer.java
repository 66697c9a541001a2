package io.cairn.gateway.files;

import io.cairn.gateway.compress.AcceptEncoding;
import io.cairn.gateway.compress.Encoding;
import io.cairn.gateway.proxy.BodyFilter;
import io.cairn.gateway.server.RequestHead;
import io.cairn.gateway.server.Target;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Caddy's {@code file_server} over one root: answers a request head with a {@link Target} (a
 * streamed file, a listing, a redirect or an error). Immutable and thread-safe. It reads file
 * metadata (and, for listings, directories) on the calling thread, the event loop: the root is
 * assumed to be on a local disk.
 */
public final class FileServer {
  private final FileServerSpec spec;
  private final Path root;
  private final Path realRoot;
  private final List<PathMatcher> hiddenNames = new ArrayList<>();
  private final List<Path> hiddenPaths = new ArrayList<>();

  public FileServer(FileServerSpec spec) {
    this.spec = spec;
    this.root = spec.root().toAbsolutePath().normalize();
    try {
      this.realRoot = spec.root().toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve file server root " + spec.root(), e);
    }
    for (String h : spec.hide()) {
      if (h.contains("/")) {
        hiddenPaths.add(Path.of(h).toAbsolutePath().normalize());
      } else {
        hiddenNames.add(FileSystems.getDefault().getPathMatcher("glob:" + h));
      }
    }
  }

  public FileServerSpec spec() {
    return spec;
  }

  /** The answer to {@code head}. Never throws for any request. */
  public Target serve(RequestHead head) {
    return serve(head.method(), head.uri(), head.headers());
  }

  /** The answer to a request with this method, target and headers. */
  public Target serve(String method, String uri, HttpHeaders headers) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return empty(405, Map.of("Allow", "GET, HEAD"));
    }
    String raw = SafePath.rawPath(uri);
    Optional<String> clean;
    try {
      clean = SafePath.clean(SafePath.decode(raw));
    } catch (SafePath.BadEscape e) {
      return Target.Respond.text(400, "400 Bad Request\n");
    }
    if (clean.isEmpty()) {
      return empty(404, Map.of());
    }
    try {
      return serveFile(method, raw, clean.get(), headers);
    } catch (NoSuchFileException | NotDirectoryException | InvalidPathException e) {
      return empty(404, Map.of());
    } catch (AccessDeniedException e) {
      return empty(403, Map.of());
    } catch (IOException | RuntimeException e) {
      return empty(500, Map.of());
    }
  }

  private Target serveFile(String method, String raw, String clean, HttpHeaders headers) throws IOException {
    Path file = clean.equals("/") ? root : root.resolve(clean.substring(1));
    BasicFileAttributes info = stat(file).orElseThrow(() -> new NoSuchFileException(clean));
    boolean implicitIndex = false;
    if (info.isDirectory()) {
      for (String index : spec.indexNames()) {
        Path candidate = file.resolve(index);
        if (hidden(candidate)) {
          continue;
        }
        Optional<BasicFileAttributes> a = stat(candidate);
        if (a.isPresent()) {
          file = candidate;
          info = a.get();
          implicitIndex = true;
          break;
        }
      }
    }
    if (info.isDirectory()) {
      if (spec.browse() && !hidden(file)) {
        if (!raw.endsWith("/")) {
          return redirect(method, raw + "/");
        }
        return browse(file, clean, headers);
      }
      return empty(404, Map.of());
    }
    if (hidden(file) || !info.isRegularFile()) {
      return empty(404, Map.of());
    }
    if (implicitIndex && !raw.endsWith("/")) {
      return redirect(method, raw + "/");
    } else if (!implicitIndex && raw.endsWith("/")) {
      return redirect(method, raw.substring(0, raw.length() - 1));
    }
    Map<String, String> out = new LinkedHashMap<>();
    Path served = file;
    BasicFileAttributes servedInfo = info;
    if (!spec.precompressed().isEmpty()) {
      for (Encoding e : AcceptEncoding.acceptable(headers.getAll(HttpHeaderNames.ACCEPT_ENCODING), spec.precompressed())) {
        Path sidecar = file.resolveSibling(file.getFileName() + e.suffix());
        Optional<BasicFileAttributes> a = stat(sidecar);
        if (a.isPresent() && a.get().isRegularFile() && !hidden(sidecar)) {
          served = sidecar;
          servedInfo = a.get();
          out.put("Content-Encoding", e.token());
          break;
        }
      }
      out.put("Vary", "Accept-Encoding");
    }
    long modified = servedInfo.lastModifiedTime().toMillis();
    out.put("ETag", Validators.etag(modified, servedInfo.size()));
    Optional<String> type = ContentTypes.of(file.getFileName().toString());
    type.ifPresent(t -> out.put("Content-Type", t));
    Preconditions.Request request = new Preconditions.Request(method,
        headers.get(HttpHeaderNames.IF_MATCH), headers.get(HttpHeaderNames.IF_UNMODIFIED_SINCE),
        headers.get(HttpHeaderNames.IF_NONE_MATCH), headers.get(HttpHeaderNames.IF_MODIFIED_SINCE),
        headers.get(HttpHeaderNames.IF_RANGE), headers.get(HttpHeaderNames.RANGE));
    return ContentServer.serve(request, served, servedInfo.size(), modified, out, type);
  }

  private Target browse(Path dir, String clean, HttpHeaders headers) throws IOException {
    Listing.Page page = Listing.read(dir, this::hidden);
    // Caddy: all Accept lines, lower-cased, containing application/json
    boolean json = String.join(",", headers.getAll(HttpHeaderNames.ACCEPT)).toLowerCase(java.util.Locale.ROOT)
        .contains("application/json");
    byte[] body = json ? Listing.json(page) : Listing.html(clean.endsWith("/") ? clean : clean + "/", page);
    return new Target.Stream(200,
        Map.of("Content-Type", json ? "application/json; charset=utf-8" : "text/html; charset=utf-8"),
        List.of(new Target.Part.Bytes(body)), BodyFilter.NONE);
  }

  /**
   * The file's attributes (links followed), or empty when it does not exist or lies, through a
   * symbolic link, outside the root. Decision: Caddy follows every link; cairn follows only links
   * that stay inside the root's real path, so a link can never publish files outside it.
   */
  private Optional<BasicFileAttributes> stat(Path p) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(p, BasicFileAttributes.class);
    } catch (NoSuchFileException | NotDirectoryException e) {
      return Optional.empty();
    }
    return p.toRealPath().startsWith(realRoot) ? Optional.of(a) : Optional.empty();
  }

  private boolean hidden(Path p) {
    if (hiddenNames.isEmpty() && hiddenPaths.isEmpty()) {
      return false;
    }
    Path abs = p.toAbsolutePath().normalize();
    for (Path h : hiddenPaths) {
      if (abs.startsWith(h)) {
        return true;
      }
    }
    for (Path component : root.relativize(abs)) {
      for (PathMatcher m : hiddenNames) {
        if (m.matches(component)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Caddy's canonical-URI redirect: 308, as Go's {@code http.Redirect} writes it. */
  private static Target redirect(String method, String to) {
    while (to.startsWith("//")) {
      to = to.substring(1); // no path-based open redirect
    }
    Map<String, String> h = Map.of("Location", to, "Content-Type", "text/html; charset=utf-8");
    byte[] body = method.equals("GET")
        ? ("<a href=\"" + Listing.escapeHtml(to) + "\">Permanent Redirect</a>.\n\n").getBytes(StandardCharsets.UTF_8)
        : new byte[0];
    return new Target.Stream(308, h, List.of(new Target.Part.Bytes(body)), BodyFilter.NONE);
  }

  /** Caddy's error answers have an empty body. */
  private static Target empty(int status, Map<String, String> headers) {
    return new Target.Stream(status, headers, List.of(), BodyFilter.NONE);
  }

  /** Go's {@code url.PathEscape}. */
  static String escapePath(String segment) {
    StringBuilder b = new StringBuilder();
    for (byte x : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xFF;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~$&+=:@".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return b.toString();
  }
}
