package io.cairn.gateway.server;

/** Character classes of RFC 9110/9112, as lookup tables over bytes. */
final class Syntax {
  private static final boolean[] TCHAR = new boolean[256];
  private static final boolean[] FIELD_CHAR = new boolean[256];
  private static final boolean[] TARGET_CHAR = new boolean[256];
  private static final boolean[] HOST_CHAR = new boolean[256];
  private static final boolean[] QDTEXT = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) {
      boolean alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      TCHAR[c] = alnum || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      // field-value: VCHAR / obs-text, with SP and HTAB inside; no CTLs (RFC 9110 5.5)
      FIELD_CHAR[c] = c == '\t' || c == ' ' || (c >= 0x21 && c <= 0x7e) || c >= 0x80;
      // request-target: visible ASCII only (RFC 3986 characters; we do not re-check the grammar)
      TARGET_CHAR[c] = c >= 0x21 && c <= 0x7e;
      // Host: Go's httpguts.ValidHostHeader set (reg-name, IP literal, port, pct-encoding)
      HOST_CHAR[c] = alnum || "-._~!$&'()*+,;=:[]%".indexOf(c) >= 0;
      QDTEXT[c] = c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c <= 0x5b)
          || (c >= 0x5d && c <= 0x7e) || c >= 0x80;
    }
  }

  private Syntax() {}

  static boolean isTchar(int b) {
    return TCHAR[b & 0xff];
  }

  static boolean isFieldChar(int b) {
    return FIELD_CHAR[b & 0xff];
  }

  static boolean isTargetChar(int b) {
    return TARGET_CHAR[b & 0xff];
  }

  static boolean isHostChar(int b) {
    return HOST_CHAR[b & 0xff];
  }

  static boolean isQdtext(int b) {
    return QDTEXT[b & 0xff];
  }

  static boolean isToken(CharSequence s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xff || !isTchar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isValidHost(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xff || !isHostChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static int hexValue(int b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }
}
