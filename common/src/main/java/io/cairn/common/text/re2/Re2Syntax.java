package io.cairn.common.text.re2;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Rewrites a Go (RE2) regular expression into a {@link java.util.regex.Pattern} with the same
 * meaning, and refuses what Go refuses with Go's message. It walks the expression in the order of
 * Go 1.19's {@code regexp/syntax} parser ({@code Parse} with {@code syntax.Perl}), so the first
 * error found and the text quoted in it are Go's.
 *
 * <p>The output never relies on Java's own reading of a construct where the two differ: literals
 * and class members are emitted as {@code \x{..}}; Go's flags ({@code i m s U}) are tracked here,
 * scoped to their group as in Go, and applied per atom ({@code (?i:..)}, {@code (?s:.)}, explicit
 * line anchors, swapped greediness), so no Java inline flag ever spans more than one atom; named
 * groups {@code (?P<name>re)} become plain groups with the names kept aside (Go allows duplicate
 * names and names Java would refuse); {@code $} is end of text; {@code \s} is {@code [\t\n\f\r ]};
 * {@code \b} is an ASCII word boundary.
 */
final class Re2Syntax {
  /** The Java pattern text and the names of capture groups by index (index 0 is the whole match). */
  record Translated(String javaPattern, List<String> groupNames) {}

  /** Go's limit on {@code {n,m}} counts and on the product of nested counts. */
  static final int MAX_REPEAT = 1000;
  /** Go's limit on the height of the parse tree. */
  private static final int MAX_HEIGHT = 1000;

  static final int FOLD = 1;
  static final int DOT_NL = 2;
  static final int MULTI_LINE = 4;
  static final int NON_GREEDY = 8;

  /** An open group (or the whole expression): what a repetition operator would apply to. */
  private static final class Frame {
    final int savedFlags;
    final int outStart;
    final int captureDepth;
    boolean hasAtom;
    boolean atomRepeated;
    int atomStart;
    int atomWeight;
    int maxWeight = 1;

    Frame(int savedFlags, int outStart, int captureDepth) {
      this.savedFlags = savedFlags;
      this.outStart = outStart;
      this.captureDepth = captureDepth;
    }
  }

  private final String re;
  private final StringBuilder out = new StringBuilder();
  private final List<String> names = new ArrayList<>(List.of(""));
  private final Deque<Frame> stack = new ArrayDeque<>();
  private int flags;
  private int i;

  private Re2Syntax(String re) {
    this.re = re;
  }

  /** @throws IllegalArgumentException with Go's message, {@code error parsing regexp: <code>: `<expr>`} */
  static Translated translate(String re) {
    Re2Syntax t = new Re2Syntax(re);
    t.run();
    return new Translated(t.out.toString(), List.copyOf(t.names));
  }

  static IllegalArgumentException error(String code, String expr) {
    return new IllegalArgumentException("error parsing regexp: " + code + ": `" + expr + "`");
  }

  private Frame top() {
    return stack.peek();
  }

