package io.cairn.server.kv;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids a server chose for itself, as its {@code etcdctl member list -w json} reports them: they
 * legitimately differ between two servers, so the normalizer replaces them by name. Unknown ids
 * (the command failed) are {@code null}.
 */
record Identity(String memberIdDecimal, String clusterIdDecimal) {
  static final Identity UNKNOWN = new Identity(null, null);

  private static final Pattern MEMBER = Pattern.compile("\"member_id\":(\\d+)");
  private static final Pattern CLUSTER = Pattern.compile("\"cluster_id\":(\\d+)");

  static Identity of(Etcdctl etcdctl) {
    EtcdctlResult members = etcdctl.run("member", "list", "-w", "json");
    String json = String.join("\n", members.stdout());
    return members.ok() ? new Identity(first(MEMBER, json), first(CLUSTER, json)) : UNKNOWN;
  }

  private static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  /** The member id as etcdctl prints it in simple output ({@code %x}), or {@code null}. */
  String memberIdHex() {
    return memberIdDecimal == null ? null : Long.toHexString(Long.parseUnsignedLong(memberIdDecimal));
  }
}
