package io.cairn.promql.engine;

import io.cairn.promql.parser.Expr;
import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code label_replace} and {@code label_join}; both keep the metric name. */
final class LabelFunctions {
  private LabelFunctions() {}

  static String stringArg(Expr e) {
    Expr u = AggregationEval.unwrap(e);
    if (u instanceof Expr.StringLiteral s) {
      return s.value();
    }
    throw new QueryException(QueryException.ErrorType.INTERNAL, "expected a string literal, got " + e);
  }

  static List<Sample> replace(List<Sample> in, List<Expr> args) {
    String dst = stringArg(args.get(1));
    String repl = stringArg(args.get(2));
    String src = stringArg(args.get(3));
    String regex = stringArg(args.get(4));
    Pattern p;
    try {
      p = Pattern.compile("^(?:" + regex + ")$");
    } catch (PatternSyntaxException e) {
      throw QueryException.execution("invalid regular expression in label_replace(): " + regex);
    }
    if (!Labelling.validLabelName(dst)) {
      throw QueryException.execution("invalid destination label name in label_replace(): " + dst);
    }
    List<Sample> out = new ArrayList<>(in.size());
    for (Sample s : in) {
      String srcVal = s.labels().get(src);
      Matcher m = p.matcher(srcVal);
      Labels labels = s.labels();
      if (m.matches()) {
        String res = expand(repl, m);
        Labels.Builder b = labels.toBuilder().remove(dst);
        if (!res.isEmpty()) {
          b.set(dst, res);
        }
        labels = b.build();
      }
      out.add(new Sample(labels, s.t(), s.v()));
    }
    return out;
  }

  static List<Sample> join(List<Sample> in, List<Expr> args) {
    String dst = stringArg(args.get(1));
    String sep = stringArg(args.get(2));
    List<String> srcs = new ArrayList<>();
    for (int i = 3; i < args.size(); i++) {
      String src = stringArg(args.get(i));
      if (!Labelling.validLabelName(src)) {
        throw QueryException.execution("invalid source label name in label_join(): " + src);
      }
      srcs.add(src);
    }
    if (!Labelling.validLabelName(dst)) {
      throw QueryException.execution("invalid destination label name in label_join(): " + dst);
    }
    List<Sample> out = new ArrayList<>(in.size());
    for (Sample s : in) {
      List<String> vals = new ArrayList<>(srcs.size());
      for (String src : srcs) {
        vals.add(s.labels().get(src));
      }
      String joined = String.join(sep, vals);
      Labels.Builder b = s.labels().toBuilder();
      if (joined.isEmpty()) {
        b.remove(dst);
      } else {
        b.set(dst, joined);
      }
      out.add(new Sample(b.build(), s.t(), s.v()));
    }
    return out;
  }

  /**
   * Go's {@code Regexp.ExpandString}: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}},
   * {@code $$}; a name is the longest run of letters, digits and underscores, and an unknown group
   * expands to nothing.
   */
  static String expand(String template, Matcher m) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= template.length()) {
        sb.append(c);
        i++;
        continue;
      }
      char next = template.charAt(i + 1);
      if (next == '$') {
        sb.append('$');
        i += 2;
        continue;
      }
      String name;
      int after;
      if (next == '{') {
        int close = template.indexOf('}', i + 2);
        if (close < 0 || close == i + 2 || !isName(template.substring(i + 2, close))) {
          sb.append('$');
          i++;
          continue;
        }
        name = template.substring(i + 2, close);
        after = close + 1;
      } else {
        int j = i + 1;
        while (j < template.length() && isNameChar(template.charAt(j))) {
          j++;
        }
        if (j == i + 1) {
          sb.append('$');
          i++;
          continue;
        }
        name = template.substring(i + 1, j);
        after = j;
      }
      sb.append(group(m, name));
      i = after;
    }
    return sb.toString();
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static boolean isName(String s) {
    return s.chars().allMatch(c -> isNameChar((char) c));
  }

  private static String group(Matcher m, String name) {
    String g = null;
    if (name.chars().allMatch(Character::isDigit)) {
      try {
        int idx = Integer.parseInt(name);
        if (idx <= m.groupCount()) {
          g = m.group(idx);
        }
      } catch (NumberFormatException e) {
        g = null;
      }
    } else {
      try {
        g = m.group(name);
      } catch (IllegalArgumentException e) {
        g = null;
      }
    }
    return g == null ? "" : g;
  }
}
