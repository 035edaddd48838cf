package io.logconv.lint.validate;

import io.logconv.lint.RuleDescriptor;

/**
 * Receives what a {@link LineSource} unwraps from a file: application lines (UTF-8 bytes, without
 * the newline) with the number of the file line they start on, lines too long to keep, and records
 * of the container runtime or Loki that could not be unwrapped.
 *
 * <pre>{@code
 * source.read(in, new RecordSink() { ... line(lineNo, buf, off, len) ... });
 * }</pre>
 */
public interface RecordSink {
  /**
   * One application line. {@code buf} is only valid during the call: copy what you keep.
   *
   * @param lineNo 1-based line of the original file where the record starts
   */
  void line(long lineNo, byte[] buf, int off, int len);

  /** The line just handed over (or about to be) ended in CR LF; the CR is not part of it. */
  default void crlf() {}

  /** A line longer than the reader keeps in memory; its content is not checked. */
  void oversized(long lineNo, long bytes);

  /** A record that could not be read as the format it should be; message names no secret. */
  void problem(long lineNo, RuleDescriptor rule, String message);
}
