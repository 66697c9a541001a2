package io.cairn.tsdb.index;

import java.util.Comparator;

/** String order in the index: Unicode code points, which is UTF-8 byte order (Go's string order). */
final class Symbols {
  static final Comparator<String> ORDER = Symbols::compare;

  private Symbols() {}

  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
