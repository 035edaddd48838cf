package io.logconv.lint.validate;

import java.util.Locale;

/**
 * The shapes a log file comes in. {@link FormatDetector} picks one per file from its first bytes;
 * {@code --input-format} overrides it. A gzip file is detected by its magic bytes and read through,
 * whatever its format.
 *
 * <pre>{@code
 * InputFormat f = InputFormat.parse("cri"); // CRI
 * }</pre>
 */
public enum InputFormat {
  /** One application line per file line, as the service printed it. */
  JSON_LINES("json"),
  /** containerd/CRI-O files: {@code <RFC3339Nano> <stdout|stderr> <P|F> <content>}. */
  CRI("cri"),
  /** Docker's json-file driver: {@code {"log":"…\n","stream":"stdout","time":"…"}}. */
  DOCKER("docker"),
  /** {@code kubectl logs --timestamps}: an RFC 3339 timestamp and a space before each line. */
  KUBECTL("kubectl"),
  /** A Loki {@code query_range} (or {@code query}) JSON response holding log streams. */
  LOKI("loki"),
  /** Pretty-printed JSON: one object, or an array of objects, spanning many lines. */
  JSON_DOCUMENT("json-document");

  private final String id;

  InputFormat(String id) {
    this.id = id;
  }

  /** The name used on the command line and in reports. */
  public String id() {
    return id;
  }

  /** The format named {@code id} (case-insensitive), or null. */
  public static InputFormat parse(String id) {
    String s = id.toLowerCase(Locale.ROOT);
    for (InputFormat f : values()) {
      if (f.id.equals(s)) {
        return f;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return id;
  }
}
