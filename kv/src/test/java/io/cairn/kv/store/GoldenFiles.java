package io.cairn.kv.store;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * Golden fixtures under {@code src/test/resources/io/cairn/kv/store/}: text lines, {@code #}
 * comments. They freeze byte formats; regenerate only for a deliberate format change, with {@code
 * -Dcairn.golden.update=true} (the run then fails on purpose so that nobody regenerates by accident).
 */
final class GoldenFiles {
  static final HexFormat HEX = HexFormat.of();

  private GoldenFiles() {}

  /** The fixture's non-comment lines. */
  static List<String> read(String name) {
    try (InputStream in = GoldenFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        fail("missing golden file %s; generate it with -Dcairn.golden.update=true", name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** In update mode rewrites the fixture from {@code lines} and fails; otherwise does nothing. */
  static void updateIfAsked(String name, String header, List<String> lines) {
    if (!Boolean.getBoolean("cairn.golden.update")) {
      return;
    }
    Path file = Path.of("src/test/resources/io/cairn/kv/store", name);
    try {
      Files.createDirectories(file.getParent());
      StringBuilder sb = new StringBuilder();
      header.lines().forEach(l -> sb.append("# ").append(l).append('\n'));
      lines.forEach(l -> sb.append(l).append('\n'));
      Files.writeString(file, sb.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    fail("rewrote golden file %s: review the diff, then run again without -Dcairn.golden.update", file);
  }
}
