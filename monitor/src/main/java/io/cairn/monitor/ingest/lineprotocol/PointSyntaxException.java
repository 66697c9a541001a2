package io.cairn.monitor.ingest.lineprotocol;

/** Why one line was rejected; the message is the reason InfluxDB would give. No stack trace. */
final class PointSyntaxException extends Exception {
  PointSyntaxException(String reason) {
    super(reason, null, false, false);
  }
}
