package io.cairn.kv.server;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * grpc-java counts every message a server receives, and every call it starts, through {@code
 * LongAdder.add} called by reflection ({@code io.grpc.internal.ReflectionLongAdderCounter}, kept for
 * old Android runtimes). A reflective call on a method not made accessible looks up and checks its
 * caller's class every time: about 3 % of the kv server's Java time under {@code etcdctl check perf}
 * (JFR). Making grpc's two {@code Method} objects accessible skips that check; {@code LongAdder.add}
 * and {@code sum} are public methods of an exported package, so nothing is opened that was closed.
 * If a grpc version renames or drops the fields, this does nothing and says so at debug level.
 * Idempotent: a second call sets the same flags again.
 */
final class GrpcCounters {
  private static final Logger log = LoggerFactory.getLogger(GrpcCounters.class);
  private GrpcCounters() {}

  static void skipAccessChecks() {
    try {
      Class<?> counter = Class.forName("io.grpc.internal.ReflectionLongAdderCounter");
      for (String name : new String[] {"addMethod", "sumMethod"}) {
        Field field = counter.getDeclaredField(name);
        field.setAccessible(true);
        if (field.get(null) instanceof Method method) {
          method.setAccessible(true);
        }
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      log.debug("grpc's reflective counters keep their access checks: {}", e.toString());
    }
  }
}
