package io.cairn.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Session affinity by cookie, as Traefik v3's {@code sticky.cookie}: the cookie's value is the first
 * 16 hex digits of the SHA-256 of the chosen child's name (a server URL or a service name); a request
 * whose cookie names a healthy child goes to it, any other request is balanced and answered with a
 * fresh cookie. For cookies written by older Traefik versions the raw child name is accepted too.
 * Immutable and thread-safe.
 *
 * @param name the cookie name; {@link #defaultName(String)} when the configuration gives none
 * @param sameSite {@code none}, {@code lax}, {@code strict} (any case) or empty for no attribute
 * @param maxAge seconds; 0 = a session cookie, negative = {@code Max-Age=0}
 * @param path {@code /} unless configured
 * @param domain empty for none
 */
public record StickyCookie(
    String name, boolean secure, boolean httpOnly, String sameSite, int maxAge, String path, String domain) {

  public StickyCookie {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a sticky cookie needs a name; use StickyCookie.defaultName(service)");
    }
    name = sanitizeName(name);
    sameSite = sameSite == null ? "" : sameSite;
    path = path == null ? "/" : path;
    domain = domain == null ? "" : domain;
  }

  /** Traefik's generated name when none is configured: {@code _} and 5 hex digits of a SHA-1. */
  public static String defaultName(String serviceName) {
    String hex = HexFormat.of().formatHex(digest("SHA-1", "_TRAEFIK_BACKEND_" + serviceName));
    return ("_" + hex).substring(0, 6);
  }

  /**
   * Go's FNV-64 (not 64a) of {@code text} in lower-case hex without leading zeros: the cookie values
   * of Traefik versions before the SHA-256 ones (a server URL hashed once, or twice).
   */
  static String fnv64(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h *= 0x100000001b3L;
      h ^= (b & 0xff);
    }
    return Long.toUnsignedString(h, 16);
  }

  /** The cookie value that sticks a client to {@code childName}. */
  public static String valueFor(String childName) {
    return HexFormat.of().formatHex(digest("SHA-256", childName)).substring(0, 16);
  }

  /**
   * The value of this cookie in the request's {@code Cookie} headers (the first one wins, as Go's
   * {@code Request.Cookie}), or null when absent.
   */
  public String read(List<String> cookieHeaders) {
    for (String header : cookieHeaders) {
      for (String part : header.split(";")) {
        String p = part.strip();
        int eq = p.indexOf('=');
        if (eq > 0 && p.substring(0, eq).equals(name)) {
          String v = p.substring(eq + 1);
          if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
          }
          return v;
        }
      }
    }
    return null;
  }

  /** The {@code Set-Cookie} value sticking the client to {@code childName}, spelled as Go writes it. */
  public String setCookie(String childName) {
    StringBuilder b = new StringBuilder(name).append('=').append(valueFor(childName));
    if (!path.isEmpty()) {
      b.append("; Path=").append(path);
    }
    if (!domain.isEmpty()) {
      b.append("; Domain=").append(domain.startsWith(".") ? domain.substring(1) : domain);
    }
    if (maxAge > 0) {
      b.append("; Max-Age=").append(maxAge);
    } else if (maxAge < 0) {
      b.append("; Max-Age=0");
    }
    if (httpOnly) {
      b.append("; HttpOnly");
    }
    if (secure) {
      b.append("; Secure");
    }
    switch (sameSite.toLowerCase(Locale.ROOT)) {
      case "none" -> b.append("; SameSite=None");
      case "lax" -> b.append("; SameSite=Lax");
      case "strict" -> b.append("; SameSite=Strict");
      default -> { }
    }
    return b.toString();
  }

  /** RFC 2616 token characters kept, anything else becomes {@code _} (Traefik's sanitizeName). */
  static String sanitizeName(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^`|~".indexOf(c) >= 0;
      b.append(ok ? (char) c : '_');
    }
    return b.toString();
  }

  private static byte[] digest(String algorithm, String text) {
    try {
      return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JDK", e);
    }
  }
}
