package io.cairn.gateway.server;

import io.cairn.gateway.proxy.BodyFilter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.stream.ChunkedInput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Target.Stream}'s body for Netty's {@code ChunkedWriteHandler}: the parts in order, files
 * read {@link Target.Stream#CHUNK_SIZE} bytes at a time with positional reads, each piece through
 * the stream's filter, ending with one {@code LastHttpContent}. Files are opened by the constructor
 * (so a missing file is known before the head is written) and closed by {@link #close}.
 */
final class PartsInput implements ChunkedInput<HttpContent> {
  private final List<Target.Part> parts;
  private final BodyFilter filter;
  private final Map<Path, FileChannel> files = new HashMap<>();
  private final long length;
  private int index;
  private long done; // bytes of the current part already read
  private long progress;
  private boolean ended;

  PartsInput(Target.Stream stream) throws IOException {
    this.parts = stream.parts();
    this.filter = stream.filter();
    this.length = stream.filter() == BodyFilter.NONE ? stream.length() : -1;
    try {
      for (Target.Part p : parts) {
        if (p instanceof Target.Part.FileRange f && !files.containsKey(f.file())) {
          files.put(f.file(), FileChannel.open(f.file(), StandardOpenOption.READ));
        }
      }
    } catch (IOException | RuntimeException e) {
      closeFiles();
      throw e;
    }
  }

  /** The open channel of {@code file} (for zero-copy); owned by this input. */
  FileChannel channel(Path file) {
    return files.get(file);
  }

  @Override
  public boolean isEndOfInput() {
    return ended;
  }

  @Override
  public void close() {
    closeFiles();
    filter.close();
  }

  private void closeFiles() {
    for (FileChannel ch : files.values()) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // read-only channel
      }
    }
    files.clear();
  }

  @Deprecated
  @Override
  public HttpContent readChunk(ChannelHandlerContext ctx) throws Exception {
    return readChunk(ctx.alloc());
  }

  @Override
  public HttpContent readChunk(ByteBufAllocator alloc) throws Exception {
    if (ended) {
      return null;
    }
    ByteBuf raw = nextRaw(alloc);
    if (raw == null) {
      ended = true;
      return filter.filter(new DefaultLastHttpContent());
    }
    progress += raw.readableBytes();
    return filter.filter(new DefaultHttpContent(raw));
  }

  private ByteBuf nextRaw(ByteBufAllocator alloc) throws IOException {
    while (index < parts.size()) {
      Target.Part part = parts.get(index);
      switch (part) {
        case Target.Part.Bytes b -> {
          index++;
          if (b.bytes().length > 0) {
            return Unpooled.wrappedBuffer(b.bytes());
          }
        }
        case Target.Part.FileRange f -> {
          long left = f.length() - done;
          if (left <= 0) {
            index++;
            done = 0;
            continue;
          }
          int n = (int) Math.min(left, Target.Stream.CHUNK_SIZE);
          ByteBuf buf = alloc.buffer(n);
          try {
            int read = buf.writeBytes(files.get(f.file()), f.offset() + done, n);
            if (read < 0) {
              throw new EOFException(f.file() + " is shorter than when the answer started");
            }
            done += read;
            return buf;
          } catch (IOException | RuntimeException e) {
            buf.release();
            throw e;
          }
        }
      }
    }
    return null;
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public long progress() {
    return progress;
  }
}
