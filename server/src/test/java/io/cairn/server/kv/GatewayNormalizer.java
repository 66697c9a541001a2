package io.cairn.server.kv;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces in a rendered gateway transcript exactly what legitimately differs between two correct
 * servers, so that the rest can be compared byte for byte. In grpc-gateway's JSON, int64 fields are
 * strings ({@code "revision":"7"}), uint32 ones numbers ({@code "hash":123}).
 *
 * <ul>
 *   <li>the client and peer URLs (free ports);
 *   <li>the target's own member and cluster ids ({@code member_id}, {@code cluster_id}, a member's
 *       {@code ID}, a status' {@code leader}) become {@code <member-id>} and {@code <cluster-id>}; a
 *       different id in their place stays visible;
 *   <li>lease ids (the other {@code "ID"} values and a key's {@code "lease"}) become
 *       {@code <lease-1>}, {@code <lease-2>}... in order of first appearance: the server picks them;
 *   <li>revisions are written relative to the revision the scenario started at ({@code {rev+2}}),
 *       so that earlier scenarios on a shared server cannot shift them; they are otherwise compared;
 *   <li>{@code raft_term} and the status' raft term and indexes and database sizes: they count
 *       internal Raft entries and backend pages, which differ between implementations;
 *   <li>the remaining TTL of a time-to-live answer (the one followed by {@code grantedTTL}): it
 *       depends on when the call lands; the granted TTL is compared;
 *   <li>{@code "hash"}: {@code /v3/maintenance/hash} hashes the backend's physical bbolt pages,
 *       which no other storage engine reproduces;
 *   <li>auth tokens: etcd's simple tokens are random;
 *   <li>the lease ID in lock and election keys ({@code name/<lease hex>}, base64 in {@code "key"}
 *       fields) becomes the lease's name, as above.
 * </ul>
 *
 * The order of fields is never normalized: etcd and a candidate must print the proto fields in field
 * number order, as grpc-gateway's marshaler does. Error texts that come from the JSON decoder are
 * hidden by {@link GatewayTranscript} for the calls marked so, not here.
 */
final class GatewayNormalizer {
  private static final Pattern MEMBER = Pattern.compile("(\"member_id\":\"|\"ID\":\"|\"leader\":\")(\\d+)(\")");
  private static final Pattern CLUSTER = Pattern.compile("(\"cluster_id\":\")(\\d+)(\")");
  private static final Pattern LEASE = Pattern.compile("(\"ID\":\"|\"lease\":\")(\\d+)(\")");
  private static final Pattern REVISION =
      Pattern.compile("\"(revision|create_revision|mod_revision|compact_revision)\":\"(-?\\d+)\"");
  private static final Pattern RAFT_AND_SIZES =
      Pattern.compile("\"(raft_term|raftTerm|raftIndex|raftAppliedIndex|dbSize|dbSizeInUse)\":\"\\d+\"");
  private static final Pattern REMAINING_TTL = Pattern.compile("\"TTL\":\"-?\\d+\",\"grantedTTL\"");
  private static final Pattern HASH = Pattern.compile("\"hash\":\\d+");
  private static final Pattern WAITER_KEY = Pattern.compile("\"key\":\"([A-Za-z0-9+/=]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"[^\"]*\"");
  /**
   * The received size in gRPC's "larger than max" error: etcd's gateway reports the protobuf size it
   * decoded, cairn refuses the HTTP body before decoding it and reports the body's size. The limit
   * (after "vs.") is still compared.
   */
  private static final Pattern RECEIVED_SIZE = Pattern.compile("larger than max \\(\\d+ vs\\.");

  private GatewayNormalizer() {}

  static String normalize(String text, TargetFacts facts, long baseRevision) {
    String s = text;
    s = s.replace(facts.clientUrl(), "<client-url>").replace(facts.peerUrl(), "<peer-url>");
    Identity id = facts.identity();
    if (id.memberIdDecimal() != null) {
      s = replaceIds(s, MEMBER, v -> v.equals(id.memberIdDecimal()) ? "<member-id>" : v);
    }
    if (id.clusterIdDecimal() != null) {
      s = replaceIds(s, CLUSTER, v -> v.equals(id.clusterIdDecimal()) ? "<cluster-id>" : v);
    }
    s = nameLeases(s);
    s = REVISION.matcher(s).replaceAll(m -> "\"" + m.group(1) + "\":\"" + relative(m.group(2), baseRevision) + "\"");
    s = RAFT_AND_SIZES.matcher(s).replaceAll("\"$1\":\"<$1>\"");
    s = REMAINING_TTL.matcher(s).replaceAll("\"TTL\":\"<remaining>\",\"grantedTTL\"");
    s = TOKEN.matcher(s).replaceAll("\"token\":\"<token>\"");
    s = RECEIVED_SIZE.matcher(s).replaceAll("larger than max (<received> vs.");
    return HASH.matcher(s).replaceAll("\"hash\":<hash>");
  }

  /** Replaces group 2 of each match by {@code rename} of it, keeping groups 1 and 3. */
  private static String replaceIds(String s, Pattern context, UnaryOperator<String> rename) {
    return context.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + rename.apply(m.group(2)) + m.group(3)));
  }

  private static String nameLeases(String s) {
    Map<String, String> names = new HashMap<>();
    String named = replaceIds(s, LEASE, v -> names.computeIfAbsent(v, k -> "<lease-" + (names.size() + 1) + ">"));
    Map<String, String> byHex = new HashMap<>();
    names.forEach((decimal, name) -> byHex.put(Long.toHexString(Long.parseLong(decimal)), name));
    return WAITER_KEY.matcher(named).replaceAll(m -> Matcher.quoteReplacement(waiterKey(m.group(), m.group(1), byHex)));
  }

  /** A base64 {@code "key"} whose text ends in {@code /<hex>} of a lease seen in the transcript. */
  private static String waiterKey(String whole, String base64, Map<String, String> byHex) {
    String key;
    try {
      key = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return whole;
    }
    int slash = key.lastIndexOf('/');
    String name = slash < 0 ? null : byHex.get(key.substring(slash + 1));
    return name == null ? whole : "\"key\":\"" + key.substring(0, slash + 1) + name + "\"";
  }

  private static String relative(String revision, long base) {
    long delta = Long.parseLong(revision) - base;
    return Matcher.quoteReplacement("{rev" + (delta < 0 ? "" : "+") + delta + "}");
  }
}
