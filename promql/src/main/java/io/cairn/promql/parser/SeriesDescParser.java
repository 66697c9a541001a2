package io.cairn.promql.parser;

import io.cairn.common.text.GoStrings;
import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus 2.42's series description grammar: {@code metric label_set SPACE series_item...},
 * where an item is {@code _}, {@code _xN}, {@code v}, {@code vxN} (N+1 copies) or {@code v±dxN}
 * (N+1 values from v in steps of d), and {@code v} is a signed number or {@code stale}.
 */
final class SeriesDescParser extends ParserBase {
  SeriesDescParser(String input) {
    super(input, true);
  }

  SeriesDescription parse() throws ParseException {
    Map<String, String> labels = new LinkedHashMap<>();
    Token t = peek();
    String name = null;
    if (t.kind().isMetricIdentifier()) {
      name = next().val();
    }
    if (peek().kind() == TokenKind.LEFT_BRACE) {
      next();
      labelSet(labels);
    }
    if (name != null) {
      labels.put(Labels.METRIC_NAME, name);
    }
    List<Double> values = new ArrayList<>();
    t = peek();
    if (t.kind() != TokenKind.SPACE) {
      throw unexpected(t, "", "");
    }
    while (peek().kind() == TokenKind.SPACE) {
      next();
      t = peek();
      if (t.kind() == TokenKind.EOF || t.kind() == TokenKind.SPACE) {
        continue;
      }
      item(values);
      t = peek();
      if (t.kind() != TokenKind.SPACE && t.kind() != TokenKind.EOF) {
        throw unexpected(t, "series values", "");
      }
    }
    if (peek().kind() != TokenKind.EOF) {
      throw unexpected(peek(), "series values", "");
    }
    return new SeriesDescription(Labels.from(labels), values);
  }

  private void labelSet(Map<String, String> labels) throws ParseException {
    while (true) {
      Token t = peek();
      if (t.kind() == TokenKind.RIGHT_BRACE) {
        next();
        return;
      }
      if (t.kind() != TokenKind.IDENTIFIER) {
        throw unexpected(t, "label set", "identifier or \"}\"");
      }
      next();
      if (peek().kind() != TokenKind.EQL) {
        throw unexpected(peek(), "label set", "\"=\"");
      }
      next();
      Token v = peek();
      if (v.kind() != TokenKind.STRING) {
        throw unexpected(v, "label set", "string");
      }
      next();
      labels.put(t.val(), unquote(v));
      Token sep = peek();
      if (sep.kind() == TokenKind.COMMA) {
        next();
      } else if (sep.kind() != TokenKind.RIGHT_BRACE) {
        throw unexpected(sep, "label set", "\",\" or \"}\"");
      }
    }
  }

  private void item(List<Double> out) throws ParseException {
    Token t = peek();
    if (t.kind() == TokenKind.BLANK) {
      next();
      if (peek().kind() == TokenKind.TIMES) {
        next();
        long n = uint();
        for (long i = 0; i < n; i++) {
          out.add(null);
        }
      } else {
        out.add(null);
      }
      return;
    }
    double v = value();
    TokenKind k = peek().kind();
    if (k == TokenKind.TIMES) {
      next();
      long n = uint();
      for (long i = 0; i <= n; i++) {
        out.add(v);
      }
    } else if (k == TokenKind.ADD || k == TokenKind.SUB) {
      double step = signed();
      if (peek().kind() != TokenKind.TIMES) {
        throw unexpected(peek(), "series values", "");
      }
      next();
      long n = uint();
      for (long i = 0; i <= n; i++) {
        out.add(v);
        v += step;
      }
    } else {
      out.add(v);
    }
  }

  private double value() throws ParseException {
    Token t = peek();
    if (t.kind() == TokenKind.IDENTIFIER) {
      next();
      if (!t.val().equals("stale")) {
        throw unexpected(t, "series values", "number or \"stale\"");
      }
      return SeriesDescription.STALE_NAN;
    }
    if (t.kind() == TokenKind.NUMBER) {
      return number(next());
    }
    return signed();
  }

  private double signed() throws ParseException {
    Token sign = peek();
    if (sign.kind() != TokenKind.ADD && sign.kind() != TokenKind.SUB) {
      throw unexpected(sign, "series values", "");
    }
    next();
    Token n = peek();
    if (n.kind() != TokenKind.NUMBER) {
      throw unexpected(n, "series values", "");
    }
    next();
    double v = number(n);
    return sign.kind() == TokenKind.SUB ? -v : v;
  }

  private long uint() throws ParseException {
    Token t = peek();
    if (t.kind() != TokenKind.NUMBER) {
      throw unexpected(t, "series values", "");
    }
    next();
    try {
      return Long.parseUnsignedLong(t.val());
    } catch (NumberFormatException e) {
      throw new ParseException(input, t.pos(), t.end(), "invalid repetition in series values: strconv.ParseUint: parsing "
          + GoStrings.quote(t.val()) + ": invalid syntax");
    }
  }
}
