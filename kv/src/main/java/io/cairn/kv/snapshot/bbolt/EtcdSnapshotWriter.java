package io.cairn.kv.snapshot.bbolt;

import io.cairn.kv.store.StoreExport;
import io.cairn.kv.store.backend.Backend;
import io.cairn.kv.store.backend.Bucket;
import io.cairn.kv.store.backend.RocksBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a store as an etcd 3.4 database (a bbolt file with etcd's buckets), the file {@code etcdctl
 * snapshot save} downloads from cairn and {@code etcdctl snapshot status/restore} and {@code cairn kv
 * snapshot restore} read. The store's buckets go out as {@link StoreExport} gives them; etcd's
 * membership buckets are added as etcd 3.4 has them in every database: {@code cluster} with its
 * {@code clusterVersion} ({@code 3.4.0}), and {@code members} and {@code members_removed} empty
 * (both restores take the new membership from {@code --initial-cluster} and drop the old one).
 */
public final class EtcdSnapshotWriter {
  /** The cluster version etcd 3.4 records in its {@code cluster} bucket. */
  static final String CLUSTER_VERSION = "3.4.0";
  /** Transaction id of meta page 0 (page 1 has one less); bbolt only compares the two. */
  static final long TXID = 2;
  /** Bytes of the SHA-256 trailer {@link #send} appends. */
  public static final int SHA256_BYTES = HashTrailer.SHA256_BYTES;

  private EtcdSnapshotWriter() {}

  /**
   * Writes {@code backend}'s records to {@code file} (created or truncated).
   *
   * @return the database's length in bytes
   */
  public static long write(Backend backend, Path file) throws IOException {
    Map<String, Bucket> stored = new TreeMap<>();
    for (Bucket b : Bucket.values()) {
      if (StoreExport.exported(b)) {
        stored.put(b.bucketName(), b);
      }
    }
    TreeMap<byte[], String> names = new TreeMap<>(Arrays::compareUnsigned);
    for (String n : stored.keySet()) {
      names.put(ascii(n), n);
    }
    for (String n : List.of("cluster", "members", "members_removed")) {
      names.put(ascii(n), n);
    }
    try (BoltDbWriter out = BoltDbWriter.create(file)) {
      for (var e : names.entrySet()) {
        out.bucket(e.getKey());
        Bucket bucket = stored.get(e.getValue());
        if (bucket != null) {
          try {
            StoreExport.records(backend, bucket, (k, v) -> put(out, k, v));
          } catch (UncheckedIOException ex) {
            throw ex.getCause();
          }
        } else if (e.getValue().equals("cluster")) {
          out.put(ascii("clusterVersion"), ascii(CLUSTER_VERSION));
        }
      }
      return out.finish(TXID);
    }
  }

  /**
   * Writes the store checkpoint in {@code checkpoint} (a directory {@code KvStore.checkpoint} made) to
   * {@code file}; the checkpoint is opened, so it is changed and should be deleted afterwards.
   *
   * @return the database's length in bytes
   */
  public static long fromCheckpoint(Path checkpoint, Path file) throws IOException {
    try (RocksBackend backend = RocksBackend.open(checkpoint)) {
      return write(backend, file);
    }
  }

  /**
   * Sends the database {@link #write} made: its {@code length} bytes, then their SHA-256, as etcd's
   * snapshot stream ends (the trailer {@code etcdctl snapshot restore} checks). {@code out} receives
   * {@code length + 32} bytes.
   */
  public static void send(Path file, long length, OutputStream out) throws IOException {
    MessageDigest sha = HashTrailer.sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new IOException(file + " shrank while it was sent");
        }
        sha.update(buf, 0, n);
        out.write(buf, 0, n);
        left -= n;
      }
    }
    out.write(sha.digest());
    out.flush();
  }

  private static void put(BoltDbWriter out, byte[] k, byte[] v) {
    try {
      out.put(k, v);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
