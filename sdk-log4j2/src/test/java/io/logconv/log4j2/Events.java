package io.logconv.log4j2;

import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;

/** Log4j2 events built directly, as an appender hands them to a layout. */
final class Events {
  private Events() {}

  static LogEvent event(String template, Throwable t, Object... args) {
    return Log4jLogEvent.newBuilder()
        .setLoggerName("controllers.Component")
        .setLevel(Level.INFO)
        .setMessage(new ParameterizedMessage(template, args))
        .setThrown(t)
        .setTimeMillis(1_678_188_749_167L)
        .build();
  }

  static LogEvent logger(String logger, String msg) {
    return Log4jLogEvent.newBuilder()
        .setLoggerName(logger)
        .setLevel(Level.WARN)
        .setMessage(new ParameterizedMessage(msg))
        .setTimeMillis(1_678_188_749_167L)
        .build();
  }

  static LogEvent withContext(String msg, Map<String, Object> context) {
    SortedArrayStringMap data = new SortedArrayStringMap();
    context.forEach(data::putValue);
    return Log4jLogEvent.newBuilder()
        .setLoggerName("controllers.Component")
        .setLevel(Level.INFO)
        .setMessage(new ParameterizedMessage(msg))
        .setContextData(data)
        .setTimeMillis(1_678_188_749_167L)
        .build();
  }
}
