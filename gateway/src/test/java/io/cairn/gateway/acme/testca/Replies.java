package io.cairn.gateway.acme.testca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** The test server's responses; every one carries a fresh {@code Replay-Nonce}. */
final class Replies {
  private Replies() {}

  static void json(HttpExchange ex, String nonce, int status, JsonNode body, String location)
      throws IOException {
    send(ex, nonce, status, "application/json", Jws.JSON.writeValueAsBytes(body), location);
  }

  /** An RFC 7807 problem document with an {@code urn:ietf:params:acme:error:} type. */
  static void problem(HttpExchange ex, String nonce, Jws.Problem p) throws IOException {
    ObjectNode body = Jws.JSON.createObjectNode();
    body.put("type", "urn:ietf:params:acme:error:" + p.type).put("detail", p.getMessage())
        .put("status", p.status);
    send(ex, nonce, p.status, "application/problem+json", Jws.JSON.writeValueAsBytes(body), null);
  }

  static void send(HttpExchange ex, String nonce, int status, String contentType, byte[] body,
      String location) throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.getResponseHeaders().set("Replay-Nonce", nonce);
    if (location != null) {
      ex.getResponseHeaders().set("Location", location);
    }
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }
}
