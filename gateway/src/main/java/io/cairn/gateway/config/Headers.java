package io.cairn.gateway.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code headers} middleware: custom request/response headers (an empty value removes the
 * header), CORS ({@code accessControl*}) and security headers, with Traefik's option names. All
 * options default to off/empty.
 */
public record Headers(
    Map<String, String> customRequestHeaders,
    Map<String, String> customResponseHeaders,
    boolean accessControlAllowCredentials,
    List<String> accessControlAllowHeaders,
    List<String> accessControlAllowMethods,
    List<String> accessControlAllowOriginList,
    List<String> accessControlAllowOriginListRegex,
    List<String> accessControlExposeHeaders,
    long accessControlMaxAge,
    boolean addVaryHeader,
    List<String> allowedHosts,
    List<String> hostsProxyHeaders,
    Map<String, String> sslProxyHeaders,
    long stsSeconds,
    boolean stsIncludeSubdomains,
    boolean stsPreload,
    boolean forceSTSHeader,
    boolean frameDeny,
    String customFrameOptionsValue,
    boolean contentTypeNosniff,
    boolean browserXssFilter,
    String customBrowserXSSValue,
    String contentSecurityPolicy,
    String contentSecurityPolicyReportOnly,
    String publicKey,
    String referrerPolicy,
    String permissionsPolicy,
    boolean isDevelopment)
    implements Middleware {

  public Headers {
    customRequestHeaders = Checks.map(customRequestHeaders);
    customResponseHeaders = Checks.map(customResponseHeaders);
    accessControlAllowHeaders = Checks.list(accessControlAllowHeaders);
    accessControlAllowMethods = Checks.list(accessControlAllowMethods);
    accessControlAllowOriginList = Checks.list(accessControlAllowOriginList);
    accessControlAllowOriginListRegex = Checks.list(accessControlAllowOriginListRegex);
    accessControlExposeHeaders = Checks.list(accessControlExposeHeaders);
    allowedHosts = Checks.list(allowedHosts);
    hostsProxyHeaders = Checks.list(hostsProxyHeaders);
    sslProxyHeaders = Checks.map(sslProxyHeaders);
    Objects.requireNonNull(customFrameOptionsValue, "customFrameOptionsValue");
    Objects.requireNonNull(customBrowserXSSValue, "customBrowserXSSValue");
    Objects.requireNonNull(contentSecurityPolicy, "contentSecurityPolicy");
    Objects.requireNonNull(contentSecurityPolicyReportOnly, "contentSecurityPolicyReportOnly");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(referrerPolicy, "referrerPolicy");
    Objects.requireNonNull(permissionsPolicy, "permissionsPolicy");
  }
}
