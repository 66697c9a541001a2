package io.cairn.monitor.template;

import io.cairn.common.text.PromDuration;
import io.cairn.monitor.template.gotemplate.GoFunc;
import io.cairn.monitor.template.gotemplate.GoHtml;
import io.cairn.monitor.template.gotemplate.GoStrings;
import io.cairn.monitor.template.gotemplate.GoType;
import io.cairn.monitor.template.gotemplate.InterfaceMap;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The functions Prometheus 2.42 gives text templates ({@code NewTemplateExpander}), for one expansion. */
final class PromFunctions {
  /** The names, for parsing (which needs no context). */
  static final Set<String> NAMES = Set.of("query", "first", "label", "value", "strvalue", "args", "reReplaceAll",
      "safeHtml", "match", "title", "toUpper", "toLower", "graphLink", "tableLink", "sortByLabel", "stripPort",
      "stripDomain", "humanize", "humanize1024", "humanizeDuration", "humanizePercentage", "humanizeTimestamp",
      "toTime", "pathPrefix", "externalURL", "parseDuration");

  static final GoType SAMPLE = GoType.named("*template.sample", Sample.class);
  static final GoType RESULT = GoType.named("template.queryResult", QueryResult.class);
  private static final GoType S = GoType.STRING;
  private static final String NIL_DEREF = "runtime error: invalid memory address or nil pointer dereference";

  private PromFunctions() {}

  static Map<String, GoFunc> forContext(AlertTemplates.Context ctx) {
    Map<String, GoFunc> f = new HashMap<>();
    f.put("query", GoFunc.of(a -> query(ctx, (String) a.get(0)), S));
    f.put("first", GoFunc.of(a -> {
      List<?> v = (List<?>) a.get(0);
      if (v == null || v.isEmpty()) {
        throw new Exception("first() called on vector with no elements");
      }
      return v.get(0);
    }, RESULT));
    f.put("label", GoFunc.of(a -> sample(a.get(1)).labels().getOrDefault((String) a.get(0), ""), S, SAMPLE));
    f.put("value", GoFunc.of(a -> sample(a.get(0)).value(), SAMPLE));
    f.put("strvalue", GoFunc.of(a -> sample(a.get(0)).labels().getOrDefault("__value__", ""), SAMPLE));
    f.put("args", GoFunc.variadic(a -> {
      InterfaceMap m = new InterfaceMap();
      for (int i = 0; i < a.size(); i++) {
        m.put("arg" + i, a.get(i));
      }
      return m;
    }, GoType.ANY));
    f.put("reReplaceAll", GoFunc.of(a -> TemplateRegex.replaceAll((String) a.get(0), (String) a.get(1), (String) a.get(2)), S, S, S));
    f.put("safeHtml", GoFunc.of(a -> new GoHtml((String) a.get(0)), S));
    f.put("match", GoFunc.of(a -> TemplateRegex.match((String) a.get(0), (String) a.get(1)), S, S));
    f.put("title", GoFunc.of(a -> GoText.title((String) a.get(0)), S));
    f.put("toUpper", GoFunc.of(a -> GoText.toUpper((String) a.get(0)), S));
    f.put("toLower", GoFunc.of(a -> GoText.toLower((String) a.get(0)), S));
    f.put("graphLink", GoFunc.of(a -> "/graph?g0.expr=" + GoStrings.queryEscape((String) a.get(0)) + "&g0.tab=0", S));
    f.put("tableLink", GoFunc.of(a -> "/graph?g0.expr=" + GoStrings.queryEscape((String) a.get(0)) + "&g0.tab=1", S));
    f.put("sortByLabel", GoFunc.of(a -> {
      QueryResult v = (QueryResult) a.get(1);
      if (v != null) {
        String by = (String) a.get(0);
        v.sort(Comparator.comparing((Sample s) -> s.labels().getOrDefault(by, "")));
      }
      return v;
    }, S, RESULT));
    f.put("stripPort", GoFunc.of(a -> HostPorts.stripPort((String) a.get(0)), S));
    f.put("stripDomain", GoFunc.of(a -> HostPorts.stripDomain((String) a.get(0)), S));
    f.put("humanize", GoFunc.of(a -> Humanize.humanize(GoParse.toFloat(a.get(0))), GoType.ANY));
    f.put("humanize1024", GoFunc.of(a -> Humanize.humanize1024(GoParse.toFloat(a.get(0))), GoType.ANY));
    f.put("humanizeDuration", GoFunc.of(a -> Humanize.duration(GoParse.toFloat(a.get(0))), GoType.ANY));
    f.put("humanizePercentage", GoFunc.of(a -> Humanize.percentage(GoParse.toFloat(a.get(0))), GoType.ANY));
    f.put("humanizeTimestamp", GoFunc.of(a -> Humanize.timestamp(GoParse.toFloat(a.get(0))), GoType.ANY));
    f.put("toTime", GoFunc.of(a -> Humanize.toTime(GoParse.toFloat(a.get(0))), GoType.ANY));
    f.put("pathPrefix", GoFunc.of(a -> {
      if (ctx.externalUrl() == null) {
        throw new Exception(NIL_DEREF);
      }
      try {
        String p = URI.create(ctx.externalUrl()).getPath();
        return p == null ? "" : p;
      } catch (IllegalArgumentException e) {
        return "";
      }
    }));
    f.put("externalURL", GoFunc.of(a -> {
      if (ctx.externalUrl() == null) {
        throw new Exception(NIL_DEREF);
      }
      return ctx.externalUrl();
    }));
    f.put("parseDuration", GoFunc.of(a -> {
      try {
        return PromDuration.parse((String) a.get(0)).millis() * 1_000_000L / 1e9;
      } catch (IllegalArgumentException e) {
        throw new Exception(e.getMessage());
      }
    }, S));
    return f;
  }

  private static Sample sample(Object s) throws Exception {
    if (s == null) {
      throw new Exception(NIL_DEREF);
    }
    return (Sample) s;
  }

  private static QueryResult query(AlertTemplates.Context ctx, String expr) throws Exception {
    if (ctx.query() == null) {
      throw new Exception("query is not available here");
    }
    List<Sample> out = new ArrayList<>();
    for (AlertTemplates.QuerySample s : ctx.query().query(expr, ctx.timeMillis())) {
      out.add(new Sample(s.labels() == null ? Map.of() : s.labels(), s.value()));
    }
    return new QueryResult(out);
  }
}
