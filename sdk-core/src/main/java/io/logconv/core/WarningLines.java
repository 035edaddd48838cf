package io.logconv.core;

import io.logconv.schema.Level;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A backend adapter's one-time warnings (a renamed reserved key, no hash key, a bad option),
 * written as conformant lines of their own, logger {@value #LOGGER} and level {@code warn}, just
 * before the next event's line: whoever reads the stream sees nothing but conformant lines, and
 * the warning sits next to what caused it. Thread-safe; each kind of warning arrives once, so the
 * queue stays small.
 *
 * <pre>{@code
 * warnings.add("log key 'host' written as 'app_host'");
 * JsonBuffer out = warnings.isEmpty() ? line : warnings.prepend(line, time, warningWriter, scratch);
 * }</pre>
 */
public final class WarningLines {
  /** The {@code logger} of the lines carrying an adapter's own warnings. */
  public static final String LOGGER = "io.logconv";

  private final Queue<String> pending = new ConcurrentLinkedQueue<>();

  /** Queues a warning for the next line written. */
  public void add(String message) {
    pending.add(message);
  }

  /** True if no warning waits. */
  public boolean isEmpty() {
    return pending.isEmpty();
  }

  /**
   * Writes each waiting warning as a line, with {@code writer} (not the one that wrote {@code
   * line}), then {@code line}, into {@code out}, emptied first; returns {@code out}.
   */
  public JsonBuffer prepend(JsonBuffer line, long epochMillis, EventWriter writer, JsonBuffer out) {
    out.reset(writer.format().maxLineBytes());
    String warning;
    while ((warning = pending.poll()) != null) {
      JsonBuffer w = writer.begin(epochMillis, Level.WARN, LOGGER).message(warning).end();
      out.appendRaw(w.array(), 0, w.size());
    }
    return out.appendRaw(line.array(), 0, line.size());
  }
}
