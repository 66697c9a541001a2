package io.cairn.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/** Configures logback for the whole process. Call once, early, before services start. */
public final class Logging {
  static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level [%thread] %logger{24} - %msg%n";

  private Logging() {}

  public static void configure(LogFormat format, LogLevel level) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return; // another slf4j binding was put on the class path on purpose; leave it alone
    }
    ctx.reset();
    Encoder<ILoggingEvent> encoder =
        switch (format) {
          case TEXT -> {
            PatternLayoutEncoder e = new PatternLayoutEncoder();
            e.setPattern(TEXT_PATTERN);
            yield e;
          }
          case JSON -> {
            JsonEncoder e = new JsonEncoder();
            e.setWithSequenceNumber(false);
            e.setWithNanoseconds(false);
            e.setWithContext(false);
            e.setWithFormattedMessage(true);
            e.setWithMessage(false);
            e.setWithArguments(false);
            yield e;
          }
        };
    encoder.setContext(ctx);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(ctx);
    console.setName("console");
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(console);
    root.setLevel(Level.toLevel(level.name()));
    // Third-party libraries are noisy at INFO; raise them only when cairn itself debugs.
    Level libraries = level.compareTo(LogLevel.DEBUG) >= 0 ? Level.INFO : Level.WARN;
    for (String noisy : new String[] {"io.netty", "io.grpc", "org.apache.ratis", "org.rocksdb"}) {
      ctx.getLogger(noisy).setLevel(libraries);
    }
  }
}
