package io.cairn.server;

import io.cairn.common.config.ConfigException;
import io.cairn.common.metrics.BuildInfo;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import org.slf4j.LoggerFactory;

/** {@code cairn}: the top command. Run without a subcommand it prints its usage. */
@Command(
    name = "cairn",
    mixinStandardHelpOptions = true,
    versionProvider = CairnCommand.Version.class,
    description = {
      "etcd, Prometheus, Traefik/Caddy (and later TiDB) compatible services in one binary.",
      "Run 'cairn up' to start every service on this machine with data under ./data."
    },
    subcommands = {CommandLine.HelpCommand.class, VersionCommand.class})
final class CairnCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** The configured command line: subcommands, error handling and exit codes. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new CairnCommand());
    cl.addSubcommand("up", UpCommand.commandLine());
    cl.addSubcommand("kv", KvCommand.commandLine());
    cl.addSubcommand("monitor", MonitorCommand.commandLine());
    cl.addSubcommand("gateway", GatewayCommand.commandLine());
    cl.setUsageHelpWidth(120);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          String where = ex.getCommandLine().getCommandSpec().qualifiedName();
          ex.getCommandLine()
              .getErr()
              .println("cairn: " + oneLine(ex.getMessage()) + " (see '" + where + " --help')");
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          if (ex instanceof ConfigException) {
            cmd.getErr().println("cairn: " + ex.getMessage());
            return ExitCodes.USAGE;
          }
          LoggerFactory.getLogger(CairnCommand.class).debug("command failed", ex);
          cmd.getErr().println("cairn: " + describe(ex));
          return ExitCodes.FAILURE;
        });
    return cl;
  }

  private static String describe(Throwable ex) {
    String msg = ex.getMessage();
    if (msg == null || msg.isBlank()) {
      msg = ex.getClass().getSimpleName();
    } else if (!(ex instanceof IOException) && !(ex instanceof IllegalStateException)) {
      msg = ex.getClass().getSimpleName() + ": " + msg;
    }
    return oneLine(msg);
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {VersionCommand.describe(BuildInfo.current())};
    }
  }
}
