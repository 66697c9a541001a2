package io.cairn.server;

import io.cairn.gateway.tls.InternalCa;
import io.cairn.gateway.tls.SystemTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn gateway trust}: the internal CA's root certificate, and installing it system-wide. */
@Command(
    name = "trust",
    mixinStandardHelpOptions = true,
    description = {
      "Print the path and PEM of the gateway's internal CA root (created if missing), which signs the",
      "certificates the gateway issues for names no configured certificate covers.",
      "With --install, copy it into the system trust store (/usr/local/share/ca-certificates + update-ca-certificates)."
    })
final class GatewayTrustCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--pki-dir", paramLabel = "<dir>",
      description = "The internal CA's directory (default: $CAIRN_DATA/gateway/pki, else ./data/gateway/pki).")
  Path pkiDir;

  @Option(names = "--install", description = "Add the root to the system trust store (needs root).")
  boolean install;

  @Override
  public Integer call() throws InterruptedException {
    InternalCa ca = new InternalCa(pkiDir == null ? InternalCa.defaultDirectory() : pkiDir);
    String pem;
    try {
      pem = ca.rootPem();
    } catch (UncheckedIOException e) {
      spec.commandLine().getErr().println("cairn: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    spec.commandLine().getOut().println(ca.rootCertificatePath());
    spec.commandLine().getOut().print(pem);
    spec.commandLine().getOut().flush();
    if (install) {
      try {
        Path installed = SystemTrust.install(ca.rootCertificatePath());
        spec.commandLine().getOut().println("installed as " + installed);
      } catch (IOException e) {
        spec.commandLine().getErr().println("cairn: cannot install the root: " + e.getMessage());
        return ExitCodes.FAILURE;
      }
    }
    return ExitCodes.OK;
  }
}
