package io.logconv.lint.validate;

import io.logconv.core.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a log back with secrets and personal data hidden by a {@link Redactor}, so that it can be
 * attached to a bug report. JSON lines are rewritten value by value with each value's key (key
 * order kept; a line with nothing to hide is written back byte for byte); other text is redacted by
 * value. CRI, Docker and {@code kubectl --timestamps} framing is kept: partial records are
 * rejoined first (a secret may straddle the split) and written as one complete record with the
 * first part's timestamp. A Loki response is rewritten with each log line redacted.
 *
 * <pre>{@code
 * new LogRedactor(SecretRedactor.defaults(), 1 << 20).redact(in, null, System.out);
 * }</pre>
 */
public final class LogRedactor {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private final Redactor redactor;
  private final int maxKept;
  private final StringBuilder scratch = new StringBuilder();

  public LogRedactor(Redactor redactor, int maxKept) {
    this.redactor = redactor;
    this.maxKept = maxKept;
  }

  /** Redacts {@code raw} (gzip undone) to {@code out}; returns the format it was read as. */
  public InputFormat redact(InputStream raw, InputFormat override, OutputStream out) throws IOException {
    FormatDetector.Opened opened = FormatDetector.open(raw, override);
    InputStream in = opened.stream();
    switch (opened.format()) {
      case LOKI, JSON_DOCUMENT -> document(in, out);
      case CRI -> cri(in, out);
      case KUBECTL -> kubectl(in, out);
      case DOCKER -> docker(in, out);
      case JSON_LINES -> lines(in, out);
    }
    out.flush();
    return opened.format();
  }

  private void lines(InputStream in, OutputStream out) throws IOException {
    LineReader r = new LineReader(in, maxKept);
    while (r.next()) {
      out.write(line(r.buffer(), 0, r.length(), r.truncated() ? r.fullLength() : -1));
      if (r.endedWithNewline()) {
        out.write('\n');
      }
    }
  }

  private void kubectl(InputStream in, OutputStream out) throws IOException {
    LineReader r = new LineReader(in, maxKept);
    while (r.next()) {
      byte[] b = r.buffer();
      int end = r.length();
      int ts = Timestamps.rfc3339End(b, 0, end);
      int from = ts > 0 && ts < end && b[ts] == ' ' ? ts + 1 : 0;
      out.write(b, 0, from);
      out.write(line(b, from, end - from, r.truncated() ? r.fullLength() - from : -1));
      if (r.endedWithNewline()) {
        out.write('\n');
      }
    }
  }

  private void cri(InputStream in, OutputStream out) throws IOException {
    LineReader r = new LineReader(in, maxKept + 128);
    ByteArrayOutputStream[] pending = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
    byte[][] prefix = new byte[2][];
    while (r.next()) {
      byte[] b = r.buffer();
      int end = r.length();
      int ts = Timestamps.rfc3339End(b, 0, end);
      int stream = -1;
      if (ts > 0 && end >= ts + 10 && b[ts] == ' ') {
        String s = new String(b, ts + 1, 7, StandardCharsets.US_ASCII);
        stream = s.equals("stdout ") ? 0 : s.equals("stderr ") ? 1 : -1;
      }
      if (stream < 0 || (b[ts + 8] != 'P' && b[ts + 8] != 'F')) {
        // Not a CRI record: hide what it may hold all the same.
        out.write(line(b, 0, end, -1));
        out.write('\n');
        continue;
      }
      int tagEnd = ts + 8;
      while (tagEnd < end && b[tagEnd] != ' ') {
        tagEnd++;
      }
      int content = Math.min(tagEnd + 1, end);
      if (prefix[stream] == null) {
        prefix[stream] = java.util.Arrays.copyOfRange(b, 0, ts + 8);
      }
      pending[stream].write(b, content, end - content);
      if (b[ts + 8] == 'F') {
        writeCri(out, prefix[stream], pending[stream]);
        prefix[stream] = null;
      }
    }
    for (int s = 0; s < 2; s++) {
      if (prefix[s] != null) {
        writeCri(out, prefix[s], pending[s]);
      }
    }
  }

  private void writeCri(OutputStream out, byte[] prefix, ByteArrayOutputStream content) throws IOException {
    out.write(prefix);
    out.write('F');
    out.write(' ');
    byte[] c = content.toByteArray();
    out.write(line(c, 0, c.length, -1));
    out.write('\n');
    content.reset();
  }

