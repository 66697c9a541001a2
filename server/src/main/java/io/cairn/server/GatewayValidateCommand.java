package io.cairn.server;

import io.cairn.gateway.config.ConfigProblem;
import io.cairn.gateway.provider.file.Validate;
import io.cairn.gateway.router.Rules;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn gateway validate FILE...}: checks dynamic configuration offline, as a reload would. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check gateway dynamic configuration files (or directories) the way a reload checks them, without serving.",
      "Prints every problem as <file>: <key>: <message>; exits 0 when there is none, 2 otherwise."
    })
final class GatewayValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Dynamic configuration files or directories (YAML or TOML).")
  List<Path> files;

  @Override
  public Integer call() {
    List<ConfigProblem> problems = Validate.files(files, Rules::check, Optional.empty());
    if (problems.isEmpty()) {
      spec.commandLine().getOut().println("configuration is valid: " + files);
      return ExitCodes.OK;
    }
    for (ConfigProblem p : problems) {
      spec.commandLine().getErr().println(p);
    }
    return ExitCodes.USAGE;
  }
}
