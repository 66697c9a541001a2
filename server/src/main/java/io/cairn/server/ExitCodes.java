package io.cairn.server;

/** The exit codes of {@code cairn}. */
final class ExitCodes {
  private ExitCodes() {}

  static final int OK = 0;
  /** The command was right but running it failed (port in use, data directory locked, ...). */
  static final int FAILURE = 1;
  /** Bad flags, arguments or configuration file. */
  static final int USAGE = 2;
}
