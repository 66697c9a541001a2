package io.cairn.monitor.config;

import io.cairn.common.text.PromDuration;
import io.cairn.monitor.relabel.RelabelConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Decodes the service discovery sections of a scrape config. */
final class SdDecoder {
  private static final Pattern FILE_SD_NAME = Pattern.compile("^[^*]*(\\*[^/]*)?\\.(json|yml|yaml|JSON|YML|YAML)$");
  /** Scheme, and the authority when the URL has one ({@code scheme://authority}). */
  private static final Pattern URL_PARTS = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*):(?://([^/?#]*))?");
  private static final String GROUP_TYPE =
      "struct { Targets []string \"yaml:\\\"targets\\\"\"; Labels model.LabelSet \"yaml:\\\"labels\\\"\" }";

  private SdDecoder() {}

  static List<TargetGroup> staticConfigs(Decoder d, Node n) throws ConfigException {
    List<TargetGroup> out = new ArrayList<>();
    for (Node item : d.seq(n, "discovery.StaticConfig")) {
      Map<String, Node> f = d.struct(item, GROUP_TYPE, Set.of("targets", "labels"));
      if (f != null) {
        out.add(new TargetGroup(d.strings(f.get("targets")), labelSet(d, f.get("labels"))));
      }
    }
    return List.copyOf(out);
  }

  /** A {@code model.LabelSet}: valid label names, any values. */
  static Map<String, String> labelSet(Decoder d, Node n) throws ConfigException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : d.map(n, "model.LabelSet").entrySet()) {
      if (!RelabelConfig.isValidLabelName(e.getKey())) {
        throw new ConfigException("\"" + e.getKey() + "\" is not a valid label name");
      }
      out.put(e.getKey(), d.string(e.getValue()));
    }
    return out;
  }

  static List<FileSdConfig> fileSd(Decoder d, Node n) throws ConfigException {
    List<FileSdConfig> out = new ArrayList<>();
    for (Node item : d.seq(n, "[]discovery.Config")) {
      int mark = d.errorCount();
      Map<String, Node> f = d.struct(item, "file.plain", Set.of("files", "refresh_interval"));
      if (f == null) {
        continue;
      }
      List<String> files = d.strings(f.get("files"));
      PromDuration refresh = f.containsKey("refresh_interval") ? d.duration(f.get("refresh_interval")) : FileSdConfig.DEFAULT_REFRESH;
      if (d.errorCount() > mark) {
        continue;
      }
      if (files.isEmpty()) {
        throw new ConfigException("file service discovery config must contain at least one path name");
      }
      List<String> resolved = new ArrayList<>();
      for (String name : files) {
        if (!FILE_SD_NAME.matcher(name).matches()) {
          throw new ConfigException("path name \"" + name + "\" is not valid for file discovery");
        }
        resolved.add(d.join(name));
      }
      out.add(new FileSdConfig(resolved, refresh));
    }
    return List.copyOf(out);
  }

  static List<HttpSdConfig> httpSd(Decoder d, Node n) throws ConfigException {
    Set<String> fields = new HashSet<>(HttpClientDecoder.FIELDS);
    fields.add("url");
    fields.add("refresh_interval");
    List<HttpSdConfig> out = new ArrayList<>();
    for (Node item : d.seq(n, "[]discovery.Config")) {
      int mark = d.errorCount();
      Map<String, Node> f = d.struct(item, "http.plain", fields);
      if (f == null) {
        continue;
      }
      String url = d.string(f.get("url"));
      PromDuration refresh = f.containsKey("refresh_interval") ? d.duration(f.get("refresh_interval")) : HttpSdConfig.DEFAULT_REFRESH;
      if (d.errorCount() > mark) {
        continue;
      }
      if (url.isEmpty()) {
        throw new ConfigException("URL is missing");
      }
      var m = URL_PARTS.matcher(url);
      String scheme = m.lookingAt() ? m.group(1) : "";
      if (!scheme.equals("http") && !scheme.equals("https")) {
        HttpClientDecoder.checkUrl(url); // a syntax error first, as Go's url.Parse would report it
        throw new ConfigException("URL scheme must be 'http' or 'https'");
      }
      if (m.group(2) == null || m.group(2).isEmpty()) {
        throw new ConfigException("host is missing in URL");
      }
      HttpClientDecoder.checkUrl(url);
      HttpClientConfig http = HttpClientDecoder.decode(d, f);
      if (http != null) {
        out.add(new HttpSdConfig(url, refresh, http));
      }
    }
    return List.copyOf(out);
  }

  static List<KvSdConfig> kvSd(Decoder d, Node n) throws ConfigException {
    List<KvSdConfig> out = new ArrayList<>();
    for (Node item : d.seq(n, "[]discovery.Config")) {
      int mark = d.errorCount();
      Map<String, Node> f = d.struct(item, "cairn.KvSDConfig", Set.of("endpoints", "prefix", "tls_config", "basic_auth"));
      if (f == null) {
        continue;
      }
      List<String> endpoints = f.containsKey("endpoints") ? d.strings(f.get("endpoints")) : KvSdConfig.DEFAULT_ENDPOINTS;
      String prefix = f.containsKey("prefix") ? d.string(f.get("prefix")) : KvSdConfig.DEFAULT_PREFIX;
      TlsConfig tls = HttpClientDecoder.tls(d, f.get("tls_config"));
      BasicAuth basic = HttpClientDecoder.basicAuth(d, f.get("basic_auth"));
      if (d.errorCount() > mark) {
        continue;
      }
      if (endpoints.isEmpty()) {
        throw new ConfigException("kv_sd_configs: endpoints must list at least one host:port");
      }
      for (String e : endpoints) {
        int colon = e.lastIndexOf(':');
        if (colon <= 0 || e.contains("/") || !e.substring(colon + 1).matches("[0-9]{1,5}")) {
          throw new ConfigException("kv_sd_configs: endpoint \"" + e + "\" is not host:port");
        }
      }
      if (prefix.isEmpty()) {
        throw new ConfigException("kv_sd_configs: prefix must not be empty");
      }
      if (basic != null && !basic.passwordFile().isEmpty() && !basic.password().isEmpty()) {
        throw new ConfigException("at most one of basic_auth password & password_file must be configured");
      }
      out.add(new KvSdConfig(endpoints, prefix, tls, basic));
    }
    return List.copyOf(out);
  }
}
