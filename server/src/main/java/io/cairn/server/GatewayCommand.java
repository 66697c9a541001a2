package io.cairn.server;

import io.cairn.common.lifecycle.ServiceGroup;
import io.cairn.common.logging.LogFormat;
import io.cairn.common.logging.LogLevel;
import io.cairn.common.logging.Logging;
import io.cairn.gateway.config.ConfigException;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.runtime.GatewayServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code cairn gateway}: the Traefik-compatible edge proxy. Every argument other than the short form
 * ({@code --from}/{@code --to}) and {@code --help} is Traefik's static configuration in Traefik's
 * spelling ({@code --entryPoints.web.address=:8080}, {@code --providers.file.filename=FILE}, {@code
 * --configFile=FILE}, …).
 */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the gateway: a Traefik-compatible reverse proxy.",
      "Takes Traefik's static configuration as flags in Traefik's spelling (--entryPoints.<name>.address=:8080,",
      "--providers.file.filename=FILE or --providers.file.directory=DIR with --providers.file.watch, --configFile=FILE);",
      "routers, services and middlewares come from the file provider in Traefik's YAML or TOML form.",
      "Short form: cairn gateway --from 127.0.0.1:8080 --to 127.0.0.1:9000 proxies everything to one upstream."
    },
    subcommands = {GatewayValidateCommand.class, GatewayFileServerCommand.class, GatewayTrustCommand.class})
final class GatewayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--from", paramLabel = "<address>", description = "Short form: the address to listen on (host:port or :port).")
  String from;

  @Option(names = "--to", paramLabel = "<upstream>", description = "Short form: the upstream every request goes to (host:port or http://host:port).")
  String to;

  @Option(names = "--pki-dir", paramLabel = "<dir>",
      description = "Directory of the internal CA that issues certificates for names no configured certificate covers"
          + " (default: $CAIRN_DATA/gateway/pki, else ./data/gateway/pki).")
  java.nio.file.Path pkiDir;

  @Unmatched List<String> traefik = new ArrayList<>();

  static CommandLine commandLine() {
    return new CommandLine(new GatewayCommand());
  }

  @Override
  public Integer call() throws Exception {
    Logging.configure(LogFormat.TEXT, LogLevel.INFO);
    GatewayServer server;
    if (to != null || from != null) {
      if (to == null || !traefik.isEmpty()) {
        spec.commandLine().getErr().println("cairn: the short form takes --to <upstream> (and --from <address>) and nothing else");
        return ExitCodes.USAGE;
      }
      try {
        server = GatewayServer.forward(from == null ? "127.0.0.1:8080" : from, to);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("cairn: " + e.getMessage());
        return ExitCodes.USAGE;
      }
    } else {
      StaticConfig.Loaded loaded;
      try {
        loaded = StaticConfig.load(traefik);
      } catch (ConfigException e) {
        spec.commandLine().getErr().println("cairn: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", "; "));
        return ExitCodes.USAGE;
      }
      for (String ignored : loaded.ignoredFlags()) {
        spec.commandLine().getErr().println("cairn: flag " + ignored + " is ignored: a --configFile was given (as Traefik does)");
      }
      server = pkiDir == null ? new GatewayServer(loaded.config()) : new GatewayServer(loaded.config(), pkiDir);
    }
    try {
      return ProcessRunner.run(new ServiceGroup(List.of(server)), "cairn gateway", spec.commandLine().getOut());
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("cairn: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", "; "));
      return ExitCodes.USAGE;
    }
  }
}
