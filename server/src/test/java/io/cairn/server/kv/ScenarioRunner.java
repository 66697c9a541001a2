package io.cairn.server.kv;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a scenario's steps with the real etcdctl against one target and records the transcript. */
final class ScenarioRunner {
  /** How long a streaming step may take to print its lines. */
  static final Duration STREAM_DEADLINE = Duration.ofSeconds(15);
  /** After a stream printed its lines, how long to keep reading to catch lines that should not be there. */
  static final Duration STREAM_GRACE = Duration.ofMillis(300);

  private static final Pattern HEADER_REVISION = Pattern.compile("\"revision\":(\\d+)");

  private ScenarioRunner() {}

  static Transcript run(KvTarget target, Scenario scenario) {
    Etcdctl etcdctl = target.etcdctl();
    long base = currentRevision(etcdctl);
    Map<String, String> captured = new LinkedHashMap<>();
    captured.put("endpoint", target.clientUrl());
    captured.put("peerUrl", target.peerUrl());
    if (scenario.options().tls()) {
      captured.put("tls", TlsFiles.dir().toString());
    }
    List<Transcript.Outcome> outcomes = new ArrayList<>();
    for (Step step : scenario.steps()) {
      Templates templates = new Templates(base, captured);
      Invocation invocation = resolve(step.invocation(), templates);
      EtcdctlResult result = step.streamed() ? stream(etcdctl, invocation, step.streamLines()) : etcdctl.run(invocation);
      outcomes.add(new Transcript.Outcome(step, result));
      String stdout = String.join("\n", result.stdout());
      step.captures().forEach((name, regex) -> {
        Matcher m = regex.matcher(stdout);
        if (m.find()) {
          captured.put(name, m.group(1));
        }
      });
    }
    return new Transcript(scenario, target.toString(), TargetFacts.of(target), new Templates(base, captured), outcomes);
  }

  /** The store's current revision, from the header of a range request. */
  static long currentRevision(Etcdctl etcdctl) {
    EtcdctlResult get = etcdctl.run("get", "kv-it/base-revision", "-w", "json");
    Matcher m = HEADER_REVISION.matcher(String.join("", get.stdout()));
    if (!get.ok() || !m.find()) {
      throw new AssertionError("cannot read the current revision: " + get);
    }
    return Long.parseLong(m.group(1));
  }

  private static Invocation resolve(Invocation invocation, Templates templates) {
    List<String> args = invocation.args().stream().map(templates::resolve).toList();
    Map<String, String> env = new LinkedHashMap<>();
    invocation.env().forEach((k, v) -> env.put(k, templates.resolve(v)));
    return new Invocation(args, templates.resolve(invocation.stdin()), env);
  }

  private static EtcdctlResult stream(Etcdctl etcdctl, Invocation invocation, int lines) {
    try (EtcdctlStream stream = etcdctl.stream(invocation)) {
      if (stream.awaitStdoutLines(lines, STREAM_DEADLINE)) {
        stream.awaitStdoutLines(lines + 1, STREAM_GRACE);
      }
      return stream.stop();
    }
  }
}
