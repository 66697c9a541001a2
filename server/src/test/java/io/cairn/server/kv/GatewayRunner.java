package io.cairn.server.kv;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a gateway scenario's calls with the real curl against one target and records the transcript. */
final class GatewayRunner {
  /** curl's {@code --max-time} for a streaming call; the harness stops it earlier once it has its lines. */
  static final Duration STREAM_MAX_TIME = Duration.ofSeconds(20);
  /** How long a streaming call may take to send its lines. */
  static final Duration STREAM_DEADLINE = Duration.ofSeconds(15);
  /** After a stream sent its lines, how long to keep reading to catch lines that should not be there. */
  static final Duration STREAM_GRACE = Duration.ofMillis(300);

  private static final Pattern HEADER_REVISION = Pattern.compile("\"revision\":\"(\\d+)\"");

  private GatewayRunner() {}

  static GatewayTranscript run(KvTarget target, GatewayScenario scenario) {
    Curl curl = new Curl(target.clientUrl());
    long base = currentRevision(curl);
    Map<String, String> captured = new LinkedHashMap<>();
    captured.put("endpoint", target.clientUrl());
    captured.put("peerUrl", target.peerUrl());
    List<GatewayTranscript.Outcome> outcomes = new ArrayList<>();
    for (GatewayStep step : scenario.steps()) {
      Templates templates = new Templates(base, captured);
      HttpCall call;
      try {
        call = step.call().resolved(templates::resolve);
      } catch (AssertionError missing) {
        GatewayTranscript sofar = new GatewayTranscript(scenario, target.toString(), TargetFacts.of(target), templates, outcomes);
        throw new AssertionError("'" + scenario + "' against " + target + ": cannot send `" + step.display() + "`: "
            + missing.getMessage() + "; transcript so far:\n" + sofar.render(), missing);
      }
      CurlResult result = step.streamed() ? stream(curl, call, step.streamLines()) : curl.call(call);
      outcomes.add(new GatewayTranscript.Outcome(step, result));
      step.captures().forEach((name, regex) -> {
        Matcher m = regex.matcher(result.body());
        if (m.find()) {
          captured.put(name, m.group(1));
        }
      });
    }
    return new GatewayTranscript(
        scenario, target.toString(), TargetFacts.of(target), new Templates(base, captured), outcomes);
  }

  /** The store's current revision, from the header of a range request through the gateway. */
  static long currentRevision(Curl curl) {
    CurlResult range =
        curl.call(HttpCall.post("/v3/kv/range", "{\"key\":\"" + HttpCall.b64("kv-it/base-revision") + "\"}"));
    Matcher m = HEADER_REVISION.matcher(range.body());
    if (range.status() != 200 || !m.find()) {
      throw new AssertionError("cannot read the current revision through the gateway: " + range);
    }
    return Long.parseLong(m.group(1));
  }

  private static CurlResult stream(Curl curl, HttpCall call, int lines) {
    try (CurlStream stream = curl.stream(call, STREAM_MAX_TIME)) {
      if (stream.awaitBodyLines(lines, STREAM_DEADLINE)) {
        stream.awaitBodyLines(lines + 1, STREAM_GRACE);
      }
      return stream.stop();
    }
  }
}