  private void run() {
    stack.push(new Frame(0, 0, 0));
    int lastRepeat = -1;
    while (i < re.length()) {
      int repeat = -1;
      char c = re.charAt(i);
      switch (c) {
        case '(' -> {
          if (i + 1 < re.length() && re.charAt(i + 1) == '?') {
            perlFlags();
          } else {
            names.add("");
            openGroup("(", true);
            i++;
          }
        }
        case '|' -> {
          out.append('|');
          top().hasAtom = false;
          i++;
        }
        case ')' -> {
          closeGroup();
          i++;
        }
        case '^' -> {
          atom((flags & MULTI_LINE) != 0 ? "(?:\\A|(?<=\\n))" : "(?:\\A)", 1);
          i++;
        }
        case '$' -> {
          atom((flags & MULTI_LINE) != 0 ? "(?:(?=\\n)|\\z)" : "(?:\\z)", 1);
          i++;
        }
        case '.' -> {
          atom((flags & DOT_NL) != 0 ? "(?s:.)" : ".", 1);
          i++;
        }
        case '[' -> charClass();
        case '*', '+', '?' -> {
          int before = i;
          i++;
          repeat(String.valueOf(c), before, lastRepeat, 1, 1);
          repeat = before;
        }
        case '{' -> {
          int before = i;
          int[] r = parseRepeat(i);
          if (r == null) {
            literal('{'); // Go: a brace that does not start a repetition is a literal
            i++;
          } else {
            int min = r[0];
            int max = r[1];
            i = r[2];
            if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || max >= 0 && min > max) {
              throw error("invalid repeat count", re.substring(before, i));
            }
            int multiplier = max == 0 ? 0 : Math.max(1, max < 0 ? min : max);
            String java = "{" + min + (max == min ? "" : "," + (max < 0 ? "" : max)) + "}";
            repeat(java, before, lastRepeat, multiplier, min >= 2 || max >= 2 ? 1 : 0);
            repeat = before;
          }
        }
        case '\\' -> escape();
        default -> {
          int cp = re.codePointAt(i);
          literal(cp);
          i += Character.charCount(cp);
        }
      }
      lastRepeat = repeat;
    }
    if (stack.size() != 1) {
      throw error("missing closing )", re);
    }
  }

  /**
   * Applies a repetition operator (its Java text {@code op}) to the last atom, as Go's {@code
   * parser.repeat}; {@code multiplier} is 0 for a count of 0, else the count Go's {@code
   * repeatIsValid} multiplies by; {@code check} is 1 where Go checks nested counts.
   */
  private void repeat(String op, int before, int lastRepeat, int multiplier, int check) {
    boolean nonGreedy = (flags & NON_GREEDY) != 0;
    if (i < re.length() && re.charAt(i) == '?') {
      i++;
      nonGreedy = !nonGreedy;
    }
    if (lastRepeat >= 0) {
      throw error("invalid nested repetition operator", re.substring(lastRepeat, i));
    }
    Frame f = top();
    if (!f.hasAtom) {
      throw error("missing argument to repetition operator", re.substring(before, i));
    }
    int weight = multiplier == 0 ? 1 : multiplier * f.atomWeight;
    if (check != 0 && multiplier != 0 && weight > MAX_REPEAT) {
      throw error("invalid repeat count", re.substring(before, i));
    }
    if (f.atomRepeated) { // Go allows a** only across a flag group: a*(?i)*
      out.insert(f.atomStart, "(?:").append(')');
    }
    out.append(op);
    if (nonGreedy) {
      out.append('?');
    }
    f.atomRepeated = true;
    f.atomWeight = weight;
    f.maxWeight = Math.max(f.maxWeight, weight);
  }

  /** Go's {@code parseRepeat}: {min, max (-1: none), end} or null when {@code {} is a literal. */
  private int[] parseRepeat(int p) {
    int[] min = parseInt(p + 1);
    if (min == null || min[1] >= re.length()) {
      return null;
    }
    int q = min[1];
    int max;
    if (re.charAt(q) != ',') {
      max = min[0];
    } else {
      q++;
      if (q >= re.length()) {
        return null;
      }
      if (re.charAt(q) == '}') {
        max = -1;
      } else {
        int[] m = parseInt(q);
        if (m == null) {
          return null;
        }
        max = m[0];
        q = m[1];
        if (max < 0) {
          min[0] = -1;
        }
      }
    }
    if (q >= re.length() || re.charAt(q) != '}') {
      return null;
    }
    return new int[] {min[0], max, q + 1};
  }

  /** Go's {@code parseInt}: {value (-1 when too big), end} or null (no digits, or a leading zero). */
  private int[] parseInt(int p) {
    if (p >= re.length() || !isDigit(re.charAt(p))) {
      return null;
    }
    if (p + 1 < re.length() && re.charAt(p) == '0' && isDigit(re.charAt(p + 1))) {
      return null;
    }
    int end = p;
    while (end < re.length() && isDigit(re.charAt(end))) {
      end++;
    }
    int n = 0;
    for (int k = p; k < end; k++) {
      if (n >= 100_000_000) {
        n = -1;
        break;
      }
      n = n * 10 + re.charAt(k) - '0';
    }
    return new int[] {n, end};
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Pushes an atom (Java text that quantifiers apply to as a whole) of the given weight. */
  private void atom(String java, int weight) {
    Frame f = top();
    f.hasAtom = true;
    f.atomRepeated = false;
    f.atomStart = out.length();
    f.atomWeight = weight;
    f.maxWeight = Math.max(f.maxWeight, weight);
    out.append(java);
  }

  private void literal(int cp) {
    String lit = Re2Escapes.literal(cp);
    atom((flags & FOLD) != 0 && Character.toUpperCase(cp) != Character.toLowerCase(cp) ? "(?i:" + lit + ")" : lit, 1);
  }

  private void classAtom(String javaClass) {
    atom((flags & FOLD) != 0 ? "(?i:" + javaClass + ")" : javaClass, 1);
  }

  private void openGroup(String java, boolean capturing) {
    Frame parent = top();
    int depth = parent.captureDepth + (capturing ? 1 : 0);
    if (depth + 2 > MAX_HEIGHT) {
      throw error("expression nests too deeply", re);
    }
    stack.push(new Frame(flags, out.length(), depth));
    out.append(java);
  }

  private void closeGroup() {
    if (stack.size() < 2) {
      throw error("unexpected )", re);
    }
    Frame f = stack.pop();
    out.append(')');
    flags = f.savedFlags;
    Frame parent = top();
    parent.hasAtom = true;
    parent.atomRepeated = false;
    parent.atomStart = f.outStart;
    parent.atomWeight = f.maxWeight;
    parent.maxWeight = Math.max(parent.maxWeight, f.maxWeight);
  }

  /** Go's {@code parsePerlFlags}: {@code (?P<name>}, {@code (?flags)}, {@code (?flags:}. */
  private void perlFlags() {
    int start = i;
    if (re.length() - i > 4 && re.charAt(i + 2) == 'P' && re.charAt(i + 3) == '<') {
      int end = re.indexOf('>', i);
      if (end < 0) {
        throw error("invalid named capture", re.substring(i));
      }
      String name = re.substring(i + 4, end);
      if (name.isEmpty() || !name.chars().allMatch(ch -> ch == '_' || ch < 128 && Character.isLetterOrDigit(ch))) {
        throw error("invalid named capture", re.substring(i, end + 1));
      }
      names.add(name);
      openGroup("(", true);
      i = end + 1;
      return;
    }
    int j = i + 2;
    int newFlags = flags;
    boolean negative = false;
    boolean sawFlag = false;
    while (j < re.length()) {
      int c = re.codePointAt(j);
      j += Character.charCount(c);
      int bit = switch (c) {
        case 'i' -> FOLD;
        case 'm' -> MULTI_LINE;
        case 's' -> DOT_NL;
        case 'U' -> NON_GREEDY;
        default -> 0;
      };
      if (bit != 0) {
        newFlags = negative ? newFlags & ~bit : newFlags | bit;
        sawFlag = true;
        continue;
      }
      if (c == '-') {
        if (negative) {
          break;
        }
        negative = true;
        sawFlag = false;
        continue;
      }
      if ((c == ':' || c == ')') && !(negative && !sawFlag)) {
        if (c == ':') {
          openGroup("(?:", false);
        }
        flags = newFlags;
        i = j;
        return;
      }
      break;
    }
    throw error("invalid or unsupported Perl syntax", re.substring(start, j));
  }

  /** A backslash outside a class, as the {@code '\\'} case of Go's {@code Parse}. */
  private void escape() {
    if (i + 1 < re.length()) {
      switch (re.charAt(i + 1)) {
        case 'A' -> {
          atom("(?:\\A)", 1);
          i += 2;
          return;
        }
        case 'z' -> {
          atom("(?:\\z)", 1);
          i += 2;
          return;
        }
        case 'b' -> {
          atom("(?:(?<=\\w)(?!\\w)|(?<!\\w)(?=\\w))", 1);
          i += 2;
          return;
        }
        case 'B' -> {
          atom("(?:(?<=\\w)(?=\\w)|(?<!\\w)(?!\\w))", 1);
          i += 2;
          return;
        }
        case 'C' -> throw error("invalid escape sequence", re.substring(i, i + 2));
        case 'Q' -> {
          int end = re.indexOf("\\E", i + 2);
          String lit = end < 0 ? re.substring(i + 2) : re.substring(i + 2, end);
          i = end < 0 ? re.length() : end + 2;
          lit.codePoints().forEach(this::literal);
          return;
        }
        case 'p', 'P' -> {
          int[] end = new int[1];
          String java = Re2Escapes.unicodeClass(re, i, end);
          classAtom(java);
          i = end[0];
          return;
        }
        default -> {
          String perl = Re2Escapes.perlClass(re.charAt(i + 1), false);
          if (perl != null) {
            classAtom(perl);
            i += 2;
            return;
          }
        }
      }
    }
    long r = Re2Escapes.escape(re, i);
    i = (int) (r >>> 32);
    literal((int) r);
  }

  /** Go's {@code parseClass}: {@code [...]} with POSIX, Unicode and Perl classes and ranges. */
  private void charClass() {
    int start = i;
    StringBuilder cls = new StringBuilder("[");
    i++;
    if (i < re.length() && re.charAt(i) == '^') {
      cls.append('^');
      i++;
    }
    boolean first = true;
    while (i >= re.length() || re.charAt(i) != ']' || first) {
      first = false;
      if (re.length() - i > 2 && re.startsWith("[:", i)) {
        int end = re.indexOf(":]", i + 2);
        if (end >= 0) {
          String name = re.substring(i, end + 2);
          String java = Re2Escapes.posixClass(name);
          if (java == null) {
            throw error("invalid character class range", name);
          }
          cls.append(java);
          i = end + 2;
          continue;
        }
      }
      if (re.length() - i >= 2 && re.charAt(i) == '\\' && (re.charAt(i + 1) == 'p' || re.charAt(i + 1) == 'P')) {
        int[] end = new int[1];
        cls.append(Re2Escapes.unicodeClass(re, i, end));
        i = end[0];
        continue;
      }
      if (re.length() - i >= 2 && re.charAt(i) == '\\') {
        String perl = Re2Escapes.perlClass(re.charAt(i + 1), true);
        if (perl != null) {
          cls.append(perl);
          i += 2;
          continue;
        }
      }
      int rangeStart = i;
      int lo = classChar(start);
      int hi = lo;
      if (re.length() - i >= 2 && re.charAt(i) == '-' && re.charAt(i + 1) != ']') {
        i++;
        hi = classChar(start);
        if (hi < lo) {
          throw error("invalid character class range", re.substring(rangeStart, i));
        }
      }
      cls.append(Re2Escapes.literal(lo));
      if (hi != lo) {
        cls.append('-').append(Re2Escapes.literal(hi));
      }
    }
    i++; // the ]
    classAtom(cls.append(']').toString());
  }

  private int classChar(int classStart) {
    if (i >= re.length()) {
      throw error("missing closing ]", re.substring(classStart));
    }
    if (re.charAt(i) == '\\') {
      long r = Re2Escapes.escape(re, i);
      i = (int) (r >>> 32);
      return (int) r;
    }
    int cp = re.codePointAt(i);
    i += Character.charCount(cp);
    return cp;
  }
}
