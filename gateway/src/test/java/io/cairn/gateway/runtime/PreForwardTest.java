package io.cairn.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.middleware.Exchange;
import io.cairn.gateway.middleware.HeaderMap;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The rate limiter's delay is waited on the event loop's clock before the request goes on. */
class PreForwardTest {
  private static Exchange exchange() {
    return new Exchange("GET", "http", "h", "/", new HeaderMap(), "127.0.0.1", 1, false);
  }

  @Test
  void nothingToDoIsNull() {
    assertThat(PreForward.of(Duration.ZERO, List.of(), exchange(), null)).isNull();
  }

  @Test
  void theDelayIsScheduledNotSkipped() {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.freezeTime();
    CompletableFuture<PreForward.Decision> d = PreForward.of(Duration.ofMillis(200), List.of(), exchange(), null)
        .run(ch.eventLoop());
    ch.runPendingTasks();
    assertThat(d).isNotDone();
    ch.advanceTimeBy(199, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertThat(d).isNotDone();
    ch.advanceTimeBy(1, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertThat(d).isCompletedWithValue(new PreForward.Go(List.of()));
    ch.finishAndReleaseAll();
  }
}
