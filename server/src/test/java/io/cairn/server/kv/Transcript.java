package io.cairn.server.kv;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened when a scenario ran against one target: each step with etcdctl's result, plus what
 * the normalizer needs to know about that target.
 */
record Transcript(Scenario scenario, String target, TargetFacts facts, Templates templates, List<Outcome> outcomes) {
  /** One step and what etcdctl did. */
  record Outcome(Step step, EtcdctlResult result) {}

  Transcript {
    outcomes = List.copyOf(outcomes);
  }

  /** Every way the outcomes fall short of the scenario's substring expectations. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      for (String p : o.step().expect().problems(o.result(), o.step().streamed(), templates::resolve)) {
        problems.add("step " + (i + 1) + " `" + o.step().display().lines().findFirst().orElse("") + "`: " + p);
      }
    }
    return problems;
  }

  /** The transcript as text: commands with placeholders, then standard output and messages on standard error. */
  String render() {
    StringBuilder s = new StringBuilder();
    for (Outcome o : outcomes) {
      s.append(o.step().display()).append('\n');
      for (String line : o.result().stdout()) {
        s.append(line).append('\n');
      }
      for (String line : o.result().messages()) {
        s.append("stderr: ").append(line).append('\n');
      }
      if (o.step().streamed() && o.result().stdout().size() < o.step().streamLines()) {
        s.append("[stream ").append(o.result().ending() == EtcdctlResult.Ending.STOPPED ? "stopped" : "ended")
            .append(" after ").append(o.result().stdout().size()).append(" of ")
            .append(o.step().streamLines()).append(" lines]\n");
      }
      String note = o.result().endingNote();
      if (!note.isEmpty() && !(o.step().streamed() && o.result().ending() == EtcdctlResult.Ending.STOPPED)) {
        s.append(note).append('\n');
      }
    }
    return s.toString();
  }

  /** {@link #render()} with what legitimately differs between two servers replaced by placeholders. */
  String normalized() {
    return Normalizer.normalize(render(), facts, templates.baseRevision(), scenario.hashVaries());
  }
}
