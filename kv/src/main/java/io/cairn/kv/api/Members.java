package io.cairn.kv.api;

import io.cairn.raft.RaftMember;
import io.etcd.jetcd.api.Member;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * etcd members on top of Raft members.
 *
 * <p>A Raft member's ID is the etcd member ID in hex (16 digits). Its peer address is the host and
 * port of its first peer URL. Its opaque client-address text carries what etcd knows of a member:
 * {@code name=<name>&peers=<url,...>&clients=<url,...>} (URL-encoded values). A member added but
 * not yet started has an empty name and no client URLs, which etcdctl shows as "unstarted".
 *
 * <p>IDs are computed as etcd computes them ({@code etcdserver/api/membership/member.go NewMember},
 * {@code cluster.go genID}), so a default single node gets etcd's familiar IDs.
 */
public final class Members {
  private Members() {}

  /** What etcd knows of one member. */
  public record Info(long id, String name, List<String> peerUrls, List<String> clientUrls) {
    public Info {
      peerUrls = List.copyOf(peerUrls);
      clientUrls = List.copyOf(clientUrls);
    }

    public RaftMember toRaft() {
      String meta =
          "name=" + enc(name) + "&peers=" + enc(String.join(",", peerUrls)) + "&clients="
              + enc(String.join(",", clientUrls));
      return new RaftMember(hex(id), hostPort(peerUrls.get(0)), meta);
    }

    public Member toEtcd() {
      return Member.newBuilder()
          .setID(id)
          .setName(name)
          .addAllPeerURLs(peerUrls)
          .addAllClientURLs(clientUrls)
          .build();
    }
  }

  public static Info fromRaft(RaftMember m) {
    Map<String, String> meta = new HashMap<>();
    for (String part : m.clientAddress().split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        meta.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    List<String> peers = split(meta.getOrDefault("peers", ""));
    if (peers.isEmpty()) {
      peers = List.of("http://" + m.peerAddress());
    }
    return new Info(Long.parseUnsignedLong(m.id(), 16), meta.getOrDefault("name", ""), peers,
        split(meta.getOrDefault("clients", "")));
  }

  /** Client URLs from a Raft member's text, for forwarding to it. */
  public static List<String> clientUrls(RaftMember m) {
    return fromRaft(m).clientUrls();
  }

  private static List<String> split(String s) {
    return s.isEmpty() ? List.of() : Arrays.stream(s.split(",")).map(String::strip).toList();
  }

  /** etcd's member ID: SHA-1 over the sorted peer URLs, the cluster token and (for added members) a time. */
  public static long memberId(List<String> peerUrls, String clusterToken, Long unixSeconds) {
    List<String> sorted = new ArrayList<>(peerUrls);
    sorted.sort(null);
    StringBuilder b = new StringBuilder();
    sorted.forEach(b::append);
    b.append(clusterToken);
    if (unixSeconds != null) {
      b.append(unixSeconds);
    }
    return first8(sha1(b.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** etcd's cluster ID: SHA-1 over the sorted member IDs, 8 big-endian bytes each. */
  public static long clusterId(List<Long> memberIds) {
    List<Long> sorted = new ArrayList<>(memberIds);
    sorted.sort(Long::compareUnsigned);
    ByteBuffer buf = ByteBuffer.allocate(8 * sorted.size());
    sorted.forEach(buf::putLong);
    return first8(sha1(buf.array()));
  }

  public static String hex(long id) {
    return String.format("%016x", id);
  }

  static String hostPort(String url) {
    URI u = URI.create(url);
    if (u.getHost() == null || u.getPort() < 0) {
      throw new IllegalArgumentException("expected a URL like http://host:port, got '" + url + "'");
    }
    return u.getHost() + ":" + u.getPort();
  }

  private static byte[] sha1(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
    }
  }

  private static long first8(byte[] hash) {
    return ByteBuffer.wrap(hash, 0, 8).getLong();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
