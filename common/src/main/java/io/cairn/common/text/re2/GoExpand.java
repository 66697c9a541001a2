package io.cairn.common.text.re2;

import java.util.List;

/**
 * Go's {@code regexp.Expand} template language, which Java's replacement syntax does not share.
 *
 * <ul>
 *   <li>{@code $$} is a literal {@code $}.
 *   <li>{@code $name} takes the longest run of letters, digits and {@code _} (Unicode letters and
 *       digits, as Go's {@code unicode.IsLetter}/{@code IsDigit}): {@code $1x} names group "1x",
 *       not group 1 followed by x. {@code ${name}} delimits the name explicitly.
 *   <li>A name of only digits (no leading zero, below 10<sup>8</sup>) is a group number; any other
 *       name is looked up among the named groups. An unknown group, or one that did not take part in
 *       the match, expands to nothing.
 *   <li>A {@code $} not followed by a valid name (or a {@code ${} without its {@code }}) is copied
 *       as a literal {@code $}, and expansion goes on after it.
 * </ul>
 */
final class GoExpand {
  private GoExpand() {}

  static String expand(String template, String src, int[] match, List<String> names) {
    StringBuilder dst = new StringBuilder(template.length() + 16);
    int pos = 0;
    while (pos < template.length()) {
      int dollar = template.indexOf('$', pos);
      if (dollar < 0) {
        break;
      }
      dst.append(template, pos, dollar);
      pos = dollar + 1;
      if (pos < template.length() && template.charAt(pos) == '$') {
        dst.append('$');
        pos++;
        continue;
      }
      // extract(name)
      int p = pos;
      boolean brace = p < template.length() && template.charAt(p) == '{';
      if (brace) {
        p++;
      }
      int nameStart = p;
      while (p < template.length()) {
        int cp = template.codePointAt(p);
        if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
          break;
        }
        p += Character.charCount(cp);
      }
      String name = template.substring(nameStart, p);
      if (name.isEmpty() || (brace && (p >= template.length() || template.charAt(p) != '}'))) {
        dst.append('$'); // malformed: the $ is literal
        continue;
      }
      if (brace) {
        p++;
      }
      pos = p;
      int num = number(name);
      if (num >= 0) {
        if (2 * num + 1 < match.length && match[2 * num] >= 0) {
          dst.append(src, match[2 * num], match[2 * num + 1]);
        }
      } else {
        for (int g = 0; g < names.size(); g++) {
          if (name.equals(names.get(g)) && 2 * g + 1 < match.length && match[2 * g] >= 0) {
            dst.append(src, match[2 * g], match[2 * g + 1]);
            break;
          }
        }
      }
    }
    dst.append(template, pos, template.length());
    return dst.toString();
  }

  /** The group number a name stands for, or -1 when it is a name (as Go's {@code extract}). */
  private static int number(String name) {
    int num = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9' || num >= 100_000_000) {
        return -1;
      }
      num = num * 10 + (c - '0');
    }
    if (name.charAt(0) == '0' && name.length() > 1) {
      return -1;
    }
    return num;
  }
}
