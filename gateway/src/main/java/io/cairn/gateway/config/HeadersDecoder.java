package io.cairn.gateway.config;

/** Decodes the {@code headers} middleware's options (all optional, all off by default). */
final class HeadersDecoder {
  private HeadersDecoder() {}

  static Headers headers(Fields b) {
    return new Headers(
        b.stringMap("customRequestHeaders"),
        b.stringMap("customResponseHeaders"),
        b.bool("accessControlAllowCredentials", false),
        b.strings("accessControlAllowHeaders"),
        b.strings("accessControlAllowMethods"),
        b.strings("accessControlAllowOriginList"),
        b.strings("accessControlAllowOriginListRegex"),
        b.strings("accessControlExposeHeaders"),
        b.longValue("accessControlMaxAge", 0),
        b.bool("addVaryHeader", false),
        b.strings("allowedHosts"),
        b.strings("hostsProxyHeaders"),
        b.stringMap("sslProxyHeaders"),
        b.longValue("stsSeconds", 0),
        b.bool("stsIncludeSubdomains", false),
        b.bool("stsPreload", false),
        b.bool("forceSTSHeader", false),
        b.bool("frameDeny", false),
        b.string("customFrameOptionsValue", ""),
        b.bool("contentTypeNosniff", false),
        b.bool("browserXssFilter", false),
        b.string("customBrowserXSSValue", ""),
        b.string("contentSecurityPolicy", ""),
        b.string("contentSecurityPolicyReportOnly", ""),
        b.string("publicKey", ""),
        b.string("referrerPolicy", ""),
        b.string("permissionsPolicy", ""),
        b.bool("isDevelopment", false));
  }
}
