package io.cairn.server.kv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP response as curl reports it: the status line and headers it dumps ({@code --dump-header};
 * interim {@code 1xx} responses are skipped, trailers after the headers ignored) and the body it
 * prints. Header names are lower-cased; body lines keep their text without line ends.
 *
 * @param status 0 when curl printed no status line (no response at all)
 */
record HttpResponse(int status, Map<String, String> headers, List<String> body) {
  HttpResponse {
    headers = Map.copyOf(headers);
    body = List.copyOf(body);
  }

  static HttpResponse parse(List<String> lines, List<String> body) {
    int i = 0;
    while (i < lines.size() && lines.get(i).startsWith("HTTP/")) {
      int status = Integer.parseInt(lines.get(i).split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (i++; i < lines.size() && !lines.get(i).isEmpty(); i++) {
        String line = lines.get(i);
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
      }
      i++; // the blank line
      if (status >= 200) {
        return new HttpResponse(status, headers, body);
      }
    }
    return new HttpResponse(0, Map.of(), body);
  }

  /** The media type of {@code Content-Type} without parameters, or {@code -} without one. */
  String mediaType() {
    String type = headers.getOrDefault("content-type", "-");
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  String bodyText() {
    return String.join("\n", body);
  }
}
