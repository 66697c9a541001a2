package io.cairn.gateway.tls;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ALPN protocols (extension 16, RFC 7301) a ClientHello offers. The buffer is the
 * ClientHello body as Netty's {@code SslClientHelloHandler} passes it: client_version, random,
 * session id, cipher suites, compression methods, extensions. A malformed hello gives what was read.
 */
final class ClientHellos {
  private static final int ALPN = 16;

  private ClientHellos() {}

  static List<String> alpn(ByteBuf in) {
    List<String> out = new ArrayList<>();
    int end = in.writerIndex();
    int off = in.readerIndex() + 34;
    if (end - off < 1) {
      return out;
    }
    off += in.getUnsignedByte(off) + 1;
    if (end - off < 2) {
      return out;
    }
    off += in.getUnsignedShort(off) + 2;
    if (end - off < 1) {
      return out;
    }
    off += in.getUnsignedByte(off) + 1;
    if (end - off < 2) {
      return out;
    }
    int limit = Math.min(end, off + 2 + in.getUnsignedShort(off));
    off += 2;
    while (limit - off >= 4) {
      int type = in.getUnsignedShort(off);
      int len = in.getUnsignedShort(off + 2);
      off += 4;
      if (limit - off < len) {
        return out;
      }
      if (type == ALPN && len >= 2) {
        int p = off + 2;
        int listEnd = Math.min(off + len, p + in.getUnsignedShort(off));
        while (p < listEnd) {
          int n = in.getUnsignedByte(p);
          if (p + 1 + n > listEnd) {
            break;
          }
          out.add(in.toString(p + 1, n, StandardCharsets.US_ASCII));
          p += 1 + n;
        }
        return out;
      }
      off += len;
    }
    return out;
  }
}
