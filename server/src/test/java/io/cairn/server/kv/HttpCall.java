package io.cairn.server.kv;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * One HTTP request curl sends to the JSON gateway: a method, a path on the client URL, for every
 * method but GET a body sent as is ({@code --data-binary}), possibly empty, and an auth token for the
 * {@code Authorization} header ({@code ""} for none).
 */
record HttpCall(String method, String path, String body, String authorization) {
  /** Bodies longer than this show abbreviated in transcripts. */
  private static final int SHOWN_BODY_CHARS = 200;

  HttpCall(String method, String path, String body) {
    this(method, path, body, "");
  }

  static HttpCall post(String path, String body) {
    return new HttpCall("POST", path, body);
  }

  static HttpCall get(String path) {
    return new HttpCall("GET", path, "");
  }

  boolean sendsBody() {
    return !method.equals("GET");
  }

  /** This call with {@code resolve} applied to its path and body (placeholders such as {@code {lease}}). */
  HttpCall resolved(UnaryOperator<String> resolve) {
    return new HttpCall(method, resolve.apply(path), resolve.apply(body), resolve.apply(authorization));
  }

  HttpCall withAuthorization(String token) {
    return new HttpCall(method, path, body, token);
  }

  /** The call as a transcript shows it: {@code > POST /v3/kv/put {"key":...}}. */
  String display() {
    String shown =
        body.length() > SHOWN_BODY_CHARS
            ? "<" + body.length() + " bytes: " + body.substring(0, 40) + "...>"
            : body;
    return "> " + method + " " + path + (sendsBody() ? " " + shown : "")
        + (authorization.isEmpty() ? "" : "    [Authorization: " + authorization + "]");
  }

  /** grpc-gateway's JSON for bytes fields: standard base64 of the UTF-8 text. */
  static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
