package io.cairn.server;

import io.cairn.common.lifecycle.ServiceGroup;
import io.cairn.common.logging.LogFormat;
import io.cairn.common.logging.LogLevel;
import io.cairn.common.logging.Logging;
import io.cairn.gateway.compress.Encoding;
import io.cairn.gateway.files.FileServer;
import io.cairn.gateway.files.FileServerSpec;
import io.cairn.gateway.runtime.GatewayServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn gateway file-server}: Caddy's {@code caddy file-server}, one entry point serving a
 * directory. The default address is {@code :8080} rather than Caddy's {@code :80}, which needs root.
 */
@Command(
    name = "file-server",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Serve a directory over HTTP/1.1 and h2c, as Caddy's file-server: index files, ranges, conditional requests,",
      "ETag and Last-Modified; optionally directory listings (--browse) and precompressed sidecar files (--precompressed)."
    })
final class GatewayFileServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-r", "--root"}, paramLabel = "<dir>", description = "The directory to serve (default: the current directory).")
  Path root = Path.of(".");

  @Option(names = {"-l", "--listen"}, paramLabel = "<address>", description = "The address to listen on, host:port or :port (default: ${DEFAULT-VALUE}).")
  String listen = ":8080";

  @Option(names = {"-b", "--browse"}, description = "List directories that have no index file.")
  boolean browse;

  @Option(names = "--precompressed", description = "Serve file.br, file.zst or file.gz when the client accepts that encoding (preference br, zstd, gzip).")
  boolean precompressed;

  @Option(names = "--index", split = ",", paramLabel = "<name>", description = "Index file names, in order (default: index.html,index.txt).")
  List<String> index = FileServerSpec.DEFAULT_INDEX_NAMES;

  @Override
  public Integer call() throws Exception {
    Logging.configure(LogFormat.TEXT, LogLevel.INFO);
    GatewayServer server;
    try {
      FileServer files = new FileServer(new FileServerSpec(root, index, browse,
          precompressed ? List.of(Encoding.BR, Encoding.ZSTD, Encoding.GZIP) : List.of(), List.of()));
      server = GatewayServer.single(listen, files::serve);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("cairn: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    spec.commandLine().getOut().println("serving " + root.toAbsolutePath().normalize() + " on " + listen);
    return ProcessRunner.run(new ServiceGroup(List.of(server)), "cairn gateway file-server", spec.commandLine().getOut());
  }
}
