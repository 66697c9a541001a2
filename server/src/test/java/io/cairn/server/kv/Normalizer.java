package io.cairn.server.kv;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces in a rendered transcript exactly what legitimately differs between two correct servers,
 * so that the rest can be compared byte for byte: URLs and ports, member and cluster ids, lease ids,
 * raft term and index, database sizes, server version, durations, remaining lease TTLs and (only where
 * the history contains lease ids) KV hashes. Revisions are kept, written relative to the revision the
 * scenario started at ({@code {rev+2}}), so that an earlier failing scenario cannot shift them.
 *
 * <p>Ids are replaced only where etcdctl prints an id (so that a small id such as 1 cannot hide other
 * numbers), and by stable names: the target's own member and cluster ids become {@code <member-id>}
 * and {@code <cluster-id>} (a different id in their place stays visible), leases become
 * {@code <lease-1>}, {@code <lease-2>}... in order of first appearance, in hex and decimal alike.
 */
final class Normalizer {
  /** Where etcdctl prints a member id in decimal: json headers and members, json status, fields, alarms. */
  private static final Pattern MEMBER_DECIMAL =
      Pattern.compile("(\"member_id\":|\"ID\":|\"leader\":|\"MemberID\" : |memberID:)(\\d+)");
  /** Where it prints one in hex ({@code %x}): member list lines and endpoint status lines. */
  private static final Pattern MEMBER_HEX =
      Pattern.compile("(?m)(^|^<client-url>, |^<client-host-port>, )([0-9a-f]+)(, (?:started|unstarted), |, \\d)");
  private static final Pattern CLUSTER_DECIMAL = Pattern.compile("(\"cluster_id\":|\"ClusterID\" : )(\\d+)");
  /** Lease ids: {@code %016x} in simple output, decimal in json and fields output. */
  private static final Pattern LEASE_HEX = Pattern.compile("()\\b([0-9a-f]{16})\\b");
  private static final Pattern LEASE_DECIMAL = Pattern.compile("(\"ID\":|\"id\":|\"ID\" : )(\\d+)");

  private static final Pattern REVISION_FIELD =
      Pattern.compile("\"(revision|create_revision|mod_revision|compact_revision)\":(\\d+)");
  private static final Pattern FIELDS_REVISION = Pattern.compile("\"(Revision|CreateRevision|ModRevision)\" : (\\d+)");
  private static final Pattern COMPACTED = Pattern.compile("compacted revision (\\d+)");
  private static final Pattern STATUS_LINE =
      Pattern.compile(
          "(?m)^(<client-url>|<client-host-port>), ([^,]*), [^,]*, [^,]*, (true|false), (true|false), \\d+, \\d+, \\d+, ");
  private static final Pattern HASH_LINE = Pattern.compile("(?m)^(<client-url>|<client-host-port>), \\d+$");

  private Normalizer() {}

  static String normalize(String text, TargetFacts facts, long baseRevision, boolean hashVaries) {
    String s = text;
    s = s.replace(facts.clientUrl(), "<client-url>").replace(hostPort(facts.clientUrl()), "<client-host-port>");
    s = s.replace(facts.peerUrl(), "<peer-url>").replace(hostPort(facts.peerUrl()), "<peer-host-port>");
    Identity id = facts.identity();
    if (id.memberIdDecimal() != null) {
      s = replaceIds(s, MEMBER_DECIMAL, v -> v.equals(id.memberIdDecimal()) ? "<member-id>" : v);
      s = replaceIds(s, MEMBER_HEX, v -> v.equals(id.memberIdHex()) ? "<member-id>" : v);
    }
    if (id.clusterIdDecimal() != null) {
      s = replaceIds(s, CLUSTER_DECIMAL, v -> v.equals(id.clusterIdDecimal()) ? "<cluster-id>" : v);
    }
    s = replaceLeaseIds(s);
    s = relativeRevisions(s, baseRevision);
    s = s.replaceAll("\"raft_term\":\\d+", "\"raft_term\":<raft-term>");
    s = s.replaceAll("\"RaftTerm\" : \\d+", "\"RaftTerm\" : <raft-term>");
    s = STATUS_LINE.matcher(s)
        .replaceAll("$1, $2, <version>, <db-size>, $3, $4, <raft-term>, <raft-index>, <raft-applied-index>, ");
    s = s.replaceAll("\"version\":\"[^\"]*\"", "\"version\":\"<version>\"");
    s = s.replaceAll("\"(dbSize|dbSizeInUse|raftIndex|raftTerm|raftAppliedIndex)\":\\d+", "\"$1\":<$1>");
    s = s.replaceAll("took = \\S+", "took = <duration>");
    s = s.replaceAll("remaining\\(-?\\d+s\\)", "remaining(<ttl>s)");
    s = s.replaceAll("\"ttl\":-?\\d+", "\"ttl\":<ttl>");
    if (hashVaries) {
      s = HASH_LINE.matcher(s).replaceAll("$1, <hash>");
      s = s.replaceAll("\"hash\":\\d+", "\"hash\":<hash>");
    }
    return s;
  }

  private static String hostPort(String url) {
    return url.substring(url.indexOf("://") + 3);
  }

  /** Replaces group 2 of each match of {@code context} by {@code rename} of it, keeping groups 1 and 3. */
  private static String replaceIds(String s, Pattern context, UnaryOperator<String> rename) {
    return context.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
        m.group(1) + rename.apply(m.group(2)) + (m.groupCount() >= 3 ? m.group(3) : "")));
  }

  /** Names lease ids in order of first appearance, whether printed in hex or in decimal. */
  private static String replaceLeaseIds(String s) {
    Map<Long, String> names = new HashMap<>();
    Matcher m = Pattern.compile(LEASE_HEX.pattern() + "|" + LEASE_DECIMAL.pattern()).matcher(s);
    while (m.find()) {
      long leaseId = m.group(2) != null ? Long.parseUnsignedLong(m.group(2), 16) : Long.parseUnsignedLong(m.group(4));
      if (leaseId != 0) {
        names.putIfAbsent(leaseId, "<lease-" + (names.size() + 1) + ">");
      }
    }
    s = replaceIds(s, LEASE_HEX, v -> names.getOrDefault(Long.parseUnsignedLong(v, 16), v));
    return replaceIds(s, LEASE_DECIMAL, v -> names.getOrDefault(Long.parseUnsignedLong(v), v));
  }

  private static String relativeRevisions(String s, long base) {
    s = REVISION_FIELD.matcher(s).replaceAll(r -> "\"" + r.group(1) + "\":" + relative(r.group(2), base));
    s = FIELDS_REVISION.matcher(s).replaceAll(r -> "\"" + r.group(1) + "\" : " + relative(r.group(2), base));
    return COMPACTED.matcher(s).replaceAll(r -> "compacted revision " + relative(r.group(1), base));
  }

  private static String relative(String revision, long base) {
    long delta = Long.parseLong(revision) - base;
    return Matcher.quoteReplacement("{rev" + (delta < 0 ? "" : "+") + delta + "}");
  }
}
