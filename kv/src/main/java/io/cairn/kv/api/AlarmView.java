package io.cairn.kv.api;

import io.etcd.jetcd.api.AlarmMember;
import java.util.ArrayList;
import java.util.List;

/**
 * Alarms as etcd clients expect to see them.
 *
 * <p>In etcd each member that runs out of space raises its own NOSPACE alarm, so {@code alarm list}
 * names members. cairn's store raises NOSPACE deterministically during apply, where no member is
 * speaking, and records it under member 0. This view shows such an alarm once per current member
 * (what etcd shows when all members hit the quota, as they do together), and a disarm naming any member
 * clears it.
 */
final class AlarmView {
  private AlarmView() {}

  static List<AlarmMember> present(List<AlarmMember> stored, List<Long> memberIds) {
    List<AlarmMember> out = new ArrayList<>();
    for (AlarmMember a : stored) {
      if (a.getMemberID() == 0) {
        for (long id : memberIds) {
          out.add(a.toBuilder().setMemberID(id).build());
        }
      } else {
        out.add(a);
      }
    }
    return out;
  }

  /** Whether the store holds {@code type} under member 0 but not under {@code memberId}. */
  static boolean heldByStore(List<AlarmMember> stored, long memberId, io.etcd.jetcd.api.AlarmType type) {
    boolean storeWide = false;
    for (AlarmMember a : stored) {
      if (a.getAlarm() == type && a.getMemberID() == memberId) {
        return false;
      }
      storeWide |= a.getAlarm() == type && a.getMemberID() == 0;
    }
    return storeWide;
  }
}
