package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading curl's dumped headers: interim responses skipped, trailers ignored. */
class HttpResponseTest {
  @Test
  void skipsInterimResponsesAndIgnoresTrailers() {
    List<String> dumped = List.of(
        "HTTP/1.1 100 Continue", "",
        "HTTP/1.1 400 Bad Request", "Content-Type: application/json", "Trailer: Grpc-Trailer-Content-Type", "",
        "Grpc-Trailer-Content-Type: application/grpc", "");
    HttpResponse r = HttpResponse.parse(dumped, List.of("{\"error\":\"x\"}"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.mediaType()).isEqualTo("application/json");
    assertThat(r.headers()).doesNotContainKey("grpc-trailer-content-type");
    assertThat(r.bodyText()).isEqualTo("{\"error\":\"x\"}");
  }

  @Test
  void mediaTypeDropsParametersAndNoResponseIsStatusZero() {
    HttpResponse text = HttpResponse.parse(List.of("HTTP/1.1 404 Not Found", "Content-Type: text/plain; charset=utf-8", ""), List.of("Not Found"));
    assertThat(text.mediaType()).isEqualTo("text/plain");
    HttpResponse none = HttpResponse.parse(List.of(), List.of());
    assertThat(none.status()).isZero();
    assertThat(none.mediaType()).isEqualTo("-");
  }
}
