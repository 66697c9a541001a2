package io.cairn.kv.store;

import io.etcd.jetcd.api.AlarmMember;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Raised alarms, by member ID and alarm type (etcd's {@code AlarmStore}). Types are handled by number
 * because the generated {@code AlarmType} lacks CORRUPT (2). The ALARM bucket key is the {@code
 * AlarmMember} protobuf, the value empty. Not thread-safe: guarded by the store's lock.
 */
final class Alarms {
  static final int NONE = 0;
  static final int NOSPACE = 1;
  static final int CORRUPT = 2;

  private record Id(long memberId, int type) implements Comparable<Id> {
    @Override
    public int compareTo(Id o) {
      int c = Long.compareUnsigned(memberId, o.memberId);
      return c != 0 ? c : Integer.compare(type, o.type);
    }
  }

  private final TreeMap<Id, AlarmMember> alarms = new TreeMap<>();

  static AlarmMember member(long memberId, int type) {
    return AlarmMember.newBuilder().setMemberID(memberId).setAlarmValue(type).build();
  }

  /** The alarm if already raised, else null after raising it. */
  AlarmMember activate(AlarmMember m) {
    return alarms.putIfAbsent(new Id(m.getMemberID(), m.getAlarmValue()), m);
  }

  /** The removed alarm, or null if it was not raised. */
  AlarmMember deactivate(long memberId, int type) {
    return alarms.remove(new Id(memberId, type));
  }

  boolean contains(long memberId, int type) {
    return alarms.containsKey(new Id(memberId, type));
  }

  boolean active(int type) {
    for (Id id : alarms.keySet()) {
      if (id.type == type) {
        return true;
      }
    }
    return false;
  }

  /** Alarms of a type, or all for {@link #NONE}; ordered by member ID then type. */
  List<AlarmMember> get(int type) {
    List<AlarmMember> out = new ArrayList<>();
    alarms.forEach(
        (id, m) -> {
          if (type == NONE || id.type == type) {
            out.add(m);
          }
        });
    return out;
  }

  long bucketBytes() {
    long sum = 0;
    for (AlarmMember m : alarms.values()) {
      sum += m.getSerializedSize();
    }
    return sum;
  }
}
