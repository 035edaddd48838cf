package io.logconv.core;

import io.logconv.core.audit.AuditPayload;
import io.logconv.schema.Level;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Renders an event's line into the writer's buffer in the contract's field order, and fits it
 * under {@link LineFormat#maxLineBytes()}: the line is written once as it is, and only if it is too
 * long again by the {@link #STEPS} below, each smaller than the last, then as a minimal line that
 * always fits.
 */
final class LineRenderer {
  /**
   * One attempt at a line that fits: at most {@code frames} stack frames per throwable, each string
   * cut to {@code cap(maxLineBytes)} bytes, and, on the last, keys dropped (and counted) until the
   * rest fits. A step that only trims frames is skipped for an event without a throwable: its line
   * would be the one before.
   */
  private record Step(int frames, int capDivisor, int capFloor, boolean framesOnly, boolean dropKeys) {
    /** Strings whole (up to the line limit), at most {@code frames} frames per throwable. */
    static Step frames(int frames) {
      return new Step(frames, 1, 0, true, false);
    }

    /** Strings cut to {@code 1/divisor} of the line limit, never below {@code floor} bytes. */
    static Step cut(int frames, int divisor, int floor) {
      return new Step(frames, divisor, floor, false, false);
    }

    /** Strings cut to {@code capBytes}, and keys dropped until the line fits. */
    static Step dropKeys(int frames, int capBytes) {
      return new Step(frames, 0, capBytes, false, true);
    }

    int cap(int maxLineBytes) {
      return capDivisor == 0 ? capFloor : Math.max(capFloor, maxLineBytes / capDivisor);
    }
  }

  /** The first attempt: the configured frames, strings whole up to the line limit. */
  private static final Step WHOLE = new Step(Integer.MAX_VALUE, 1, 0, false, false);

  /** The attempts after the first, in order. */
  private static final Step[] STEPS = {
    Step.frames(32),
    Step.frames(8),
    Step.frames(2),
    Step.cut(2, 4, 256),
    Step.cut(1, 16, 128),
    Step.dropKeys(0, 64),
  };

  private static final byte[] TS_OPEN = ascii("{\"ts\":\"");
  private static final Map<Level, byte[]> LEVEL_FIELD = new EnumMap<>(Level.class);
  private static final byte[] LOGGER_KEY = ascii(",\"logger\":");
  private static final byte[] MSG_KEY = ascii(",\"msg\":");
  private static final byte[] ERROR_KEY = ascii(",\"error\":");
  private static final byte[] STACKTRACE_KEY = ascii(",\"stacktrace\":");
  private static final byte[] STACK_HASH_KEY = ascii(",\"" + KeyPolicy.STACK_HASH + "\":");
  private static final byte[] DROPPED_KEY = ascii(",\"" + KeyPolicy.DROPPED_KEYS + "\":");
  private static final byte[] LINE_END = ascii("}\n");

  static {
    for (Level l : Level.values()) {
      LEVEL_FIELD.put(l, ascii("\",\"level\":\"" + l.label() + "\""));
    }
  }

  private static final int LOGGER_CACHE = 64;
  private static final int MAX_CACHED_LOGGER_CHARS = 256;

  private final LineFormat format;
  private final JsonBuffer buf;
  private final EventFields fields;
  private final ValueWriter values;
  private final StackTraceRenderer.Renderer traces;
  private final StatusListener status;
  private final int maxLineBytes;
  private final UtcTimestamp clock = new UtcTimestamp();

  /** Most bytes one audit payload's JSON may take, and the marker written for a larger one. */
  private final int payloadLimit;

  private final String payloadTooLarge;

  private StringBuilder errorText = new StringBuilder(128);
  private StringBuilder stackText = new StringBuilder(1024);
  private final StringBuilder marker = new StringBuilder(48);

  /** Logger names and their quoted, escaped bytes, in a direct-mapped cache by hash. */
  private final String[] loggerNames = new String[LOGGER_CACHE];

  private final byte[][] loggerBytes = new byte[LOGGER_CACHE][];

  LineRenderer(LineFormat format, JsonBuffer buf, EventFields fields, ValueWriter values) {
    this.format = format;
    this.buf = buf;
    this.fields = fields;
    this.values = values;
    this.status = format.status();
    this.maxLineBytes = format.maxLineBytes();
    this.payloadLimit = format.auditPolicy().payloadLimitBytes();
    this.payloadTooLarge = AuditPayload.omittedFor("over " + payloadLimit + " bytes");
    this.traces = new StackTraceRenderer.Renderer(format.redactor(), format.scan(), format.stackShaping());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Drops scratch space, its own and the value writer's, grown past {@code retainChars}. */
  void trim(int retainChars) {
    values.trim(retainChars);
    if (errorText.capacity() > retainChars) {
      errorText = new StringBuilder(128);
    }
    if (stackText.capacity() > retainChars) {
      stackText = new StringBuilder(1024);
    }
  }

  /**
   * Writes the event's line, fitted under the line limit. {@code msg} may be replaced by its
   * redacted text.
   */
  void render(long epochMillis, Level level, String logger, StringBuilder msg, Throwable t) {
    int max = maxLineBytes;
    int configuredFrames = format.maxFramesPerCause();
    boolean redacted = writeLine(WHOLE, epochMillis, level, logger, msg, false, t, configuredFrames);
    if (buf.size() <= max) {
      return;
    }
    for (Step step : STEPS) {
      if (step.framesOnly() && t == null) {
        continue;
      }
      int frames = Math.min(step.frames(), configuredFrames);
      redacted = writeLine(step, epochMillis, level, logger, msg, redacted, t, frames);
      if (buf.size() <= max) {
        return;
      }
    }
    writeMinimal(epochMillis, level, logger, msg, t);
  }

  private boolean writeLine(
      Step step,
      long epochMillis,
      Level level,
      String logger,
      StringBuilder msg,
      boolean msgRedacted,
      Throwable t,
      int frames) {
    int cap = step.cap(maxLineBytes);
    buf.reset(Math.max(4 * maxLineBytes, 1024));
    buf.appendRaw(TS_OPEN);
    clock.append(buf, epochMillis);
    buf.appendRaw(LEVEL_FIELD.get(level));
    buf.appendRaw(LOGGER_KEY);
    writeLogger(logger, Math.min(cap, 1024));
    buf.appendRaw(MSG_KEY);
    boolean redacted = values.writeMessage(msg, msgRedacted, cap);
    EventFields f = fields;
    for (int idx : f.leadingIndex) {
      if (idx != EventFields.NONE) {
        values.writeEntry(f, idx, cap);
      }
    }
    // Room kept for what follows the other keys when dropping to fit.
    int trailer = t == null ? 64 : 64 + 2 * cap + 64;
    int dropped = f.droppedFields;
    for (int i = 0; i < f.n; i++) {
      if (f.skip[i] || f.fields[i].slot >= 0) {
        continue; // written above
      }
      int mark = buf.size();
      values.writeEntry(f, i, cap);
      if (f.fields[i].payload > 0
          && f.payloadLimited[f.fields[i].payload - 1]
          && buf.size() - mark - f.fields[i].prefix.length > payloadLimit) {
        buf.truncate(mark);
        buf.appendRaw(f.fields[i].prefix);
        JsonEscaper.appendString(buf, payloadTooLarge);
      }
      if (step.dropKeys() && buf.size() + trailer > maxLineBytes) {
        buf.truncate(mark);
        dropped++;
      }
    }
    if (dropped > 0) {
      buf.appendRaw(DROPPED_KEY).appendLong(dropped);
    }
    if (t != null) {
      writeThrowable(t, frames, cap);
    }
    buf.appendRaw(LINE_END);
    return redacted;
  }

  /** Writes the logger name; the escaped bytes of short names are cached, as loggers repeat. */
  private void writeLogger(String name, int cap) {
    int len = name.length();
    if (len > MAX_CACHED_LOGGER_CHARS || (long) len * 6 > cap) {
      values.writeCapped(name, cap, false);
      return;
    }
    int h = name.hashCode();
    int slot = (h ^ (h >>> 16)) & (LOGGER_CACHE - 1);
    String cached = loggerNames[slot];
    if (!name.equals(cached)) {
      JsonBuffer b = new JsonBuffer(len + 2, format.escapeLineSeparators());
      JsonEscaper.appendString(b, name);
      loggerBytes[slot] = b.toByteArray();
      loggerNames[slot] = name;
    }
    buf.appendRaw(loggerBytes[slot]);
  }

  private void writeThrowable(Throwable throwable, int frames, int cap) {
    if (format.stackHash()) {
      marker.setLength(0);
      StackTraceRenderer.appendStackHash(marker, throwable);
      buf.appendRaw(STACK_HASH_KEY);
      JsonEscaper.appendString(buf, marker);
    }
    // Messages are redacted as the renderer writes them; frames are code locations, not data.
    buf.appendRaw(ERROR_KEY);
    int errorMark = buf.size();
    traces.appendSummaryJson(buf, throwable);
    if (buf.size() - errorMark - 2 > cap) {
      buf.truncate(errorMark);
      errorText.setLength(0);
      traces.appendSummary(errorText, throwable);
      values.writeCapped(errorText, cap, false);
    }
    buf.appendRaw(STACKTRACE_KEY);
    if (!format.rootCauseFirst()) {
      // The common shape goes straight into the line; the text path below is for the rest and for
      // a trace that must be cut.
      int mark = buf.size();
      buf.append('"');
      if (traces.renderJson(buf, throwable, frames) && buf.size() - mark - 1 <= cap) {
        buf.append('"');
        return;
      }
      buf.truncate(mark);
    }
    stackText.setLength(0);
    if (format.rootCauseFirst()) {
      traces.renderRootCauseFirst(stackText, throwable, frames);
    } else {
      traces.render(stackText, throwable, frames);
    }
    values.writeCapped(stackText, cap, true);
  }

  /** A line that always fits: the fixed fields, cut short, and a count of what was left out. */
  private void writeMinimal(
      long epochMillis, Level level, String logger, StringBuilder msg, Throwable t) {
    buf.reset();
    buf.appendRaw(TS_OPEN);
    clock.append(buf, epochMillis);
    buf.appendRaw(LEVEL_FIELD.get(level));
    buf.appendRaw(LOGGER_KEY);
    values.writeCapped(logger, 128, false);
    buf.appendRaw(MSG_KEY);
    values.writeCapped(msg, 256, false);
    buf.appendRaw(DROPPED_KEY)
        .appendLong((long) fields.carried() + fields.droppedFields + (t == null ? 0 : 2));
    buf.appendRaw(LINE_END);
    status.onProblem(
        "line-too-large",
        "an event too large for maxLineBytes was written without its fields",
        null);
  }

  /** A line saying the event could not be written, with why. */
  void writeFailure(long epochMillis, Level level, String logger, Throwable e) {
    buf.reset();
    buf.appendRaw(TS_OPEN);
    clock.append(buf, epochMillis);
    buf.appendRaw(LEVEL_FIELD.get(level));
    buf.appendRaw(LOGGER_KEY);
    values.writeCapped(logger, 256, false);
    buf.appendRaw(MSG_KEY);
    JsonEscaper.appendString(
        buf, "[logconv could not encode this event: " + e.getClass().getName() + "]");
    buf.appendRaw(LINE_END);
  }
}
