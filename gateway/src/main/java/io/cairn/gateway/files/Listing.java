package io.cairn.gateway.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Caddy's {@code browse}: a directory's entries, sorted by name (case-insensitive, as Caddy's
 * default {@code sort name asc}), hidden entries left out, as an HTML page or as Caddy's JSON array
 * ({@code name}, {@code size}, {@code url}, {@code mod_time}, {@code mode}, {@code is_dir}, {@code
 * is_symlink}). Names are HTML-escaped in the page and percent-encoded in links. At most {@value
 * #MAX_ENTRIES} entries are listed (a limit Caddy does not have; the page says when it cut).
 */
final class Listing {
  /** Largest number of entries listed, so a huge directory cannot exhaust memory. */
  static final int MAX_ENTRIES = 10_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Listing() {}

  record Entry(String name, long size, long modifiedMillis, boolean dir, boolean symlink, int mode) {
    String url() {
      return "./" + FileServer.escapePath(name) + (dir ? "/" : "");
    }
  }

  record Page(List<Entry> entries, boolean truncated) {}

  static Page read(Path dir, Predicate<Path> hidden) throws IOException {
    List<Entry> entries = new ArrayList<>();
    boolean truncated = false;
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path p : stream) {
        if (hidden.test(p)) {
          continue;
        }
        if (entries.size() >= MAX_ENTRIES) {
          truncated = true;
          break;
        }
        BasicFileAttributes link = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        BasicFileAttributes a = link;
        if (link.isSymbolicLink()) {
          try {
            a = Files.readAttributes(p, BasicFileAttributes.class);
          } catch (IOException e) {
            a = link; // dangling link: listed as what it is
          }
        }
        int mode = a.isDirectory() ? 0x80000000 | 0755 : 0644;
        if (link.isSymbolicLink()) {
          mode |= 0x08000000;
        }
        entries.add(new Entry(p.getFileName().toString(), a.isDirectory() ? 0 : a.size(),
            a.lastModifiedTime().toMillis(), a.isDirectory(), link.isSymbolicLink(), mode));
      }
    }
    entries.sort(Comparator.comparing((Entry e) -> e.name().toLowerCase(Locale.ROOT)).thenComparing(Entry::name));
    return new Page(entries, truncated);
  }

  static byte[] json(Page page) {
    ArrayNode arr = JSON.createArrayNode();
    for (Entry e : page.entries()) {
      ObjectNode o = arr.addObject();
      o.put("name", e.name());
      o.put("size", e.size());
      o.put("url", e.url());
      o.put("mod_time", Instant.ofEpochMilli(e.modifiedMillis()).toString());
      o.put("mode", e.mode() & 0xFFFFFFFFL);
      o.put("is_dir", e.dir());
      o.put("is_symlink", e.symlink());
    }
    try {
      return (JSON.writeValueAsString(arr) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a listing", e);
    }
  }

  static byte[] html(String requestPath, Page page) {
    String title = escapeHtml(requestPath);
    StringBuilder b = new StringBuilder(4096);
    b.append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>").append(title)
        .append("</title>\n</head>\n<body>\n<h1>").append(title).append("</h1>\n<table>\n")
        .append("<thead><tr><th>Name</th><th>Size</th><th>Modified</th></tr></thead>\n<tbody>\n");
    if (!requestPath.equals("/")) {
      b.append("<tr><td><a href=\"../\">../</a></td><td>&mdash;</td><td></td></tr>\n");
    }
    for (Entry e : page.entries()) {
      String shown = escapeHtml(e.name() + (e.dir() ? "/" : ""));
      b.append("<tr><td><a href=\"").append(escapeHtml(e.url())).append("\">").append(shown)
          .append("</a></td><td>").append(e.dir() ? "&mdash;" : Long.toString(e.size()))
          .append("</td><td><time datetime=\"").append(Instant.ofEpochMilli(e.modifiedMillis()))
          .append("\">").append(Instant.ofEpochMilli(e.modifiedMillis())).append("</time></td></tr>\n");
    }
    b.append("</tbody>\n</table>\n");
    if (page.truncated()) {
      b.append("<p>Only the first ").append(MAX_ENTRIES).append(" entries are listed.</p>\n");
    }
    b.append("</body>\n</html>\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String escapeHtml(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&#34;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
