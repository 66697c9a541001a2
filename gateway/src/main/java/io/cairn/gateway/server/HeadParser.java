package io.cairn.gateway.server;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;
import static io.netty.handler.codec.http.HttpResponseStatus.EXPECTATION_FAILED;
import static io.netty.handler.codec.http.HttpResponseStatus.NOT_IMPLEMENTED;
import static io.netty.handler.codec.http.HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;

/**
 * Parses one complete HTTP/1.x request head (request line and header lines, each already known to
 * end in CRLF) and applies the semantic checks that close request smuggling: one Host on HTTP/1.1,
 * at most one Content-Length made of digits, Transfer-Encoding only as a lone final {@code chunked}
 * and never together with Content-Length, no obs-fold, no CTLs, no whitespace before a colon.
 *
 * <p>Returns either a {@link Parsed} or a {@link Rejection}; never throws on bad input.
 */
final class HeadParser {
  /** A request head that passed every check, and how its body is framed. */
  record Parsed(HttpRequest request, long contentLength, boolean chunked, boolean keepAlive) {}

  private HeadParser() {}

  /**
   * @param head the head as ISO-8859-1 text, from the request line to the blank line exclusive, with
   *     lines separated by CRLF
   */
  static Object parse(String head, long maxBodyBytes) {
    int eol = head.indexOf("\r\n");
    String requestLine = eol < 0 ? head : head.substring(0, eol);
    int sp1 = requestLine.indexOf(' ');
    int sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1) {
      return bad("malformed request line");
    }
    String method = requestLine.substring(0, sp1);
    String target = requestLine.substring(sp1 + 1, sp2);
    String version = requestLine.substring(sp2 + 1);
    if (!Syntax.isToken(method)) {
      return bad("invalid method");
    }
    for (int i = 0; i < target.length(); i++) {
      if (!Syntax.isTargetChar(target.charAt(i))) {
        return bad("invalid character in request target");
      }
    }
    HttpVersion httpVersion;
    if (version.equals("HTTP/1.1")) {
      httpVersion = HttpVersion.HTTP_1_1;
    } else if (version.equals("HTTP/1.0")) {
      httpVersion = HttpVersion.HTTP_1_0;
    } else {
      return bad("unsupported or malformed HTTP version");
    }
    if (method.equals("CONNECT")) {
      return new Rejection(NOT_IMPLEMENTED, "CONNECT is not supported");
    }
    boolean origin = target.startsWith("/");
    boolean absolute = startsWithIgnoreCase(target, "http://")
        || startsWithIgnoreCase(target, "https://");
    boolean asterisk = target.equals("*"); // any method, as Go accepts (SSDP's M-SEARCH *)
    if (!origin && !absolute && !asterisk) {
      return bad("request target is not in origin, absolute or asterisk form");
    }

    HttpHeaders headers = DefaultHttpHeadersFactory.headersFactory()
        .withNameValidation(false).withValueValidation(false).newHeaders();
    int pos = eol < 0 ? head.length() : eol + 2;
    while (pos < head.length()) {
      int end = head.indexOf("\r\n", pos);
      if (end < 0) {
        end = head.length();
      }
      Object problem = addField(head, pos, end, headers);
      if (problem != null) {
        return problem;
      }
      pos = end + 2;
    }
    HttpRequest request = new DefaultHttpRequest(
        httpVersion, HttpMethod.valueOf(method), target, headers);
    return checkSemantics(request, maxBodyBytes);
  }

  /** Adds one {@code name: value} line; returns a Rejection when the line is not a valid field. */
  static Rejection addField(String text, int from, int to, HttpHeaders into) {
    if (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
      return bad("obsolete line folding");
    }
    int colon = text.indexOf(':', from);
    if (colon < 0 || colon >= to) {
      return bad("header line without a colon");
    }
    if (colon == from) {
      return bad("empty header name");
    }
    for (int i = from; i < colon; i++) {
      if (!Syntax.isTchar(text.charAt(i))) {
        return bad("invalid character in header name");
      }
    }
    int vs = colon + 1;
    int ve = to;
    while (vs < ve && (text.charAt(vs) == ' ' || text.charAt(vs) == '\t')) {
      vs++;
    }
    while (ve > vs && (text.charAt(ve - 1) == ' ' || text.charAt(ve - 1) == '\t')) {
      ve--;
    }
    for (int i = vs; i < ve; i++) {
      if (!Syntax.isFieldChar(text.charAt(i))) {
        return bad("invalid character in header value");
      }
    }
    into.add(text.substring(from, colon), text.substring(vs, ve));
    return null;
  }

  private static Object checkSemantics(HttpRequest request, long maxBodyBytes) {
    HttpHeaders h = request.headers();
    boolean http11 = request.protocolVersion().equals(HttpVersion.HTTP_1_1);
    List<String> hosts = h.getAll(HttpHeaderNames.HOST);
    if (http11 && hosts.isEmpty()) {
      return bad("missing Host header");
    }
    if (hosts.size() > 1) {
      return bad("more than one Host header");
    }
    if (!hosts.isEmpty() && !Syntax.isValidHost(hosts.getFirst())) {
      return bad("invalid Host header");
    }
    List<String> lengths = h.getAll(HttpHeaderNames.CONTENT_LENGTH);
    List<String> codings = h.getAll(HttpHeaderNames.TRANSFER_ENCODING);
    long contentLength = 0;
    boolean chunked = false;
    if (lengths.size() > 1) {
      return bad("more than one Content-Length header");
    }
    if (!lengths.isEmpty()) {
      if (!codings.isEmpty()) {
        return bad("both Content-Length and Transfer-Encoding");
      }
      contentLength = parseLength(lengths.getFirst());
      if (contentLength < 0) {
        return bad("invalid Content-Length");
      }
    }
    if (!codings.isEmpty()) {
      if (!http11) {
        return bad("Transfer-Encoding on HTTP/1.0");
      }
      String[] parts = String.join(",", codings).split(",", -1);
      if (!parts[parts.length - 1].strip().equalsIgnoreCase("chunked")) {
        return bad("Transfer-Encoding does not end in chunked");
      }
      for (int i = 0; i < parts.length - 1; i++) {
        if (!Syntax.isToken(parts[i].strip())) {
          return bad("invalid Transfer-Encoding");
        }
      }
      if (parts.length > 1) {
        return new Rejection(NOT_IMPLEMENTED, "unsupported transfer coding");
      }
      chunked = true;
    }
    if (maxBodyBytes > 0 && contentLength > maxBodyBytes) {
      return new Rejection(REQUEST_ENTITY_TOO_LARGE, "request body larger than the limit");
    }
    String expect = h.get(HttpHeaderNames.EXPECT);
    if (expect != null && !expect.equalsIgnoreCase("100-continue")) {
      return new Rejection(EXPECTATION_FAILED, "unsupported expectation");
    }
    return new Parsed(request, contentLength, chunked, HttpUtil.isKeepAlive(request));
  }

  /** Digits only, at most 18 of them (no sign, no list, no whitespace); -1 when invalid. */
  static long parseLength(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean startsWithIgnoreCase(String s, String prefix) {
    return s.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  static Rejection bad(String reason) {
    return new Rejection(BAD_REQUEST, reason);
  }
}
