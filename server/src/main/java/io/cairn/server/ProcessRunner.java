package io.cairn.server;

import io.cairn.common.lifecycle.Endpoint;
import io.cairn.common.lifecycle.ServiceGroup;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs a service group until SIGTERM or SIGINT.
 *
 * <p>The JVM's own answer to SIGTERM is exit status 143; cairn instead catches both signals, stops
 * the services in reverse start order and exits 0, as etcd and Prometheus do. If stopping takes
 * longer than {@link #STOP_DEADLINE} the process halts with status 1; a second signal during
 * shutdown halts at once.
 */
final class ProcessRunner {
  private static final Logger log = LoggerFactory.getLogger(ProcessRunner.class);

  /** How long a clean stop may take before the process halts. */
  static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

  /** The running group's stop request, so a service can ask the process to shut down. */
  private static volatile CountDownLatch current;

  private ProcessRunner() {}

  /** Stops the running process as SIGTERM would (no-op when nothing runs). */
  static void requestStop(String why) {
    CountDownLatch l = current;
    if (l != null && l.getCount() > 0) {
      log.info("stopping: {}", why);
      l.countDown();
    }
  }

  static int run(ServiceGroup group, String what, PrintWriter out) throws Exception {
    CountDownLatch stopRequested = new CountDownLatch(1);
    current = stopRequested;
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(
          new Signal(name),
          sig -> {
            if (stopRequested.getCount() == 0) {
              Runtime.getRuntime().halt(ExitCodes.FAILURE);
            }
            log.info("SIG{} received, stopping", sig.getName());
            stopRequested.countDown();
          });
    }
    group.start();
    out.println(what + " is running; endpoints:");
    for (Endpoint e : group.endpoints()) {
      out.printf("  %-8s %-28s %s%n", e.service(), e.url(), e.serves());
    }
    out.flush();
    log.info("{} ready", what);
    stopRequested.await();
    Thread watchdog =
        Thread.ofPlatform()
            .daemon()
            .name("stop-watchdog")
            .start(
                () -> {
                  try {
                    Thread.sleep(STOP_DEADLINE);
                    log.error("services did not stop within {}; halting; threads:{}", STOP_DEADLINE, threadDump());
                    Runtime.getRuntime().halt(ExitCodes.FAILURE);
                  } catch (InterruptedException done) {
                    // stopped in time
                  }
                });
    group.stop();
    watchdog.interrupt();
    log.info("{} stopped", what);
    return ExitCodes.OK;
  }

  /** The platform threads' stacks (top frames), so that a stop that overran says where it hung. */
  private static String threadDump() {
    StringBuilder sb = new StringBuilder();
    Thread.getAllStackTraces().forEach((t, frames) -> {
      sb.append("\n\"").append(t.getName()).append("\" ").append(t.getState());
      for (int i = 0; i < Math.min(frames.length, 16); i++) {
        sb.append("\n    at ").append(frames[i]);
      }
    });
    return sb.toString();
  }
}
