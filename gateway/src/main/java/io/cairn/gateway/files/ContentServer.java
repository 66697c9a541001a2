package io.cairn.gateway.files;

import io.cairn.gateway.proxy.BodyFilter;
import io.cairn.gateway.server.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Go's {@code http.ServeContent} for one regular file, as Caddy calls it: {@code Last-Modified},
 * the preconditions, {@code Range} (one range: 206 with {@code Content-Range}; several:
 * {@code multipart/byteranges} with a random boundary, parts as Go's {@code mime/multipart} writes
 * them; more bytes asked than the file has, or more than {@value #MAX_RANGES} ranges: the whole
 * file; unsatisfiable: 416 with {@code
 * Content-Range: bytes *}{@code /size} and Go's error text), {@code Accept-Ranges: bytes}. The
 * body is streamed from the file by the server.
 */
final class ContentServer {
  private ContentServer() {}

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Most ranges served as {@code multipart/byteranges}; a request for more gets the whole file
   * (200), so tiny ranges cannot multiply the response's size with part headers. Go has no such
   * limit; Apache's {@code MaxRanges} defaults to 200, this is that.
   */
  static final int MAX_RANGES = 200;

  /**
   * @param headers the answer's headers so far (ETag, Content-Type, Content-Encoding, Vary), in
   *     order; this method adds to it
   * @param contentType the type for multipart parts, or empty
   */
  static Target serve(Preconditions.Request request, Path file, long size, long modifiedMillis,
      Map<String, String> headers, Optional<String> contentType) {
    long modified = Math.floorDiv(modifiedMillis, 1000);
    if (modified > 0) {
      headers.put("Last-Modified", Validators.httpDate(modified));
    }
    String etag = headers.getOrDefault("ETag", "");
    Preconditions.Result pre = Preconditions.check(request, etag, modified);
    if (pre instanceof Preconditions.NotModified) {
      headers.remove("Content-Type");
      headers.remove("Content-Encoding");
      if (headers.containsKey("ETag")) {
        headers.remove("Last-Modified");
      }
      return new Target.Stream(304, headers, List.of(), BodyFilter.NONE);
    }
    if (pre instanceof Preconditions.Failed) {
      return new Target.Stream(412, headers, List.of(), BodyFilter.NONE);
    }
    Optional<String> rangeHeader = ((Preconditions.Proceed) pre).range();
    List<ByteRanges.Range> ranges = List.of();
    if (rangeHeader.isPresent()) {
      try {
        ranges = ByteRanges.parse(rangeHeader.get(), size);
      } catch (ByteRanges.RangeException e) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (e.noOverlap) {
          h.put("Content-Range", "bytes */" + size);
        }
        h.put("Content-Type", "text/plain; charset=utf-8");
        h.put("X-Content-Type-Options", "nosniff");
        return new Target.Stream(416, h, List.of(new Target.Part.Bytes(
            (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8))), BodyFilter.NONE);
      }
      if (ByteRanges.total(ranges) > size || ranges.size() > MAX_RANGES) {
        ranges = List.of(); // asks for more than the file (Go's rule) or too many parts: send it whole
      }
    }
    headers.put("Accept-Ranges", "bytes");
    if (ranges.isEmpty()) {
      return new Target.Stream(200, headers, List.of(new Target.Part.FileRange(file, 0, size)), BodyFilter.NONE);
    }
    if (ranges.size() == 1) {
      ByteRanges.Range r = ranges.getFirst();
      headers.put("Content-Range", r.contentRange(size));
      return new Target.Stream(206, headers, List.of(new Target.Part.FileRange(file, r.start(), r.length())),
          BodyFilter.NONE);
    }
    byte[] random = new byte[30];
    RANDOM.nextBytes(random);
    String boundary = HexFormat.of().formatHex(random);
    List<Target.Part> parts = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i++) {
      ByteRanges.Range r = ranges.get(i);
      String head = (i == 0 ? "" : "\r\n") + "--" + boundary + "\r\n"
          + "Content-Range: " + r.contentRange(size) + "\r\n"
          + contentType.map(t -> "Content-Type: " + t + "\r\n").orElse("")
          + "\r\n";
      parts.add(new Target.Part.Bytes(head.getBytes(StandardCharsets.UTF_8)));
      parts.add(new Target.Part.FileRange(file, r.start(), r.length()));
    }
    parts.add(new Target.Part.Bytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)));
    headers.put("Content-Type", "multipart/byteranges; boundary=" + boundary);
    return new Target.Stream(206, headers, parts, BodyFilter.NONE);
  }
}
