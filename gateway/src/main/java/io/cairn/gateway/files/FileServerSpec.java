package io.cairn.gateway.files;

import io.cairn.gateway.compress.Encoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a file server serves, with Caddy's {@code file_server} defaults.
 *
 * @param root the directory served; must exist
 * @param indexNames files served for a directory, first found wins (default {@code index.html},
 *     {@code index.txt}); empty: none
 * @param browse list directories without an index file (default false: 404)
 * @param precompressed sidecar encodings in preference order ({@code file.zst}, {@code .br},
 *     {@code .gz}); empty (default): none
 * @param hide names or globs hidden from requests and listings, matched against each path
 *     component; entries containing {@code /} are file system paths hidden with everything below
 *     them (Caddy's {@code hide}); default none
 */
public record FileServerSpec(Path root, List<String> indexNames, boolean browse, List<Encoding> precompressed,
    List<String> hide) {
  public static final List<String> DEFAULT_INDEX_NAMES = List.of("index.html", "index.txt");

  public FileServerSpec {
    Objects.requireNonNull(root, "root");
    indexNames = List.copyOf(indexNames);
    precompressed = List.copyOf(precompressed);
    hide = List.copyOf(hide);
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("file server root " + root + " is not a directory; expected an existing directory");
    }
    for (String name : indexNames) {
      if (name.isEmpty() || name.contains("/") || name.equals("..")) {
        throw new IllegalArgumentException("index file name \"" + name + "\" is not a plain file name; expected e.g. index.html");
      }
    }
  }

  /** Serves {@code root} with Caddy's defaults: index files, no browsing, no sidecars. */
  public static FileServerSpec of(Path root) {
    return new FileServerSpec(root, DEFAULT_INDEX_NAMES, false, List.of(), List.of());
  }
}
