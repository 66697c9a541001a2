package io.cairn.raft;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How this process's Raft node runs.
 *
 * @param self this member: its ID and the {@code host:port} its Raft server listens on
 * @param dataDir where the Raft logs, metadata and snapshots of every group live (one sub-directory
 *     per group)
 * @param electionTimeoutMin lower bound of the randomized election timeout (default 1 s, like etcd's
 *     1000 ms election timeout); the upper bound is twice this
 * @param requestTimeout how long a proposal or read barrier may take before it fails with {@link
 *     RaftException.Timeout}
 * @param snapshotEveryEntries take a snapshot (and purge the log before it) after this many applied
 *     entries (etcd's {@code --snapshot-count}, default 100,000)
 * @param peerTls TLS between peers; null for cleartext
 */
public record RaftNodeConfig(
    RaftMember self,
    Path dataDir,
    Duration electionTimeoutMin,
    Duration requestTimeout,
    long snapshotEveryEntries,
    PeerTls peerTls) {

  /** Cleartext between peers. */
  public RaftNodeConfig(
      RaftMember self, Path dataDir, Duration electionTimeoutMin, Duration requestTimeout, long snapshotEveryEntries) {
    this(self, dataDir, electionTimeoutMin, requestTimeout, snapshotEveryEntries, null);
  }

  public RaftNodeConfig {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(dataDir, "dataDir");
    if (electionTimeoutMin.isNegative() || electionTimeoutMin.isZero()) {
      throw new IllegalArgumentException("electionTimeoutMin must be positive, got " + electionTimeoutMin);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
    }
    if (snapshotEveryEntries < 1) {
      throw new IllegalArgumentException("snapshotEveryEntries must be at least 1, got " + snapshotEveryEntries);
    }
  }

  public static RaftNodeConfig defaults(RaftMember self, Path dataDir) {
    return new RaftNodeConfig(self, dataDir, Duration.ofSeconds(1), Duration.ofSeconds(7), 100_000);
  }
}
