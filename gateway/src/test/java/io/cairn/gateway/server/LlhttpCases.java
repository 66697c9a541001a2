package io.cairn.gateway.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads llhttp's markdown request cases in place ({@code ../shared/conformance/http/llhttp}): each
 * {@code ### title}, its {@code meta} type, the raw request (converted as llhttp's md-test does:
 * newlines become CRLF, then {@code \r \n \t \f \xNN \NNN} escapes are decoded) and the expected
 * parse from the {@code log} block.
 */
final class LlhttpCases {
  /** One parsed message as llhttp saw it. */
  record Message(String method, String url, String protocol, String version, List<String[]> headers,
      ByteArrayOutputStream body, boolean headersComplete, boolean complete) {}

  record Case(String file, String title, String type, byte[] raw, List<Message> messages,
      String errorReason) {
    boolean lenient() {
      return type.startsWith("request-lenient");
    }

    @Override
    public String toString() {
      return file + ": " + title;
    }
  }

  private static final Pattern META = Pattern.compile("<!-- meta=\\{\\s*\"type\":\\s*\"([^\"]+)\"");
  private static final Pattern SPAN = Pattern.compile("off=\\d+ len=\\d+ span\\[(\\w+)\\]=\"(.*)\"$");
  private static final Pattern ERROR = Pattern.compile("error code=\\d+ reason=\"(.*)\"$");

  private LlhttpCases() {}

  /** The llhttp request directory: system property {@code cairn.conformance.dir} or found above. */
  static Path requestDir() {
    String prop = System.getProperty("cairn.conformance.dir");
    if (prop != null) {
      return Path.of(prop, "http", "llhttp", "test", "request");
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/conformance/http/llhttp/test/request");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return Path.of("/work/shared/conformance/http/llhttp/test/request");
  }

  static List<Case> load(Path dir) throws IOException {
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        parseFile(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8), cases);
      }
    }
    return cases;
  }

  private static void parseFile(String file, String text, List<Case> out) {
    String[] lines = text.split("\n", -1);
    String title = null;
    String type = null;
    String raw = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("#")) {
        title = line.replaceFirst("^#+\\s*", "");
        type = null;
        raw = null;
      }
      Matcher m = META.matcher(line);
      if (m.find()) {
        type = m.group(1);
      }
      if (line.equals("```http") && type != null) {
        StringBuilder sb = new StringBuilder();
        for (i++; !lines[i].equals("```"); i++) {
          sb.append(lines[i]).append('\n');
        }
        raw = sb.toString();
      }
      if (line.equals("```log") && raw != null && type.startsWith("request")) {
        List<String> log = new ArrayList<>();
        for (i++; !lines[i].equals("```"); i++) {
          log.add(lines[i]);
        }
        out.add(expected(file, title, type, decodeRaw(raw), log));
        raw = null;
      }
    }
  }

  /** llhttp md-test's input conversion. */
  static byte[] decodeRaw(String input) {
    String s = input.replaceAll("\n\\z", "");
    s = s.replaceAll("\\\\(\r\n|\r|\n)", "");
    s = s.replaceAll("\r\n|\r|\n", "\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(i + 1);
        switch (n) {
          case 'r' -> { out.write('\r'); i++; continue; }
          case 'n' -> { out.write('\n'); i++; continue; }
          case 't' -> { out.write('\t'); i++; continue; }
          case 'f' -> { out.write('\f'); i++; continue; }
          case 'x' -> {
            int j = i + 2;
            while (j < s.length() && j < i + 4 && Character.digit(s.charAt(j), 16) >= 0) {
              j++;
            }
            out.write(Integer.parseInt(s.substring(i + 2, j), 16));
            i = j - 1;
            continue;
          }
          default -> {
            if (n >= '0' && n <= '7') {
              int j = i + 1;
              while (j < s.length() && j < i + 4 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                j++;
              }
              out.write(Integer.parseInt(s.substring(i + 1, j), 8) & 0xff);
              i = j - 1;
              continue;
            }
          }
        }
      }
      byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      out.write(b, 0, b.length);
    }
    return out.toByteArray();
  }

  private static Case expected(String file, String title, String type, byte[] raw,
      List<String> log) {
    List<Message> messages = new ArrayList<>();
    String error = null;
    String method = "";
    String url = "";
    String version = "";
    String protocol = "";
    List<String[]> headers = new ArrayList<>();
    StringBuilder field = null;
    StringBuilder value = null;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    boolean headersDone = false;
    boolean open = false;
    for (String line : log) {
      Matcher span = SPAN.matcher(line);
      Matcher err = ERROR.matcher(line);
      if (line.endsWith("message begin")) {
        method = url = version = protocol = "";
        headers = new ArrayList<>();
        body = new ByteArrayOutputStream();
        headersDone = false;
        open = true;
      } else if (span.find()) {
        String v = unescape(span.group(2));
        switch (span.group(1)) {
          case "method" -> method += v;
          case "url" -> url += v;
          case "version" -> version += v;
          case "protocol" -> protocol += v;
          case "header_field" -> {
            if (value != null) {
              headers.add(new String[] {field.toString(), value.toString()});
              field = null;
              value = null;
            }
            field = field == null ? new StringBuilder(v) : field.append(v);
          }
          case "header_value" -> value = value == null ? new StringBuilder(v) : value.append(v);
          case "body" -> body.writeBytes(v.getBytes(StandardCharsets.ISO_8859_1));
          default -> { }
        }
      } else if (line.contains("headers complete")) {
        if (field != null) {
          headers.add(new String[] {field.toString(), value == null ? "" : value.toString()});
        }
        field = null;
        value = null;
        headersDone = true;
      } else if (line.endsWith("message complete")) {
        messages.add(new Message(method, url, protocol, version, headers, body, true, true));
        open = false;
      } else if (err.find()) {
        error = err.group(1);
      }
    }
    if (open) {
      messages.add(new Message(method, url, protocol, version, headers, body, headersDone, false));
    }
    return new Case(file, title, type, raw, messages, error);
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        switch (n) {
          case 'r' -> sb.append('\r');
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'f' -> sb.append('\f');
          case 'x' -> {
            sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
            i += 2;
          }
          default -> sb.append(n);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
