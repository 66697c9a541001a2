package io.cairn.kv.watch;

import com.google.protobuf.UnknownFieldSet;
import io.etcd.jetcd.api.WatchCreateRequest;
import io.etcd.jetcd.api.WatchResponse;
import java.util.List;

/**
 * Fields of etcd 3.4's watch messages that jetcd-grpc's generated classes lack: {@code
 * WatchCreateRequest.watch_id = 7}, {@code WatchCreateRequest.fragment = 8} and {@code
 * WatchResponse.fragment = 7}. Protobuf keeps them as unknown fields, so they are read and written
 * here by number, on the wire exactly as etcd's own classes would.
 */
final class MissingFields {
  static final int CREATE_WATCH_ID = 7;
  static final int CREATE_FRAGMENT = 8;
  static final int RESPONSE_FRAGMENT = 7;

  private MissingFields() {}

  static long watchId(WatchCreateRequest req) {
    return lastVarint(req.getUnknownFields(), CREATE_WATCH_ID);
  }

  static boolean fragment(WatchCreateRequest req) {
    return lastVarint(req.getUnknownFields(), CREATE_FRAGMENT) != 0;
  }

  static WatchResponse.Builder setFragment(WatchResponse.Builder b) {
    return b.setUnknownFields(
        UnknownFieldSet.newBuilder(b.getUnknownFields())
            .addField(RESPONSE_FRAGMENT, UnknownFieldSet.Field.newBuilder().addVarint(1).build())
            .build());
  }

  static boolean fragment(WatchResponse r) {
    return lastVarint(r.getUnknownFields(), RESPONSE_FRAGMENT) != 0;
  }

  private static long lastVarint(UnknownFieldSet fields, int number) {
    UnknownFieldSet.Field f = fields.getField(number);
    if (f == null) {
      return 0;
    }
    List<Long> values = f.getVarintList();
    return values.isEmpty() ? 0 : values.get(values.size() - 1);
  }
}
