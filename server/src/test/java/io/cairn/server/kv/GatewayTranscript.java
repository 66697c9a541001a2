package io.cairn.server.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What happened when a gateway scenario ran against one target: each call with curl's result. */
record GatewayTranscript(
    GatewayScenario scenario, String target, TargetFacts facts, Templates templates, List<Outcome> outcomes) {
  /** One call and what curl got. */
  record Outcome(GatewayStep step, CurlResult result) {}

  /** grpc-gateway's error body; the decoder's wording is group 1 and 2, the gRPC code group 3. */
  private static final Pattern ERROR_BODY =
      Pattern.compile("^\\{\"error\":\"((?:[^\"\\\\]|\\\\.)*)\",\"message\":\"((?:[^\"\\\\]|\\\\.)*)\",\"code\":(\\d+)}$");

  GatewayTranscript {
    outcomes = List.copyOf(outcomes);
  }

  /** Every way the outcomes fall short of the scenario's expectations. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      for (String p : o.step().expect().problems(o.result(), o.step().streamed(), templates::resolve)) {
        problems.add("call " + (i + 1) + " `" + o.step().display() + "`: " + p);
      }
    }
    return problems;
  }

  /** The transcript as text: each call with placeholders, the status and media type, then the body lines. */
  String render() {
    return render(false);
  }

  /** {@link #render()} with what legitimately differs between two servers replaced by placeholders. */
  String normalized() {
    return GatewayNormalizer.normalize(render(true), facts, templates.baseRevision());
  }

  private String render(boolean hideDecoderMessages) {
    StringBuilder s = new StringBuilder();
    for (Outcome o : outcomes) {
      CurlResult r = o.result();
      s.append(o.step().display()).append('\n');
      s.append("< ").append(r.status()).append(' ').append(r.response().mediaType()).append('\n');
      for (String line : r.response().body()) {
        boolean hide = hideDecoderMessages && o.step().decoderMessage();
        s.append(hide ? ERROR_BODY.matcher(line).replaceAll(
            "{\"error\":\"<decoder message>\",\"message\":\"<decoder message>\",\"code\":$3}") : line).append('\n');
      }
      String note = note(o.step(), r);
      if (!note.isEmpty()) {
        s.append(note).append('\n');
      }
    }
    return s.toString();
  }

  private static String note(GatewayStep step, CurlResult r) {
    return switch (r.ending()) {
      case TIMED_OUT -> "[curl killed: still running past its --max-time]";
      case STOPPED -> "[response still streaming when the harness stopped reading]";
      case EXITED -> {
        if (r.exitCode() != 0) {
          yield "[curl exit status " + r.exitCode() + ": " + String.join(" ", r.stderr()) + "]";
        }
        yield step.streamed() ? "[response ended by the server]" : "";
      }
    };
  }
}
