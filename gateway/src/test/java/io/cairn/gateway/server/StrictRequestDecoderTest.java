package io.cairn.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrictRequestDecoderTest {
  @Test
  void missingHostIsRejected() {
    ServerHarness h = new ServerHarness().feed("GET / HTTP/1.1\r\n\r\n");
    String out = h.output();
    assertThat(out).startsWith("HTTP/1.1 400 Bad Request\r\n");
    assertThat(h.routed).isEmpty();
  }
}
