package io.cairn.promql.promqltest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.promql.parser.Expr;
import io.cairn.promql.parser.ParseException;
import io.cairn.promql.parser.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Prometheus v2.42's PromQL test scripts ({@code shared/conformance/promql/*.test}, read in place),
 * one dynamic test per {@code eval}, named {@code file:line}. Commands run in file order: a test's
 * data is what the loads before it left. The scripts must be present; a missing directory fails.
 */
class PromqlScriptTest {
  private static final int EXPECTED_EVALS = 566;

  static Path scriptDir() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/conformance/promql");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      Path sibling = p.resolveSibling("shared").resolve("conformance/promql");
      if (Files.isDirectory(sibling)) {
        return sibling;
      }
    }
    throw new AssertionError("PromQL conformance scripts not found: no shared/conformance/promql above or beside " + here);
  }

  static List<Path> scripts() throws IOException {
    try (Stream<Path> files = Files.list(scriptDir())) {
      return files.filter(f -> f.toString().endsWith(".test")).sorted().toList();
    }
  }

  @Test
  void allScriptsAndEvalsAreThere() throws IOException {
    List<Path> files = scripts();
    assertEquals(11, files.size(), "script files in " + scriptDir());
    int evals = 0;
    for (Path f : files) {
      evals += (int) ScriptFile.read(f).commands().stream().filter(c -> c instanceof ScriptFile.Eval).count();
    }
    assertEquals(EXPECTED_EVALS, evals);
  }

  @TestFactory
  List<DynamicNode> scriptsPass() throws IOException {
    List<DynamicNode> files = new ArrayList<>();
    for (Path f : scripts()) {
      ScriptFile script = ScriptFile.read(f);
      List<DynamicTest> tests = new ArrayList<>();
      for (ScriptFile.Command c : script.commands()) {
        if (c instanceof ScriptFile.Eval ev) {
          List<ScriptFile.Command> before = script.commands().stream().filter(x -> x.line() < ev.line()).toList();
          tests.add(DynamicTest.dynamicTest(script.name() + ":" + ev.line() + " " + ev.expr(), () -> {
            // each eval stands alone: replay the file's data commands before it
            ScriptRunner r = new ScriptRunner(parser());
            for (ScriptFile.Command b : before) {
              switch (b) {
                case ScriptFile.Load l -> r.load(l);
                case ScriptFile.Clear cl -> r.clear();
                default -> { }
              }
            }
            r.eval(ev);
          }));
        }
      }
      assertTrue(!tests.isEmpty(), "no eval in " + f);
      files.add(DynamicContainer.dynamicContainer(script.name(), tests));
    }
    return files;
  }

  /** The PromQL parser; a parse error fails the eval (the v2.42 scripts only hold valid expressions). */
  static Function<String, Expr> parser() {
    return s -> {
      try {
        return Parser.parse(s);
      } catch (ParseException e) {
        throw new AssertionError("cannot parse " + s + ": " + e.getMessage(), e);
      }
    };
  }
}
