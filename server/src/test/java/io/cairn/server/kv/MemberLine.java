package io.cairn.server.kv;

import java.util.List;
import java.util.Optional;

/**
 * One line of {@code etcdctl member list}: {@code <hex id>, started|unstarted, <name>, <peer urls>,
 * <client urls>, <is learner>} (URL lists joined with commas, no spaces).
 */
record MemberLine(String hexId, String status, String name, String peerUrls, String clientUrls, String learner) {
  static Optional<MemberLine> parse(String line) {
    String[] f = line.split(", ", -1);
    return f.length == 6 ? Optional.of(new MemberLine(f[0], f[1], f[2], f[3], f[4], f[5])) : Optional.empty();
  }

  static List<MemberLine> parseAll(List<String> lines) {
    return lines.stream().map(MemberLine::parse).flatMap(Optional::stream).toList();
  }

  boolean started() {
    return status.equals("started");
  }
}
