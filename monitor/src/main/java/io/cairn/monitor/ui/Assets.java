package io.cairn.monitor.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The UI's files, read once from the classpath and kept in memory (they are small and fixed for the
 * life of the process). A name is a relative path under {@code io/cairn/monitor/ui/static/} (or
 * {@code index.html} at the UI's root), checked before any lookup: segments of
 * letters, digits, {@code _ . -}, none starting with a dot, and an extension the UI serves. So
 * {@code ..}, absolute paths, backslashes and directories never reach the class loader.
 */
final class Assets {
  /** One file: its bytes, content type and a strong ETag from their hash. */
  record Asset(byte[] body, String contentType, String etag) {}

  static final String ROOT = "io/cairn/monitor/ui/";
  static final String VENDOR_CHART = "vendor/chart.umd.min.js";
  private static final String CHART_POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");

  private final ClassLoader loader;
  private final ConcurrentHashMap<String, Asset> cache = new ConcurrentHashMap<>();

  Assets(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * The file {@code name} ({@code index.html} or a path under {@code static/}),
   * or null when the name is unsafe, of a type the UI does not serve, or not there.
   */
  Asset file(String name) {
    if (name.length() > 200 || !SAFE.matcher(name).matches() || UiHandler.contentType(name) == null) {
      return null;
    }
    return cache.computeIfAbsent(name, this::load); // a miss is not kept: names come from requests
  }

  /** How many files are kept in memory. */
  int cached() {
    return cache.size();
  }

  private Asset load(String name) {
    String resource = switch (name) {
      case "index.html" -> ROOT + name;
      case VENDOR_CHART -> chartResource();
      default -> ROOT + "static/" + name;
    };
    if (resource == null) {
      return null;
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      byte[] body = in.readAllBytes();
      return new Asset(body, UiHandler.contentType(name), etag(body));
    } catch (IOException e) {
      throw new UncheckedIOException("reading the UI file " + resource, e);
    }
  }

  /** Chart.js's minified UMD build in its WebJar, whose version the WebJar's pom.properties names. */
  private String chartResource() {
    try (InputStream in = loader.getResourceAsStream(CHART_POM)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      String version = p.getProperty("version");
      return version == null ? null : "META-INF/resources/webjars/chart.js/" + version + "/dist/chart.umd.min.js";
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + CHART_POM, e);
    }
  }

  private static String etag(byte[] body) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
