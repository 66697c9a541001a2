package io.cairn.gateway.middleware;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * {@code basicAuth}, as Traefik: credentials from {@code Authorization: Basic …} are checked
 * against the user's htpasswd hash; a failure answers 401 with {@code WWW-Authenticate: Basic
 * realm="REALM"} and body {@code 401 Unauthorized\n}. On success the user name goes to {@code
 * headerField} (if set) and to {@link Exchange#user()}, and {@code Authorization} is removed with
 * {@code removeHeader}. Verifying a bcrypt hash costs CPU (milliseconds at cost 10): the proxy
 * should not run many of them on an event loop it cannot spare.
 */
final class BasicAuth implements Middleware {
  private final Map<String, String> users;
  private final String realm;
  private final boolean removeHeader;
  private final String headerField;

  BasicAuth(Map<String, String> users, String realm, boolean removeHeader, String headerField) {
    this.users = Map.copyOf(users);
    this.realm = realm;
    this.removeHeader = removeHeader;
    this.headerField = headerField;
  }

  @Override
  public Outcome onRequest(Exchange ex) {
    String[] cred = parse(ex.requestHeaders().get("Authorization"));
    if (cred == null || !Htpasswd.check(cred[1], users.getOrDefault(cred[0], ""))) {
      HeaderMap h = new HeaderMap().set("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
      return new Outcome.Respond(401, h, "401 Unauthorized\n".getBytes(StandardCharsets.UTF_8));
    }
    ex.user(cred[0]);
    if (!headerField.isEmpty()) {
      ex.requestHeaders().set(headerField, cred[0]);
    }
    if (removeHeader) {
      ex.requestHeaders().remove("Authorization");
    }
    return Outcome.CONTINUE;
  }

  /** Go's {@code Request.BasicAuth}: {user, password}, or null. */
  static String[] parse(String auth) {
    String prefix = "Basic ";
    if (auth.length() < prefix.length() || !auth.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return null;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(auth.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      return null;
    }
    String cs = new String(decoded, StandardCharsets.UTF_8);
    int colon = cs.indexOf(':');
    return colon < 0 ? null : new String[] {cs.substring(0, colon), cs.substring(colon + 1)};
  }
}
