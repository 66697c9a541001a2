package io.cairn.gateway.acme;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.GenericAcmeProvider;

/**
 * acme4j sessions to a CA's directory. A CA whose certificate is not in the JDK's trust store
 * (a private CA, Pebble, the tests' CA) is reached through a provider that builds acme4j's
 * {@link HttpClient} with our own {@link SSLContext}; no JVM-wide trust store property is set.
 */
final class CaSessions {
  private CaSessions() {}

  static Session open(URI directory, Optional<SSLContext> trust, Duration timeout) {
    String scheme = directory.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException(
          "caServer '" + directory + "' is not an http(s) URL; expected the CA's directory URL");
    }
    Session session =
        trust.isPresent()
            ? new Session(directory, new TrustingProvider(trust.get()))
            : new Session(directory, new GenericAcmeProvider());
    session.networkSettings().setTimeout(timeout);
    return session;
  }

  /** acme4j's generic provider with a given {@link SSLContext}. */
  static final class TrustingProvider extends GenericAcmeProvider {
    private final SSLContext sslContext;

    TrustingProvider(SSLContext sslContext) {
      this.sslContext = sslContext;
    }

    @Override
    public HttpClient createHttpClient(NetworkSettings settings) {
      var builder =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(settings.getTimeout())
              .proxy(settings.getProxySelector())
              .sslContext(sslContext);
      if (settings.getAuthenticator() != null) {
        builder.authenticator(settings.getAuthenticator());
      }
      return builder.build();
    }
  }
}
