package io.cairn.server.kv;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One curl call of a gateway scenario: the (templated) request, what it must answer, and values to
 * capture from the body for later steps ({@code {name}} placeholders, first regex group).
 *
 * @param streamLines 0 for a call answered by one response; otherwise a streaming call
 *     ({@code /v3/watch}) read until its body has this many lines, then stopped
 * @param decoderMessage whether the error text comes from the server's JSON decoder: Go's
 *     encoding/json in etcd, another library in a candidate, so the differential check compares the
 *     rest of the answer only
 */
record GatewayStep(
    HttpCall call, int streamLines, GatewayExpect expect, Map<String, Pattern> captures, boolean decoderMessage) {
  GatewayStep {
    captures = Map.copyOf(captures);
  }

  boolean streamed() {
    return streamLines > 0;
  }

  /** The call as the transcript shows it: placeholders unresolved, so it reads the same on every target. */
  String display() {
    return call.display() + (streamed() ? "    # streamed until " + streamLines + " lines" : "");
  }
}
