package io.cairn.monitor.scrape;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A blocking HTTP/1.1 GET over one kept-alive plain TCP connection: the fetch of an {@code http://}
 * scrape target, as Go's transport does it for Prometheus, without the JDK {@code HttpClient}'s
 * asynchronous machinery (a selector thread, completion stages, an executor task per step), which was
 * about a third of the scrape path's CPU under the ingest benchmark.
 *
 * <p>Concurrency: one exchange at a time, on the scrape loop's (virtual) thread, whose socket reads
 * park it; {@link #close} may be called from any thread and makes a blocked exchange fail.
 *
 * <p>Protocol: the connection is reused while the server keeps it open ({@code Connection: close}
 * and HTTP/1.0 answers end it). A GET on a reused connection that fails before the first byte of the
 * answer (the server closed it while idle) is sent once more on a new connection, as Go does for
 * idempotent requests. Bodies are length-delimited, chunked, or read until the server closes; 1xx
 * answers are skipped; an answer other than 200 ends the connection without reading its body.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>what</th><th>limit</th><th>on excess</th></tr>
 *   <tr><td>whole exchange, connect included</td><td>the scrape timeout (the deadline passed in)</td>
 *       <td>{@link DeadlineExceeded}</td></tr>
 *   <tr><td>status line and headers</td><td>{@value #MAX_HEAD_BYTES} bytes</td><td>{@link
 *       Malformed}</td></tr>
 *   <tr><td>one chunk-size line (and the CRLF after its data)</td><td>{@value
 *       #MAX_CHUNK_LINE_BYTES} bytes</td><td>{@link Malformed}</td></tr>
 *   <tr><td>trailers of a chunked body</td><td>{@value #MAX_HEAD_BYTES} bytes</td><td>{@link
 *       Malformed}</td></tr>
 *   <tr><td>body (raw, before gzip decoding)</td><td>the cap passed in</td><td>{@link
 *       BoundedBody.TooLarge}</td></tr>
 * </table>
 */
final class Http1Fetch implements Closeable {
  static final int MAX_HEAD_BYTES = 256 * 1024;
  /** The longest chunk-size line (Go's chunked reader allows 4 KiB). */
  static final int MAX_CHUNK_LINE_BYTES = 4096;
  private static final String HEAD_TOO_LONG = "response head longer than " + MAX_HEAD_BYTES + " bytes";
  private static final String CHUNK_LINE_TOO_LONG = "chunk size line longer than " + MAX_CHUNK_LINE_BYTES + " bytes";
  /** The largest body a Java array holds, whatever the cap. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final int BUFFER = 16 * 1024;
  private static final int INITIAL_BODY = 1 << 20;

  /** An answer: its status, the headers the scrape uses (null when absent) and, for 200, its body. */
  record Response(int status, String contentType, String contentEncoding, byte[] body) {}

  /** The deadline passed before the exchange completed. */
  static final class DeadlineExceeded extends IOException {
    DeadlineExceeded() {
      super("context deadline exceeded", null);
    }
  }

  /** The server's answer is not HTTP/1.x as RFC 9112 writes it. */
  static final class Malformed extends IOException {
    Malformed(String what) {
      super("malformed HTTP response: " + what);
    }
  }

  private final String host;
  private final int port;
  private final byte[] request;
  private volatile Socket socket;
  private volatile boolean aborted;
  private InputStream in;
  private OutputStream out;
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private int lim;
  private long deadline;
  private boolean answered; // a byte of the current answer was read
  private int lineBudget; // what the lines now being read may still take, newlines included
  private String overBudget; // the error when they take more

  /** For {@code url} ({@code http} scheme), sending {@code headers} ("Name: value" lines, no CRLF). */
  Http1Fetch(URI url, Iterable<String> headers) {
    if (!"http".equalsIgnoreCase(url.getScheme())) {
      throw new IllegalArgumentException("Http1Fetch fetches http:// URLs only, got " + url);
    }
    String h = url.getHost();
    if (h == null || url.getRawAuthority() == null) {
      throw new IllegalArgumentException("a scrape URL needs a host, got " + url);
    }
    this.host = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    this.port = url.getPort() < 0 ? 80 : url.getPort();
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
    String authority = url.getRawAuthority();
    int at = authority.lastIndexOf('@');
    StringBuilder r = new StringBuilder("GET ").append(path).append(query).append(" HTTP/1.1\r\n")
        .append("Host: ").append(at < 0 ? authority : authority.substring(at + 1)).append("\r\n");
    for (String line : headers) {
      r.append(line).append("\r\n");
    }
    this.request = r.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Sends the GET and reads the answer before {@code deadlineNanos} ({@link System#nanoTime}); a body
   * longer than {@code cap} bytes fails with {@link BoundedBody.TooLarge}.
   */
  Response get(long deadlineNanos, long cap) throws IOException {
    deadline = deadlineNanos;
    if (pos < lim) {
      close(); // the server sent more than its last answer: the connection is out of step
    }
    boolean reused = socket != null;
    if (!reused) {
      connect();
    }
    try {
      return exchange(cap);
    } catch (IOException e) {
      close();
      if (!reused || answered || e instanceof DeadlineExceeded) {
        throw e;
      }
      connect(); // the server closed the idle connection: once more on a new one
      try {
        return exchange(cap);
      } catch (IOException again) {
        close();
        throw again;
      }
    }
  }

  /**
   * Ends this fetch for good, from any thread: an exchange in progress fails, and so does every
   * later {@link #get}, also one that was about to connect (a stopping loop must not start one).
   */
  void abort() {
    aborted = true;
    close();
  }

  /** Closes the connection; a blocked exchange fails. Idempotent; the next {@link #get} reconnects. */
  @Override
  public void close() {
    Socket s = socket;
    socket = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    socket = s;
    pos = 0;
    lim = 0;
    if (aborted) { // read after publishing the socket, as abort() sets the flag before closing it
      close();
      throw new IOException("fetch aborted");
    }
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host, port), remainingMillis());
    } catch (SocketTimeoutException e) {
      close();
      throw new DeadlineExceeded();
    } catch (IOException e) {
      close();
      throw e;
    }
    in = s.getInputStream();
    out = s.getOutputStream();
  }

  private Response exchange(long cap) throws IOException {
    answered = false;
    out.write(request);
    out.flush();
    while (true) {
      Head head = readHead();
      int status = head.status;
      if (status >= 100 && status < 200 && status != 101) {
        continue; // interim answer; the final one follows
      }
      if (status != 200) {
        close(); // its body is not needed: do not read it
        return new Response(status, head.contentType, head.contentEncoding, null);
      }
      byte[] body = head.chunked ? readChunked(cap) : head.contentLength >= 0 ? readFixed(head.contentLength, cap) : readToEnd(cap);
      if (head.close || (!head.chunked && head.contentLength < 0)) {
        close();
      }
      return new Response(status, head.contentType, head.contentEncoding, body);
    }
  }

  /** The parts of a response head the scrape needs. */
  private static final class Head {
    int status;
    long contentLength = -1;
    boolean chunked;
    boolean close;
    String contentType;
    String contentEncoding;
  }

  private Head readHead() throws IOException {
    budgetLines(MAX_HEAD_BYTES, HEAD_TOO_LONG);
    String statusLine = readLine();
    if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.") || statusLine.charAt(8) != ' '
        || !isDigits(statusLine, 9, 12) || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
      throw new Malformed("bad status line \"" + printable(statusLine) + "\"");
    }
    Head h = new Head();
    h.status = Integer.parseInt(statusLine, 9, 12, 10);
    h.close = statusLine.charAt(7) == '0';
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(colon - 1) == ' ' || line.charAt(colon - 1) == '\t') {
        throw new Malformed("bad header line \"" + printable(line) + "\"");
      }
      String name = line.substring(0, colon);
      String value = line.substring(colon + 1).strip();
      if (name.equalsIgnoreCase("Content-Length")) {
        if (value.isEmpty() || value.length() > 18 || !isDigits(value, 0, value.length())) {
          throw new Malformed("bad Content-Length \"" + printable(value) + "\"");
        }
        long n = Long.parseLong(value);
        if (h.contentLength >= 0 && h.contentLength != n) {
          throw new Malformed("conflicting Content-Length headers");
        }
        h.contentLength = n;
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        h.chunked = value.regionMatches(true, Math.max(0, value.length() - 7), "chunked", 0, 7);
        if (!h.chunked) {
          throw new Malformed("unsupported Transfer-Encoding \"" + printable(value) + "\"");
        }
      } else if (name.equalsIgnoreCase("Connection")) {
        for (String token : value.split(",")) {
          h.close |= token.strip().equalsIgnoreCase("close");
        }
      } else if (name.equalsIgnoreCase("Content-Type")) {
        h.contentType = value;
      } else if (name.equalsIgnoreCase("Content-Encoding")) {
        h.contentEncoding = value;
      }
    }
    if (h.chunked) {
      h.contentLength = -1; // RFC 9112 6.3: Transfer-Encoding overrides Content-Length
    }
    return h;
  }

  private byte[] readFixed(long length, long cap) throws IOException {
    if (length > cap || length > MAX_ARRAY) {
      throw new BoundedBody.TooLarge(Math.min(cap, MAX_ARRAY));
    }
    // grown as bytes arrive: a Content-Length alone does not make us allocate it
    byte[] body = new byte[(int) Math.min(length, INITIAL_BODY)];
    int n = 0;
    while (n < length) {
      if (n == body.length) {
        body = Arrays.copyOf(body, (int) Math.min(length, body.length * 2L));
      }
      int want = body.length - n;
      readFully(body, n, want);
      n += want;
    }
    return body;
  }

  private byte[] readToEnd(long cap) throws IOException {
    byte[] body = new byte[BUFFER];
    int n = 0;
    while (true) {
      if (pos == lim && !fill()) {
        return Arrays.copyOf(body, n);
      }
      int take = lim - pos;
      if (n + (long) take > Math.min(cap, MAX_ARRAY)) {
        throw new BoundedBody.TooLarge(Math.min(cap, MAX_ARRAY));
      }
      if (n + take > body.length) {
        body = Arrays.copyOf(body, (int) Math.min(Math.max(n + take, body.length * 2L), MAX_ARRAY));
      }
      System.arraycopy(buf, pos, body, n, take);
      n += take;
      pos = lim;
    }
  }

  private byte[] readChunked(long cap) throws IOException {
    byte[] body = new byte[BUFFER];
    int n = 0;
    while (true) {
      budgetLines(MAX_CHUNK_LINE_BYTES, CHUNK_LINE_TOO_LONG); // per line: a body may have many chunks
      String line = readLine();
      int end = line.indexOf(';');
      String hex = (end < 0 ? line : line.substring(0, end)).strip();
      if (hex.isEmpty() || hex.length() > 15) {
        throw new Malformed("bad chunk size \"" + printable(line) + "\"");
      }
      long size;
      try {
        size = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        throw new Malformed("bad chunk size \"" + printable(line) + "\"");
      }
      if (size == 0) {
        budgetLines(MAX_HEAD_BYTES, HEAD_TOO_LONG);
        while (!readLine().isEmpty()) {
          // trailers: not used by a scrape
        }
        return Arrays.copyOf(body, n);
      }
      long max = Math.min(cap, MAX_ARRAY);
      if (n + size > max) {
        throw new BoundedBody.TooLarge(max);
      }
      for (long left = size; left > 0; ) { // grown as bytes arrive, not by what the size line claims
        if (n == body.length) {
          body = Arrays.copyOf(body, (int) Math.min(body.length * 2L, max));
        }
        int want = (int) Math.min(left, body.length - n);
        readFully(body, n, want);
        n += want;
        left -= want;
      }
      budgetLines(MAX_CHUNK_LINE_BYTES, CHUNK_LINE_TOO_LONG);
      if (!readLine().isEmpty()) {
        throw new Malformed("chunk data longer than its size");
      }
    }
  }

  private void readFully(byte[] dst, int off, int len) throws IOException {
    while (len > 0) {
      if (pos == lim && !fill()) {
        throw new EOFException("unexpected EOF");
      }
      int take = Math.min(len, lim - pos);
      System.arraycopy(buf, pos, dst, off, take);
      pos += take;
      off += take;
      len -= take;
    }
  }

  /** Lets the next lines take {@code bytes} in all; more fails with {@code error}. */
  private void budgetLines(int bytes, String error) {
    lineBudget = bytes;
    overBudget = error;
  }

  /** A line without its CRLF (or bare LF), charged against the line budget. */
  private String readLine() throws IOException {
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos == lim && !fill()) {
        throw new EOFException(answered ? "unexpected EOF" : "EOF");
      }
      int start = pos;
      while (pos < lim && buf[pos] != '\n') {
        pos++;
      }
      lineBudget -= pos - start + 1;
      if (lineBudget < 0) {
        throw new Malformed(overBudget);
      }
      sb.append(new String(buf, start, pos - start, StandardCharsets.ISO_8859_1));
      if (pos < lim) {
        pos++; // the LF
        int l = sb.length();
        if (l > 0 && sb.charAt(l - 1) == '\r') {
          sb.setLength(l - 1);
        }
        return sb.toString();
      }
    }
  }

  /** Reads more bytes into the buffer; false at the end of the stream. */
  private boolean fill() throws IOException {
    Socket s = socket;
    if (s == null) {
      throw new IOException("connection closed");
    }
    s.setSoTimeout(remainingMillis());
    int n;
    try {
      n = in.read(buf, 0, buf.length);
    } catch (SocketTimeoutException e) {
      throw new DeadlineExceeded();
    }
    if (n < 0) {
      return false;
    }
    answered = true;
    pos = 0;
    lim = n;
    return true;
  }

  private int remainingMillis() throws DeadlineExceeded {
    long ms = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (ms <= 0) {
      throw new DeadlineExceeded();
    }
    return (int) Math.min(Integer.MAX_VALUE, ms);
  }

  private static boolean isDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String printable(String s) {
    String t = s.length() > 100 ? s.substring(0, 100) + "..." : s;
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return sb.toString();
  }
}
