package io.cairn.server;

import io.cairn.monitor.backfill.OpenMetricsImport;
import io.cairn.common.text.PromDuration;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn monitor import}: backfill, as {@code promtool tsdb create-blocks-from}. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Write historical samples into blocks, like 'promtool tsdb create-blocks-from'.",
    subcommands = {MonitorImportCommand.OpenMetrics.class})
final class MonitorImportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** {@code cairn monitor import openmetrics FILE [DIR]}. */
  @Command(
      name = "openmetrics",
      mixinStandardHelpOptions = true,
      description = {
        "Import an OpenMetrics text file whose samples all have timestamps into blocks under DIR",
        "(default data/monitor, the storage of 'cairn monitor' with the default --data-dir).",
        "A running monitor picks the blocks up at its next start."
      })
  static final class OpenMetrics implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The OpenMetrics file (ending with # EOF).")
    Path file;

    @Parameters(index = "1", paramLabel = "DIR", arity = "0..1", description = "Output directory. Default: data/monitor.")
    Path dir = Path.of("data", "monitor");

    @Option(names = "--max-block-duration", paramLabel = "<duration>",
        description = "Range of the blocks written, as promtool's flag. Default: 2h.")
    String blockDuration = "2h";

    @Override
    public Integer call() throws Exception {
      long ms;
      try {
        ms = PromDuration.parse(blockDuration).millis();
      } catch (IllegalArgumentException e) {
        ms = 0;
      }
      if (ms <= 0) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--max-block-duration: expected a positive Prometheus duration such as 2h, got '" + blockDuration + "'");
      }
      OpenMetricsImport.Result r;
      try {
        r = OpenMetricsImport.run(file, dir, ms);
      } catch (OpenMetricsImport.ImportException e) {
        spec.commandLine().getErr().println("cairn: " + e.getMessage());
        return ExitCodes.FAILURE;
      }
      spec.commandLine().getOut().println("imported " + r.samples() + " samples of " + r.series() + " series into "
          + r.blocks().size() + " blocks under " + dir);
      return ExitCodes.OK;
    }
  }
}
