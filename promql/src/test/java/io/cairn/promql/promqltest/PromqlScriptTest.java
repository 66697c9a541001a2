package io.cairn.promql.promqltest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.promql.parser.Expr;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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

  /**
   * The PromQL parser ({@code io.cairn.promql.parser.Parser.parse}), looked up reflectively so that
   * this harness builds before the parser is merged; without it every eval fails (never skips).
   */
  static Function<String, Expr> parser() {
    Method parse;
    try {
      parse = Class.forName("io.cairn.promql.parser.Parser").getMethod("parse", String.class);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("the PromQL parser (io.cairn.promql.parser.Parser.parse) is not available yet", e);
    }
    return s -> {
      try {
        return (Expr) parse.invoke(null, s);
      } catch (InvocationTargetException e) {
        throw new AssertionError("cannot parse " + s + ": " + e.getCause().getMessage(), e.getCause());
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    };
  }
}
