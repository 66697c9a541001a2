package io.cairn.monitor.ingest.lineprotocol;

/**
 * A request the decoder refuses as a whole because it exceeds a {@link LineProtocolLimits} bound
 * (the body or the number of samples). Answer with HTTP 413: see {@link InfluxErrors#v1TooLarge()}
 * and {@link InfluxErrors#v2TooLarge()}. Malformed lines are never this exception: they are {@link
 * LineError}s in the {@link ParseResult}.
 */
public final class LineProtocolException extends Exception {
  LineProtocolException(String message) {
    super(message);
  }
}
