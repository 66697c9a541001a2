package io.cairn.server.kv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces in a rendered transcript exactly what legitimately differs between two correct servers,
 * so that the rest can be compared byte for byte: URLs and ports, member and cluster ids, lease ids,
 * raft term and index, database sizes, server version, durations, remaining lease TTLs and (only where
 * the history contains lease ids) KV hashes. Revisions are kept, written relative to the revision the
 * scenario started at ({@code {rev+2}}), so that an earlier failing scenario cannot shift them.
 * Ids are replaced by stable names ({@code <lease-1>}), so a wrong id in one place still shows.
 */
final class Normalizer {
  /** A lease id: 16 hex digits in simple output, or a decimal id field in json / fields output. */
  private static final Pattern LEASE_ID = Pattern.compile("\\b([0-9a-f]{16})\\b|\"(?:ID|id)\" ?: ?(\\d+)");
  private static final Pattern REVISION_FIELD =
      Pattern.compile("\"(revision|create_revision|mod_revision|compact_revision)\":(\\d+)");
  private static final Pattern FIELDS_REVISION =
      Pattern.compile("\"(Revision|CreateRevision|ModRevision)\" : (\\d+)");
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
      s = replaceId(s, id.memberIdDecimal(), id.memberIdHex(), "<member-id>");
    }
    if (id.clusterIdDecimal() != null) {
      s = replaceNumber(s, id.clusterIdDecimal(), "<cluster-id>");
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

  /**
   * Lease ids (what is left once the member id is replaced), named in order of first appearance, in
   * all their forms.
   */
  private static String replaceLeaseIds(String s) {
    Map<String, String> names = new LinkedHashMap<>();
    Matcher m = LEASE_ID.matcher(s);
    while (m.find()) {
      String hex = m.group(1) != null ? m.group(1) : Long.toHexString(Long.parseUnsignedLong(m.group(2)));
      if (Long.parseUnsignedLong(hex, 16) != 0) {
        names.putIfAbsent(hex, "<lease-" + (names.size() + 1) + ">");
      }
    }
    for (var e : names.entrySet()) {
      s = replaceId(s, Long.toUnsignedString(Long.parseUnsignedLong(e.getKey(), 16)), e.getKey(), e.getValue());
    }
    return s;
  }

  /** Replaces an id written in decimal and in hex, both {@code %x} and {@code %016x}. */
  private static String replaceId(String s, String decimal, String hex, String name) {
    String padded = "0".repeat(Math.max(0, 16 - hex.length())) + hex;
    for (String form : List.of(decimal, hex, padded)) {
      s = replaceNumber(s, form, name);
    }
    return s;
  }

  private static String replaceNumber(String s, String token, String name) {
    return s.replaceAll("(?<![0-9A-Za-z])" + Pattern.quote(token) + "(?![0-9A-Za-z])", Matcher.quoteReplacement(name));
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
