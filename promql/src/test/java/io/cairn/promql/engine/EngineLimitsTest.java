package io.cairn.promql.engine;

import static io.cairn.promql.engine.Ast.sel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.promql.storage.Queryable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Query-of-death protection: the concurrency queue, and storage failures as typed errors. */
class EngineLimitsTest {
  @Test
  void queuedQueryTimesOutWithPrometheusMessage() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Queryable blocking = (mint, maxt, matchers) -> {
      entered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of();
    };
    Engine engine = new Engine(EngineOptions.defaults().withMaxConcurrentQueries(1).withTimeout(Duration.ofMillis(200)));
    Thread first = Thread.ofVirtual().start(() -> {
      try {
        engine.instant(blocking, sel("x"), 0);
      } catch (QueryException ignored) {
        // the first query may itself time out once released; only the second one is under test
      }
    });
    assertTrue(entered.await(5, TimeUnit.SECONDS));
    QueryException e = assertThrows(QueryException.class, () -> engine.instant(new Ast.Store(), sel("x"), 0));
    assertEquals(QueryException.ErrorType.TIMEOUT, e.type());
    assertEquals("query timed out in query queue", e.getMessage());
    release.countDown();
    first.join();
    assertEquals(0, ((Value.Vector) engine.instant(new Ast.Store(), sel("x"), 0)).samples().size());
  }

  @Test
  void storageErrorsAreExecutionAndBugsInternal() {
    Engine engine = new Engine(EngineOptions.defaults());
    Queryable broken = (mint, maxt, matchers) -> {
      throw new IOException("corrupt block");
    };
    QueryException io = assertThrows(QueryException.class, () -> engine.instant(broken, sel("x"), 0));
    assertEquals(QueryException.ErrorType.EXECUTION, io.type());
    assertEquals("expanding series: corrupt block", io.getMessage());
    Queryable buggy = (mint, maxt, matchers) -> {
      throw new IllegalStateException("bug");
    };
    QueryException bug = assertThrows(QueryException.class, () -> engine.instant(buggy, sel("x"), 0));
    assertEquals(QueryException.ErrorType.INTERNAL, bug.type());
  }

  @Test
  void rangeQueryRejectsRangeVectorsAndBadSteps() {
    Engine engine = new Engine(EngineOptions.defaults());
    QueryException e = assertThrows(QueryException.class,
        () -> engine.range(new Ast.Store(), Ast.range(sel("x"), 60_000), 0, 60_000, 1000));
    assertEquals(QueryException.ErrorType.BAD_DATA, e.type());
    assertEquals("invalid expression type \"range vector\" for range query, must be Scalar or instant Vector", e.getMessage());
    assertEquals(QueryException.ErrorType.BAD_DATA,
        assertThrows(QueryException.class, () -> engine.range(new Ast.Store(), sel("x"), 0, 60_000, 0)).type());
  }
}
