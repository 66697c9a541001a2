package io.cairn.server;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code cairn} executable. */
public final class Main {
  private Main() {}

  /**
   * Netty's leak detector, on by default, records a stack trace for one buffer in 128 (about 300
   * traces a second under {@code etcdctl check perf}); a server binary runs without it, as Netty
   * advises for production. {@code -Dio.netty.leakDetection.level=simple} (or paranoid) turns it back
   * on. Tests, which do not start here, keep Netty's default. Ratis' shaded copy of Netty reads its
   * own property, set the same way.
   */
  static final String LEAK_DETECTION = "io.netty.leakDetection.level";

  static final String RATIS_LEAK_DETECTION = "org.apache.ratis.thirdparty." + LEAK_DETECTION;

  public static void main(String[] args) {
    if (System.getProperty(LEAK_DETECTION) == null) {
      System.setProperty(LEAK_DETECTION, "disabled");
    }
    if (System.getProperty(RATIS_LEAK_DETECTION) == null) {
      System.setProperty(RATIS_LEAK_DETECTION, System.getProperty(LEAK_DETECTION));
    }
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the CLI and returns its exit code; {@code up} returns only after it has been stopped. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = CairnCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }
}
