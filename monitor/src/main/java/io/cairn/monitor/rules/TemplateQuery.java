package io.cairn.monitor.rules;

import io.cairn.monitor.template.AlertTemplates;
import io.cairn.promql.engine.Sample;
import io.cairn.promql.parser.ParseException;
import io.cairn.promql.parser.Parser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The template function {@code query}: parses the text and runs it through the rule's query function. */
final class TemplateQuery {
  private TemplateQuery() {}

  static List<AlertTemplates.QuerySample> run(QueryFunc query, String text, long t) throws Exception {
    List<Sample> samples;
    try {
      samples = query.query(Parser.parse(text), t);
    } catch (ParseException e) {
      throw new Exception(e.getMessage(), e);
    }
    return samples.stream().map(s -> {
      Map<String, String> m = new HashMap<>();
      s.labels().forEach(l -> m.put(l.name(), l.value()));
      return new AlertTemplates.QuerySample(m, s.v());
    }).toList();
  }
}
