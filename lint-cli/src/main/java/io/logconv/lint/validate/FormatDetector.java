package io.logconv.lint.validate;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Tells a file's {@link InputFormat} from its first 64 KiB, after undoing gzip (recognised by its
 * magic bytes, not the file name). The first non-blank line decides: a CRI record, a bare RFC 3339
 * prefix ({@code kubectl logs --timestamps}), a Docker json-file record, a Loki response, a JSON
 * document spread over lines, or else plain lines (JSON or not: the checks say what they are).
 *
 * <pre>{@code
 * FormatDetector.Opened o = FormatDetector.open(Files.newInputStream(path), null);
 * LineSource.forFormat(o.format(), 1 << 20).read(o.stream(), sink);
 * }</pre>
 */
public final class FormatDetector {
  private static final int PEEK = 1 << 16;
  private static final JsonFactory JSON = JsonFactory.builder().build();

  /**
   * A stream positioned at its start, decompressed if it was gzip, and its format.
   *
   * @param binary true if the first 64 KiB are not text (see {@link #isBinary}): not a log,
   *     whatever the format says
   */
  public record Opened(InputStream stream, InputFormat format, boolean gzip, boolean binary) {}

  private FormatDetector() {}

  /**
   * Wraps {@code raw} (decompressing gzip) and detects its format unless {@code override} is given.
   */
  public static Opened open(InputStream raw, InputFormat override) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, PEEK);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    boolean gzip = b0 == 0x1f && b1 == 0x8b;
    InputStream content = gzip ? new GZIPInputStream(in, PEEK) : in;
    // Peek by hand rather than mark and reset: a truncated .gz fails inside the peek, and the lines
    // decoded before the cut must still reach the reader, with the failure after them.
    byte[] head = new byte[PEEK];
    int n = 0;
    IOException failure = null;
    try {
      int r;
      while (n < PEEK && (r = content.read(head, n, PEEK - n)) > 0) {
        n += r;
      }
    } catch (IOException e) {
      failure = e;
    }
    InputStream rest = failure == null ? content : new Failing(failure);
    InputStream stream = new BufferedInputStream(
        new SequenceInputStream(new ByteArrayInputStream(head, 0, n), rest), PEEK);
    InputFormat format = override != null ? override : detect(head, n);
    return new Opened(stream, format, gzip, isBinary(head, n));
  }

  /** A stream whose next read throws what the stream it replaces threw. */
  private static final class Failing extends InputStream {
    private final IOException failure;

    Failing(IOException failure) {
      this.failure = failure;
    }

    @Override
    public int read() throws IOException {
      throw failure;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      throw failure;
    }
  }

  /** The format of a file that starts with {@code head[0..n)}. */
  public static InputFormat detect(byte[] head, int n) {
    int start = 0;
    while (start < n && isBlank(head[start])) {
      start++;
    }
    if (start + 3 <= n && (head[start] & 0xff) == 0xef && (head[start + 1] & 0xff) == 0xbb
        && (head[start + 2] & 0xff) == 0xbf) {
      start += 3;
    }
    int end = start;
    while (end < n && head[end] != '\n') {
      end++;
    }
    boolean wholeLine = end < n;
    int ts = Timestamps.rfc3339End(head, start, end);
    if (ts > 0 && ts < end && head[ts] == ' ') {
      if (startsWith(head, ts + 1, end, "stdout ") || startsWith(head, ts + 1, end, "stderr ")) {
        int tag = ts + 8;
        if (tag + 1 < end + 1 && (head[tag] == 'P' || head[tag] == 'F')
            && (tag + 1 == end || head[tag + 1] == ' ')) {
          return InputFormat.CRI;
        }
      }
      return InputFormat.KUBECTL;
    }
    if (start < n && (head[start] == '{' || head[start] == '[')) {
      boolean loki = contains(head, start, n, "\"resultType\"") && contains(head, start, n, "\"result\"");
      KeyShape shape = firstObjectKeys(head, start, end);
      if (shape == null) {
        // The first line is not a whole JSON value: pretty-printed or longer than the peek.
        if (loki) {
          return InputFormat.LOKI;
        }
        // A pretty-printer ends its first line with an opening bracket or a comma; a truncated
        // or over-long JSON line does not, and stays a line to report.
        int last = end - 1;
        while (last > start && isBlank(head[last])) {
          last--;
        }
        byte c = head[last];
        boolean opens = c == '{' || c == '[' || c == ',';
        return wholeLine && opens ? InputFormat.JSON_DOCUMENT : InputFormat.JSON_LINES;
      }
      if (shape.docker) {
        return InputFormat.DOCKER;
      }
      if (shape.lokiEnvelope && loki) {
        return InputFormat.LOKI;
      }
    }
    return InputFormat.JSON_LINES;
  }

  private static final class KeyShape {
    boolean docker;
    boolean lokiEnvelope;
  }

  /** The top-level keys of the JSON value on {@code [start, end)}, or null if not whole JSON. */
  private static KeyShape firstObjectKeys(byte[] b, int start, int end) {
    KeyShape shape = new KeyShape();
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), b, start, end - start)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        return p.nextToken() == null ? shape : null;
      }
      boolean log = false;
      boolean streamOrTime = false;
      boolean other = false;
      boolean status = false;
      boolean data = false;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String k = p.currentName();
        p.nextToken();
        p.skipChildren();
        switch (k) {
          case "log" -> log = true;
          case "stream", "time" -> streamOrTime = true;
          case "attrs" -> {}
          case "status" -> {
            status = true;
            other = true;
          }
          case "data" -> {
            data = true;
            other = true;
          }
          default -> other = true;
        }
      }
      if (p.nextToken() != null) {
        return null;
      }
      shape.docker = log && streamOrTime && !other;
      shape.lokiEnvelope = status && data;
      return shape;
    } catch (JacksonException e) {
      return null;
    }
  }

  /**
   * True if {@code head[0..n)} is not text: more than one byte in twenty is a control character
   * other than tab, line feed, carriage return, form feed and escape (which coloured text uses).
   * An executable, an image or an archive is well above that; a log with the odd stray control
   * character is well below, and keeps its lines checked one by one.
   */
  static boolean isBinary(byte[] head, int n) {
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = head[i] & 0xff;
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) || c == 0x7f) {
        control++;
      }
    }
    return n > 0 && control * 20L > n;
  }

  private static boolean isBlank(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean startsWith(byte[] b, int pos, int end, String s) {
    if (end - pos < s.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (b[pos + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(byte[] b, int from, int to, String s) {
    byte[] needle = s.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = from; i + needle.length <= to; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (b[i + k] != needle[k]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
