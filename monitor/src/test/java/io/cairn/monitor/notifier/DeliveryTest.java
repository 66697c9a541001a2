package io.cairn.monitor.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An Alertmanager that answers the headers and then never the body must not hold the sender past the timeout. */
class DeliveryTest {
  @Test
  @Timeout(60) // guards against the hang; the set's timeout is 300 ms
  void aStalledResponseBodyEndsWithTheTimeout() throws Exception {
    for (String status : new String[] {"200 OK", "500 Internal Server Error"}) {
      try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
          HttpClient client = HttpClient.newHttpClient()) {
        Thread stub = Thread.ofVirtual().start(() -> {
          while (true) {
            try {
              Socket s = server.accept();
              s.getInputStream().read(new byte[8192]);
              OutputStream out = s.getOutputStream();
              out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 1000\r\n\r\nstart")
                  .getBytes(StandardCharsets.ISO_8859_1));
              out.flush(); // and the rest of the body never comes; the socket stays open
            } catch (Exception e) {
              return;
            }
          }
        });
        Delivery.Result r = Delivery.post(client, "http://127.0.0.1:" + server.getLocalPort() + "/api/v2/alerts",
            Optional.empty(), "[]", Duration.ofMillis(300));
        assertThat(r.attempts()).as(status).isGreaterThanOrEqualTo(1);
        if (status.startsWith("200")) {
          assertThat(r.ok()).as("the status is what counts, as in Prometheus").isTrue();
        } else {
          assertThat(r.ok()).isFalse();
          assertThat(r.error()).startsWith("bad response status 500");
        }
        stub.interrupt();
      }
    }
  }
}
