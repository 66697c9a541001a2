package io.cairn.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Decodes {@code entryPoints.NAME} with Traefik's defaults and checks the address's shape. */
final class EntryPointDecoder {
  private EntryPointDecoder() {}

  static EntryPoint entryPoint(Fields f) {
    String address = f.string("address", "");
    if (!address.matches("(\\[[0-9A-Fa-f:.]+\\]|[^:\\[\\]/]*):\\d{1,5}(/(tcp|udp))?")) {
      f.problems().add(f.key("address"), "expected [host]:port, optionally followed by /tcp or /udp, got \"" + address + "\"");
    } else {
      String port = address.replaceAll(".*:(\\d+)(/.*)?$", "$1");
      if (Integer.parseInt(port) > 65535) {
        f.problems().add(f.key("address"), "port " + port + " is out of range (0-65535)");
      }
    }
    EntryPoint.Http http = f.object("http", false).map(EntryPointDecoder::http)
        .orElse(new EntryPoint.Http(Optional.empty(), List.of(), Optional.empty()));
    EntryPoint.Http2 http2 = f.object("http2", false).map(h -> {
      EntryPoint.Http2 v = new EntryPoint.Http2(h.integer("maxConcurrentStreams", EntryPoint.Http2.DEFAULT_MAX_CONCURRENT_STREAMS));
      h.finish();
      return v;
    }).orElse(new EntryPoint.Http2(EntryPoint.Http2.DEFAULT_MAX_CONCURRENT_STREAMS));
    Optional<EntryPoint.Http3> http3 = f.object("http3", true).map(h -> {
      EntryPoint.Http3 v = new EntryPoint.Http3(h.integer("advertisedPort", 0));
      h.finish();
      return v;
    });
    EntryPoint.Transport transport = f.object("transport", false).map(EntryPointDecoder::transport)
        .orElse(EntryPoint.Transport.defaults());
    EntryPoint.ForwardedHeaders forwarded = f.object("forwardedHeaders", false).map(h -> {
      EntryPoint.ForwardedHeaders v = new EntryPoint.ForwardedHeaders(h.strings("trustedIPs"), h.bool("insecure", false));
      h.finish();
      return v;
    }).orElse(new EntryPoint.ForwardedHeaders(List.of(), false));
    f.raw("asDefault");
    if (f.bool("asDefault", false)) {
      f.problems().add(f.key("asDefault"), "asDefault is not supported by cairn: routers without entryPoints use all entry points");
    }
    return new EntryPoint(address, http, http2, http3, transport, forwarded);
  }

  private static EntryPoint.Http http(Fields f) {
    Optional<EntryPoint.Redirect> redirect = f.object("redirections", false).flatMap(r -> {
      Optional<EntryPoint.Redirect> v = r.object("entryPoint", false).map(e -> {
        EntryPoint.Redirect red = new EntryPoint.Redirect(e.string("to", ""), e.string("scheme", "https"),
            e.bool("permanent", true), e.longValue("priority", EntryPoint.Redirect.DEFAULT_PRIORITY));
        if (red.to().isEmpty()) {
          e.problems().add(e.key("to"), "a redirection needs a target entry point or :port");
        }
        e.finish();
        return red;
      });
      r.finish();
      return v;
    });
    EntryPoint.Http v = new EntryPoint.Http(redirect, f.strings("middlewares"), f.object("tls", true).map(DynamicDecoder::routerTls));
    f.finish();
    return v;
  }

  private static EntryPoint.Transport transport(Fields f) {
    EntryPoint.Transport d = EntryPoint.Transport.defaults();
    Duration read = d.readTimeout();
    Duration write = d.writeTimeout();
    Duration idle = d.idleTimeout();
    Duration accept = d.requestAcceptGraceTimeout();
    Duration grace = d.graceTimeOut();
    Optional<Fields> responding = f.object("respondingTimeouts", false);
    if (responding.isPresent()) {
      Fields r = responding.get();
      read = r.duration("readTimeout", read);
      write = r.duration("writeTimeout", write);
      idle = r.duration("idleTimeout", idle);
      r.finish();
    }
    Optional<Fields> lifeCycle = f.object("lifeCycle", false);
    if (lifeCycle.isPresent()) {
      Fields l = lifeCycle.get();
      accept = l.duration("requestAcceptGraceTimeout", accept);
      grace = l.duration("graceTimeOut", grace);
      l.finish();
    }
    f.finish();
    return new EntryPoint.Transport(read, write, idle, accept, grace);
  }
}
