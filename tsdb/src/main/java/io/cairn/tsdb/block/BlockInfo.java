package io.cairn.tsdb.block;

/** What planning and retention need of a block: its meta and its size on disk. */
public interface BlockInfo {
  BlockMeta meta();

  /** Bytes on disk: index, chunks, tombstones and meta.json (as Prometheus's {@code Block.Size}). */
  long sizeBytes();
}
