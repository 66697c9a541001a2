package io.cairn.promql.promqltest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PromQL test script in the v2.42 format ({@code SOURCE.md}): {@code load}, {@code clear} and
 * {@code eval[_fail|_ordered] instant at <time> <expr>} blocks. Lines are trimmed; a comment line
 * ends a block like an empty one, as upstream's {@code getLines}.
 */
record ScriptFile(String name, List<Command> commands) {
  sealed interface Command {
    int line();
  }

  record Load(int line, long stepMillis, List<SeriesDesc> series) implements Command {}

  record Clear(int line) implements Command {}

  /** An expected element of an instant vector: labels, value and 1-based position. */
  record Expected(int position, double value) {}

  /**
   * @param scalar the expected scalar when the block is a bare number, else null
   * @param expected the expected vector elements by label set (empty: an empty vector)
   */
  record Eval(int line, long timeMillis, String expr, boolean fail, boolean ordered, Double scalar,
      java.util.Map<io.cairn.tsdb.model.Labels, Expected> expected) implements Command {}

  private static final Pattern LOAD = Pattern.compile("^load\\s+(\\S+)$");
  private static final Pattern EVAL = Pattern.compile("^eval(?:_(fail|ordered))?\\s+instant\\s+(?:at\\s+(.+?))?\\s+(.+)$");

  static ScriptFile read(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String l : Files.readAllLines(file)) {
      l = l.strip();
      lines.add(l.startsWith("#") ? "" : l);
    }
    List<Command> commands = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isEmpty()) {
        continue;
      }
      int lineNo = i + 1;
      Matcher m;
      if (l.equals("clear")) {
        commands.add(new Clear(lineNo));
      } else if ((m = LOAD.matcher(l)).matches()) {
        long step = Durations.parse(m.group(1));
        List<SeriesDesc> series = new ArrayList<>();
        while (i + 1 < lines.size() && !lines.get(i + 1).isEmpty()) {
          series.add(SeriesDesc.parse(lines.get(++i)));
        }
        commands.add(new Load(lineNo, step, series));
      } else if ((m = EVAL.matcher(l)).matches()) {
        boolean fail = "fail".equals(m.group(1));
        boolean ordered = "ordered".equals(m.group(1));
        long at = Durations.parse(m.group(2));
        Double scalar = null;
        java.util.Map<io.cairn.tsdb.model.Labels, Expected> expected = new java.util.LinkedHashMap<>();
        int pos = 0;
        while (i + 1 < lines.size() && !lines.get(i + 1).isEmpty()) {
          String def = lines.get(++i);
          try {
            scalar = SeriesDesc.number(def);
            break;
          } catch (NumberFormatException e) {
            SeriesDesc d = SeriesDesc.parse(def);
            if (d.values().size() != 1) {
              throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected one value in: " + def);
            }
            expected.put(d.labels(), new Expected(++pos, d.values().get(0)));
          }
        }
        commands.add(new Eval(lineNo, at, m.group(3), fail, ordered, scalar, expected));
      } else {
        throw new IllegalArgumentException(file + ":" + lineNo + ": cannot read: " + l);
      }
    }
    return new ScriptFile(file.getFileName().toString(), commands);
  }
}
