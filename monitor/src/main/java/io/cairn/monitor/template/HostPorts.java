package io.cairn.monitor.template;

import java.util.regex.Pattern;

/** Go's {@code net.SplitHostPort}/{@code ParseIP} as {@code stripPort} and {@code stripDomain} use them. */
final class HostPorts {
  private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  private HostPorts() {}

  /** {host, port}, or null where Go's {@code SplitHostPort} fails. */
  static String[] split(String hostPort) {
    int i = hostPort.lastIndexOf(':');
    if (i < 0) {
      return null; // missing port in address
    }
    String host;
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      if (end < 0) {
        return null;
      }
      if (end + 1 == hostPort.length() || end + 1 != i) {
        return null;
      }
      host = hostPort.substring(1, end);
      if (host.indexOf('[') >= 0 || host.indexOf(']') >= 0) {
        return null;
      }
    } else {
      host = hostPort.substring(0, i);
      if (host.indexOf(':') >= 0 || host.indexOf('[') >= 0 || host.indexOf(']') >= 0) {
        return null;
      }
    }
    String port = hostPort.substring(i + 1);
    if (hostPort.indexOf(']', i) >= 0 || hostPort.indexOf('[', 1) >= 0 && !hostPort.startsWith("[")) {
      return null;
    }
    return new String[] {host, port};
  }

  static String stripPort(String hostPort) {
    String[] hp = split(hostPort);
    return hp == null ? hostPort : hp[0];
  }

  static String stripDomain(String hostPort) {
    String[] hp = split(hostPort);
    String host = hp == null ? hostPort : hp[0];
    String port = hp == null ? "" : hp[1];
    if (isIp(host)) {
      return hostPort;
    }
    int dot = host.indexOf('.');
    host = dot < 0 ? host : host.substring(0, dot);
    if (!port.isEmpty()) {
      return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
    return host;
  }

  /** Go's {@code net.ParseIP(s) != nil}. */
  static boolean isIp(String s) {
    if (IPV4.matcher(s).matches()) {
      return true;
    }
    if (s.indexOf(':') < 0 || !s.matches("[0-9a-fA-F:.]+")) {
      return false;
    }
    String body = s;
    int groupsForV4 = 0;
    int lastColon = s.lastIndexOf(':');
    if (s.indexOf('.') >= 0) {
      if (!IPV4.matcher(s.substring(lastColon + 1)).matches()) {
        return false;
      }
      body = s.substring(0, lastColon + 1) + "0";
      groupsForV4 = 1;
    }
    int dbl = body.indexOf("::");
    if (dbl >= 0 && body.indexOf("::", dbl + 1) >= 0) {
      return false;
    }
    String[] parts = body.split(":", -1);
    int groups = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty()) {
        boolean okEmpty = dbl >= 0 && (i == 0 || i == parts.length - 1 || parts[i - 1].isEmpty() || parts[i + 1].isEmpty());
        if (!okEmpty) {
          return false;
        }
        continue;
      }
      if (p.length() > 4) {
        return false;
      }
      groups++;
    }
    groups += groupsForV4;
    return dbl >= 0 ? groups < 8 + groupsForV4 : groups == 8 + groupsForV4;
  }
}
