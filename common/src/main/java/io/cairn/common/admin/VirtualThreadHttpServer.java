package io.cairn.common.admin;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.cairn.common.config.HostPort;
import java.io.IOException;
import java.net.BindException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A started JDK {@code HttpServer} that runs each request on its own virtual thread, with one
 * handler for every path: what the admin endpoint and the monitor's web server share. Thread-safe.
 */
public final class VirtualThreadHttpServer {
  static {
    // The JDK server writes a response's headers and body separately; without TCP_NODELAY a body
    // past the first segment waits for the client's delayed ACK (about 40 ms on Linux), which made
    // mid-sized API answers take 40 ms more. Go's net/http (Prometheus) sets TCP_NODELAY too. Read
    // once, when the JDK's server configuration is first loaded: before any server is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HostPort address;
  private final HttpServer server;
  private final ExecutorService executor;

  private VirtualThreadHttpServer(HostPort address, HttpServer server, ExecutorService executor) {
    this.address = address;
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds {@code address} (port 0 picks a free one) and starts serving.
   *
   * @param what names the endpoint in the error when the address is taken ("the admin endpoint")
   * @throws BindException {@code cannot listen on <address> for <what>: <reason>}
   */
  public static VirtualThreadHttpServer start(HostPort address, String what, int backlog, HttpHandler handler)
      throws IOException {
    HttpServer s;
    try {
      s = HttpServer.create(address.toSocketAddress(), backlog);
    } catch (BindException e) {
      throw new BindException("cannot listen on " + address + " for " + what + ": " + e.getMessage());
    }
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    s.setExecutor(executor);
    s.createContext("/", handler);
    s.start();
    return new VirtualThreadHttpServer(address, s, executor);
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://<configured host>:<bound port>}, IPv6 hosts in brackets. */
  public String url() {
    return "http://" + new HostPort(address.host(), port());
  }

  /** Stops at once, dropping requests in flight. */
  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }
}
