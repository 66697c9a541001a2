package io.cairn.server.kv;

/** What is specific to one running server and shows up in etcdctl output: its URLs and ids. */
record TargetFacts(String clientUrl, String peerUrl, Identity identity) {
  static TargetFacts of(KvTarget target) {
    return new TargetFacts(target.clientUrl(), target.peerUrl(), target.identity());
  }
}
