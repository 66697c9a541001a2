package io.cairn.server;

import io.cairn.common.metrics.BuildInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn version}: what was built and what runs it. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print cairn's version.")
final class VersionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(describe(BuildInfo.current()));
    return ExitCodes.OK;
  }

  static String describe(BuildInfo b) {
    return "cairn " + b.version() + " (revision " + b.revision() + ", Java " + b.javaVersion() + ")";
  }
}
