package io.cairn.monitor.textparse;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Content negotiation for scrapes, as Prometheus 2.42 does it. */
public final class ContentTypes {
  /**
   * The {@code Accept} header Prometheus 2.42 sends with every scrape (its {@code acceptHeader};
   * the protobuf variant only exists behind its native-histograms feature flag).
   */
  public static final String SCRAPE_ACCEPT_HEADER =
      "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
          + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

  /** The media type that selects the OpenMetrics parser. */
  public static final String OPENMETRICS_MEDIA_TYPE = "application/openmetrics-text";

  /** What cairn's exposition of the text format 0.0.4 is labelled with. */
  public static final String PROMETHEUS_TEXT_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

  private ContentTypes() {}

  /**
   * Whether a scrape response with this {@code Content-Type} is parsed as OpenMetrics: exactly when
   * Go's {@code mime.ParseMediaType} accepts the header and its media type, in any case, is {@value
   * #OPENMETRICS_MEDIA_TYPE}, whatever its parameters. Everything else, a missing or malformed
   * header included, is parsed as the text format 0.0.4 (Prometheus logs the malformed header at
   * debug level and does the same).
   */
  public static boolean isOpenMetrics(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semi = contentType.indexOf(';');
    String base = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    if (!base.toLowerCase(Locale.ROOT).equals(OPENMETRICS_MEDIA_TYPE)) {
      return false;
    }
    return semi < 0 || parametersValid(contentType.substring(semi));
  }

  /** Go's parameter loop of {@code mime.ParseMediaType}: {@code ; key=value} pairs, one trailing ";". */
  private static boolean parametersValid(String v) {
    Set<String> keys = new HashSet<>();
    int i = 0;
    int n = v.length();
    while (true) {
      i = skipSpace(v, i);
      if (i == n) {
        return true;
      }
      if (v.charAt(i) != ';') {
        return false;
      }
      int afterSemi = skipSpace(v, i + 1);
      if (afterSemi == n) {
        return true; // a trailing semicolon is ignored
      }
      int keyEnd = tokenEnd(v, afterSemi);
      if (keyEnd == afterSemi) {
        return false;
      }
      String key = v.substring(afterSemi, keyEnd).toLowerCase(Locale.ROOT);
      i = skipSpace(v, keyEnd);
      if (i == n || v.charAt(i) != '=') {
        return false;
      }
      i = skipSpace(v, i + 1);
      int valueEnd = i < n && v.charAt(i) == '"' ? quotedEnd(v, i) : tokenEnd(v, i);
      if (valueEnd <= i) {
        return false;
      }
      if (!keys.add(key)) {
        return false; // mime: duplicate parameter name
      }
      i = valueEnd;
    }
  }

  private static int skipSpace(String v, int i) {
    while (i < v.length() && Character.isWhitespace(v.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int tokenEnd(String v, int i) {
    while (i < v.length()) {
      char c = v.charAt(i);
      if (c <= 0x20 || c >= 0x7f || TSPECIALS.indexOf(c) >= 0) {
        break;
      }
      i++;
    }
    return i;
  }

  /** The index after the closing quote of the quoted string at {@code i}, or -1 if unterminated. */
  private static int quotedEnd(String v, int i) {
    for (int j = i + 1; j < v.length(); j++) {
      char c = v.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '"') {
        return j + 1;
      }
    }
    return -1;
  }
}
