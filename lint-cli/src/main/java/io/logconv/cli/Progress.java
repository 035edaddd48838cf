package io.logconv.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line on stderr for big inputs: file, megabytes read and, when the size is known,
 * a percentage; redrawn at most four times a second and only after the first second, so small
 * files never show it. Off unless stderr is a terminal (or {@code --progress always}).
 */
final class Progress {
  private static final long DELAY_NANOS = 1_000_000_000L;
  private static final long EVERY_NANOS = 250_000_000L;

  private final PrintStream err;
  private final boolean enabled;
  private final long delayNanos;
  private final long everyNanos;
  private String file;
  private long size;
  private long started;
  private long lastDrawn;
  private boolean drawn;

  Progress(PrintStream err, boolean enabled) {
    this(err, enabled, DELAY_NANOS, EVERY_NANOS);
  }

  Progress(PrintStream err, boolean enabled, long delayNanos, long everyNanos) {
    this.err = err;
    this.enabled = enabled;
    this.delayNanos = delayNanos;
    this.everyNanos = everyNanos;
  }

  void start(String name, long bytes) {
    this.file = name;
    this.size = bytes;
    this.started = System.nanoTime();
    this.lastDrawn = 0;
  }

  void update(String name, long bytes) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - started < delayNanos || (drawn && now - lastDrawn < everyNanos)) {
      return;
    }
    lastDrawn = now;
    String pct = size > 0 ? String.format(Locale.ROOT, " (%d%%)", Math.min(100, bytes * 100 / size)) : "";
    err.print(String.format(Locale.ROOT, "\r\u001b[Klogconv: %s: %.1f MB read%s", file == null ? name : file, bytes / 1e6, pct));
    err.flush();
    drawn = true;
  }

  void clear() {
    if (drawn) {
      err.print("\r\u001b[K");
      err.flush();
      drawn = false;
    }
  }
}