  private void docker(InputStream in, OutputStream out) throws IOException {
    LineReader r = new LineReader(in, maxKept * 2 + 256);
    StringBuilder[] pending = {new StringBuilder(), new StringBuilder()};
    String[] time = new String[2];
    while (r.next()) {
      String log = null;
      String stream = "stdout";
      String t = null;
      try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), r.buffer(), 0, r.length())) {
        if (p.nextToken() == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String k = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_STRING && k.equals("log")) {
              log = p.getString();
            } else if (v == JsonToken.VALUE_STRING && k.equals("stream")) {
              stream = p.getString();
            } else if (v == JsonToken.VALUE_STRING && k.equals("time")) {
              t = p.getString();
            } else {
              p.skipChildren();
            }
          }
        }
      } catch (JacksonException e) {
        log = null;
      }
      if (log == null) {
        out.write(line(r.buffer(), 0, r.length(), -1));
        out.write('\n');
        continue;
      }
      int s = "stderr".equals(stream) ? 1 : 0;
      if (time[s] == null) {
        time[s] = t;
      }
      pending[s].append(log);
      if (log.endsWith("\n")) {
        writeDocker(out, pending[s], s == 1 ? "stderr" : "stdout", time[s]);
        time[s] = null;
      }
    }
    for (int s = 0; s < 2; s++) {
      if (pending[s].length() > 0) {
        writeDocker(out, pending[s], s == 1 ? "stderr" : "stdout", time[s]);
      }
    }
  }

  private void writeDocker(OutputStream out, StringBuilder log, String stream, String time) throws IOException {
    boolean nl = log.length() > 0 && log.charAt(log.length() - 1) == '\n';
    byte[] content = log.substring(0, log.length() - (nl ? 1 : 0)).getBytes(StandardCharsets.UTF_8);
    String redacted = new String(line(content, 0, content.length, -1), StandardCharsets.UTF_8);
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), w)) {
      g.writeStartObject();
      g.writeStringProperty("log", redacted + (nl ? "\n" : ""));
      g.writeStringProperty("stream", stream);
      if (time != null) {
        g.writeStringProperty("time", time);
      }
      g.writeEndObject();
    }
    out.write(w.toString().getBytes(StandardCharsets.UTF_8));
    out.write('\n');
    log.setLength(0);
  }

  /** A Loki response or pretty-printed JSON, copied token by token with strings redacted. */
  private void document(InputStream in, OutputStream out) throws IOException {
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), in);
        JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), new NonClosing(out))) {
      String key = null;
      boolean direct = false;
      boolean inValues;
      int valuesDepth = -1;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.PROPERTY_NAME) {
          key = p.currentName();
          direct = true;
          g.copyCurrentEvent(p);
          if ("values".equals(key)) {
            valuesDepth = p.streamReadContext().getNestingDepth();
          }
          continue;
        }
        int depth = p.streamReadContext().getNestingDepth();
        inValues = valuesDepth >= 0 && depth >= valuesDepth + 2;
        if (t == JsonToken.END_ARRAY && depth == valuesDepth) {
          valuesDepth = -1;
        }
        if (t == JsonToken.VALUE_STRING) {
          String s = p.getString();
          if (inValues) {
            // A Loki log line: redact it as the line it is.
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            g.writeString(new String(line(b, 0, b.length, -1), StandardCharsets.UTF_8));
          } else {
            g.writeString(redactor.redact(key, s, scratch).toString());
          }
        } else if (direct && redactor.isSensitiveKey(key) && t.isScalarValue()
            && t != JsonToken.VALUE_NULL) {
          g.writeString(redactor.redact(key, p.getText(), scratch).toString());
        } else {
          g.copyCurrentEvent(p);
        }
        direct = false;
      }
      g.flush();
    } catch (JacksonException e) {
      throw new IOException("malformed JSON document: redaction stopped", e);
    }
    out.write('\n');
  }

  /**
   * One application line with its secrets hidden: as JSON (by key and value) if it is a JSON
   * object, else as text; the bytes themselves when there is nothing to hide.
   */
  byte[] line(byte[] b, int off, int len, long truncatedFrom) {
    if (truncatedFrom >= 0) {
      String kept = new String(b, off, len, StandardCharsets.UTF_8);
      return (text(kept) + " [logconv: " + (truncatedFrom - len) + " more bytes dropped]")
          .getBytes(StandardCharsets.UTF_8);
    }
    int i = off;
    while (i < off + len && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    if (i < off + len && b[i] == '{') {
      byte[] json = jsonLine(b, off, len);
      if (json != null) {
        return json;
      }
    }
    String s = new String(b, off, len, StandardCharsets.UTF_8);
    String r = text(s);
    if (r.equals(s)) {
      return java.util.Arrays.copyOfRange(b, off, off + len);
    }
    return r.getBytes(StandardCharsets.UTF_8);
  }

  private String text(String s) {
    return redactor.redact(null, s, scratch).toString();
  }

  /** The JSON line rewritten, or null if it is not a JSON object after all. */
  private byte[] jsonLine(byte[] b, int off, int len) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(len + 16);
    boolean changed = false;
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), b, off, len);
        JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), buf)) {
      String key = null;
      boolean direct = false; // the token is the value of the property just read
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.PROPERTY_NAME) {
          key = p.currentName();
          direct = true;
          g.copyCurrentEvent(p);
          continue;
        }
        boolean sensitive = direct && redactor.isSensitiveKey(key);
        direct = false;
        if (t == JsonToken.VALUE_STRING) {
          String s = p.getString();
          CharSequence r = redactor.redact(key, s, scratch);
          if (r != s) {
            changed |= !r.toString().equals(s);
          }
          g.writeString(r.toString());
        } else if (sensitive && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
          StringWriter w = new StringWriter();
          try (JsonGenerator sub = JSON.createGenerator(ObjectWriteContext.empty(), w)) {
            sub.copyCurrentStructure(p);
          }
          String whole = w.toString();
          String r = redactor.redact(key, whole, scratch).toString();
          if (r.equals(whole)) {
            g.writeRawValue(whole);
          } else {
            changed = true;
            g.writeString(r);
          }
        } else if (sensitive && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
          String text = p.getText();
          String r = redactor.redact(key, text, scratch).toString();
          if (r.equals(text)) {
            g.copyCurrentEvent(p);
          } else {
            changed = true;
            g.writeString(r);
          }
        } else {
          g.copyCurrentEvent(p);
        }
      }
    } catch (JacksonException e) {
      return null;
    }
    return changed ? buf.toByteArray() : java.util.Arrays.copyOfRange(b, off, off + len);
  }

  /** Lets a generator be closed without closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
