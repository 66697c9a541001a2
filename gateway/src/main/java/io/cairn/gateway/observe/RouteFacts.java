package io.cairn.gateway.observe;

/**
 * What routing learned about one request, for its {@link ExchangeRecord}: the router, the service,
 * the server, the user and the retries. Filled by the routing layer while it routes and proxies;
 * read by the entry point when the exchange ends. Confined to the request's event loop (no
 * synchronisation). Unset names are empty strings.
 */
public final class RouteFacts {
  private String router = "";
  private String service = "";
  private String serviceUrl = "";
  private String user = "";
  private int retryAttempts;

  public String router() {
    return router;
  }

  /** The matched router's qualified name ({@code name@provider}). */
  public RouteFacts router(String name) {
    this.router = name == null ? "" : name;
    return this;
  }

  public String service() {
    return service;
  }

  /** The qualified name of the service that took the request. */
  public RouteFacts service(String name) {
    this.service = name == null ? "" : name;
    return this;
  }

  public String serviceUrl() {
    return serviceUrl;
  }

  /** The URL of the server the request was sent to. */
  public RouteFacts serviceUrl(String url) {
    this.serviceUrl = url == null ? "" : url;
    return this;
  }

  public String user() {
    return user;
  }

  /** The user a basicAuth middleware accepted. */
  public RouteFacts user(String name) {
    this.user = name == null ? "" : name;
    return this;
  }

  public int retryAttempts() {
    return retryAttempts;
  }

  /** How many times the request was retried (the retry middleware). */
  public RouteFacts retryAttempts(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("retryAttempts is " + n + "; expected >= 0");
    }
    this.retryAttempts = n;
    return this;
  }
}
