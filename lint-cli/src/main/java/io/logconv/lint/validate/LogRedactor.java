package io.logconv.lint.validate;

import io.logconv.core.audit.AuditPayload;
import io.logconv.core.redact.Redactor;
import io.logconv.schema.Conventions;
import io.logconv.schema.Level;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a log back with secrets and personal data hidden by a {@link Redactor}, so that it can be
 * attached to a bug report. JSON lines are rewritten value by value with each value's key (key
 * order kept; a line with nothing to hide is written back byte for byte); other text is redacted by
 * value. A value is judged as the SDK writer judges it when it writes the line: under the key of
 * the property it belongs to (an array's elements under the array's), and an object, array, number
 * or boolean under a key a key rule covers is replaced whole, however it looks. CRI, Docker and {@code kubectl --timestamps} framing is kept: partial records are
 * rejoined first (a secret may straddle the split) and written as one complete record with the
 * first part's timestamp. A Loki response is rewritten with each log line redacted.
 *
 * <p>An audit line is made safe as the SDK writer makes it: a top-level {@code actor} that is not
 * yet a keyed hash becomes the redactor's {@link Redactor#pseudonym pseudonym} of it, and a
 * top-level {@code requestObject} or {@code responseObject} of a resource whose {@code
 * controllerKind} is payload-free ({@link Conventions#isPayloadFreeKind}) becomes the omission
 * marker ({@code [OMITTED:Secret]}). A line held in memory is read for its kind first; a streamed
 * line or a document knows the kind once it has passed it, which the SDK writes before payloads.
 *
 * <p>Every line written is whole: a JSON line longer than {@code maxKept} bytes is redacted as a
 * stream (one value at a time, at most {@value #MAX_STREAMED_STRING} characters each); a line that
 * cannot be, such as a long text line or a rejoined container record over the limit, is replaced
 * by one valid JSON line ({@code logger} {@code io.logconv}, level {@code warn}) that says what was
 * dropped and why; a JSON value that breaks off in a streamed line is closed with a {@value
 * #DROPPED_KEY} note. The counts are kept ({@link #replaced()}, {@link #cut()}, …) and each such
 * line is told to the {@link Notes}.
 *
 * <pre>{@code
 * new LogRedactor(SecretRedactor.defaults(), 1 << 20).redact(in, null, System.out);
 * }</pre>
 */
public final class LogRedactor {
  /** Receives a note for each line that could not be written back whole. */
  @FunctionalInterface
  public interface Notes {
    /** Line {@code lineNo} (of the input as read) was replaced or cut; {@code what} says why. */
    void dropped(long lineNo, String what);
  }

  /** Longest string value a streamed line may hold, in characters. */
  static final int MAX_STREAMED_STRING = 16 << 20;
  /** The key of the note that closes a streamed JSON line whose rest had to be dropped. */
  static final String DROPPED_KEY = "logconv_redact_dropped";
  static final String LOGGER = "io.logconv";

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STREAMED_STRING).build())
          .build();
  private final Redactor redactor;
  private final int maxKept;
  private final Notes notes;
  private final StringBuilder scratch = new StringBuilder();
  private long lines;
  private long changed;
  private long streamed;
  private long cut;
  private long replaced;

  public LogRedactor(Redactor redactor, int maxKept) {
    this(redactor, maxKept, (line, what) -> {});
  }

  /**
   * @param maxKept longest line held in memory, in bytes
   * @param notes told about each line replaced or cut
   */
  public LogRedactor(Redactor redactor, int maxKept, Notes notes) {
    this.redactor = redactor;
    this.maxKept = maxKept;
    this.notes = notes;
  }

  /** Application lines read so far (a Loki or JSON document counts its log lines, or one). */
  public long lines() {
    return lines;
  }

  /** Lines written back with something hidden. */
  public long changed() {
    return changed;
  }

  /** Lines over the in-memory limit that were redacted whole as a stream. */
  public long streamed() {
    return streamed;
  }

  /** Lines (or documents) written up to a point and closed with a note, the rest dropped. */
  public long cut() {
    return cut;
  }

  /** Lines replaced whole by a note. */
  public long replaced() {
    return replaced;
  }

  /**
   * Redacts {@code raw} (gzip undone) to {@code out}; returns the format it was read as.
   *
   * @throws IOException on a read error (the lines before it have been written), or for binary
   *     input, which is not redacted at all (nothing is written for it)
   */
  public InputFormat redact(InputStream raw, InputFormat override, OutputStream out) throws IOException {
    FormatDetector.Opened opened = FormatDetector.open(raw, override);
    if (opened.binary()) {
      throw new IOException("binary file, not text: not redacted (nothing written for it)");
    }
    InputStream in = opened.stream();
    try {
      switch (opened.format()) {
        case LOKI, JSON_DOCUMENT -> document(in, out);
        case CRI -> cri(in, out);
        case KUBECTL -> kubectl(in, out);
        case DOCKER -> docker(in, out);
        case JSON_LINES -> lines(in, out);
      }
    } finally {
      out.flush();
    }
    return opened.format();
  }

  private void lines(InputStream in, OutputStream out) throws IOException {
    LineReader r = new LineReader(in, maxKept, true);
    while (r.next()) {
      lines++;
      if (r.truncated()) {
        long n = r.lineNumber();
        long full = longLine(r, 0, out);
        if (full < 0) {
          out.write(replacement(r.buffer(), 0, r.length(), n, drainedLength(r),
              "not a JSON object, and longer than the " + maxKept + " bytes redact holds in memory"));
        }
      } else {
        out.write(line(r.buffer(), 0, r.length()));
      }
      if (r.endedWithNewline()) {
        out.write('\n');
      }
    }
  }

  private void kubectl(InputStream in, OutputStream out) throws IOException {
    LineReader r = new LineReader(in, maxKept, true);
    while (r.next()) {
      lines++;
      byte[] b = r.buffer();
      int end = r.length();
      int ts = Timestamps.rfc3339End(b, 0, end);
      int from = ts > 0 && ts < end && b[ts] == ' ' ? ts + 1 : 0;
      out.write(b, 0, from);
      if (r.truncated()) {
        long n = r.lineNumber();
        if (longLine(r, from, out) < 0) {
          out.write(replacement(b, from, end - from, n, drainedLength(r) - from,
              "not a JSON object, and longer than the " + maxKept + " bytes redact holds in memory"));
        }
      } else {
        out.write(line(b, from, end - from));
      }
      if (r.endedWithNewline()) {
        out.write('\n');
      }
    }
  }

  /** Reads the rest of a paused line and returns its full length. */
  private static long drainedLength(LineReader r) throws IOException {
    InputStream rest = r.restOfLine();
    byte[] sink = new byte[8192];
    while (rest.read(sink, 0, sink.length) >= 0) {
      // counted by the reader
    }
    return r.fullLength();
  }

  /**
   * A line longer than the reader keeps, from {@code from}: if it starts as a JSON object, redacts
   * it as a stream to {@code out} and returns its length; else writes nothing and returns -1.
   */
  private long longLine(LineReader r, int from, OutputStream out) throws IOException {
    byte[] b = r.buffer();
    int i = from;
    while (i < r.length() && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    if (i >= r.length() || b[i] != '{') {
      return -1;
    }
    InputStream whole = new SequenceInputStream(new ByteArrayInputStream(b, from, r.length() - from), r.restOfLine());
    String why = streamJson(whole, out);
    long full = drainedLength(r) - from;
    if (why == null) {
      streamed++;
    } else {
      cut++;
      notes.dropped(r.lineNumber(), "a line of " + full + " bytes, over the " + maxKept
          + "-byte limit, redacted as a stream up to where " + why + "; the rest was dropped");
    }
    return full;
  }

  /**
   * Copies one JSON value from {@code in} to {@code out} with its secrets hidden, token by token.
   * Returns null when the whole value was copied, else why it stopped; the output is closed into
   * valid JSON with a {@value #DROPPED_KEY} note either way.
   */
  private String streamJson(InputStream in, OutputStream out) throws IOException {
    JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), new NonClosing(out));
    boolean afterName = false;
    boolean hidden = false;
    String why = null;
    String[] freeKind = {null};
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.PROPERTY_NAME) {
          g.copyCurrentEvent(p);
          afterName = true;
          continue;
        }
        String key = keyOf(p, t);
        int audit = auditRepair(p, t, key, freeKind, true, g);
        if (audit != KEPT) {
          hidden |= audit == REPAIRED;
          afterName = false;
          continue; // a top-level field: the object is still open
        }
        boolean sensitive = isPropertyValue(p, t) && redactor.isSensitiveKey(key);
        if (t == JsonToken.VALUE_STRING) {
          String v = p.getString();
          String r = redactor.redact(key, v, scratch).toString();
          hidden |= !r.equals(v);
          g.writeString(r);
        } else if (sensitive && t.isStructStart()) {
          String whole = structure(p);
          String r = redactor.redactRendered(key, whole, scratch).toString();
          hidden |= !r.equals(whole);
          writeReplaced(g, whole, r);
        } else if (sensitive && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
          hidden = true;
          g.writeString(redactor.redactRendered(key, p.getText(), scratch).toString());
        } else {
          g.copyCurrentEvent(p);
        }
        afterName = false;
        if (g.streamWriteContext().inRoot()) {
          if (p.nextToken() != null) {
            why = "a second JSON value began on the line";
          }
          break;
        }
      }
      if (why == null && !g.streamWriteContext().inRoot()) {
        why = "the line ended inside the JSON object";
      }
    } catch (StreamConstraintsException e) {
      why = "a value longer than " + MAX_STREAMED_STRING + " characters began";
    } catch (JacksonException e) {
      why = "the JSON broke off (" + LineHints.describeBrokenJson(new byte[0], 0, 0, e) + ")";
    }
    if (hidden) {
      changed++;
    }
    if (why != null) {
      closeWithNote(g, afterName, why);
    }
    g.close();
    return why;
  }

  /** Closes every open object and array of {@code g}, leaving a note where the input broke off. */
  private static void closeWithNote(JsonGenerator g, boolean afterName, String why) {
    if (g.streamWriteContext().inRoot()) {
      return;
    }
    String note = "logconv redact dropped the rest: " + why;
    if (g.streamWriteContext().inObject()) {
      if (!afterName) {
        g.writeName(DROPPED_KEY);
      }
      g.writeString(note);
    } else {
      g.writeString(note);
    }
    while (!g.streamWriteContext().inRoot()) {
      if (g.streamWriteContext().inObject()) {
        g.writeEndObject();
      } else {
        g.writeEndArray();
      }
    }
  }

  /**
   * One JSON line in place of line {@code lineNo} that could not be redacted: {@code level} warn,
   * {@code logger} io.logconv, the original {@code ts} when its first bytes name one, and a
   * message that says how long the line was and why it was dropped. Counted and told to the notes.
   */
  private byte[] replacement(byte[] b, int off, int len, long lineNo, long bytes, String why) {
    replaced++;
    String what = "a line of " + bytes + " bytes dropped: " + why;
    notes.dropped(lineNo, what);
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), w)) {
      g.writeStartObject();
      String ts = leadingTs(b, off, len);
      if (ts != null) {
        g.writeStringProperty(Conventions.TS, ts);
      }
      g.writeStringProperty(Conventions.LEVEL, Level.WARN.label());
      g.writeStringProperty(Conventions.LOGGER, LOGGER);
      g.writeStringProperty(Conventions.MSG, "logconv redact: " + what);
      g.writeNumberProperty(DROPPED_KEY, bytes);
      g.writeEndObject();
    }
    return w.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The top-level {@code ts} of a JSON line from its first bytes, if it is a contract ts. */
  private static String leadingTs(byte[] b, int off, int len) {
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), b, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
        String k = p.currentName();
        t = p.nextToken();
        if (k.equals(Conventions.TS) && t == JsonToken.VALUE_STRING) {
          String ts = p.getString();
          return Timestamps.isContractTs(ts) ? ts : null;
        }
        p.skipChildren();
      }
    } catch (JacksonException e) {
      // the first bytes ran out before a ts
    }
    return null;
  }

  /** A record rejoined from container-runtime parts, held up to the in-memory limit. */
  private final class Joined {
    final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    long startLine;
    long bytes;
    boolean over;

    void start(long lineNo) {
      startLine = lineNo;
      bytes = 0;
      over = false;
      kept.reset();
    }

    /** Adds {@code n} kept bytes of a part whose full length is {@code full}. */
    void add(byte[] b, int off, int n, long full) {
      bytes += full;
      if (!over && full == n && kept.size() + (long) n <= maxKept) {
        kept.write(b, off, n);
      } else {
        over = true;
        kept.write(b, off, (int) Math.max(0, Math.min(n, maxKept - kept.size())));
      }
    }

    /** The application line redacted, or its replacement when it was over the limit. */
    byte[] redacted() {
      lines++;
      byte[] c = kept.toByteArray();
      if (over) {
        return replacement(c, 0, c.length, startLine, bytes,
            "a container record rejoined to more than the " + maxKept + " bytes redact holds in memory");
      }
      return line(c, 0, c.length);
    }
  }

  private void cri(InputStream in, OutputStream out) throws IOException {
    LineReader r = new LineReader(in, maxKept + 128);
    Joined[] pending = {new Joined(), new Joined()};
    byte[][] prefix = new byte[2][];
    while (r.next()) {
      byte[] b = r.buffer();
      int end = r.length();
      if (end > 0 && b[end - 1] == '\r' && !r.truncated()) {
        end--;
      }
      int ts = Timestamps.rfc3339End(b, 0, end);
      int stream = -1;
      if (ts > 0 && end >= ts + 10 && b[ts] == ' ') {
        String s = new String(b, ts + 1, 7, StandardCharsets.US_ASCII);
        stream = s.equals("stdout ") ? 0 : s.equals("stderr ") ? 1 : -1;
      }
      if (stream < 0 || (b[ts + 8] != 'P' && b[ts + 8] != 'F')) {
        // Not a CRI record: hide what it may hold all the same.
        lines++;
        out.write(r.truncated()
            ? replacement(b, 0, end, r.lineNumber(), r.fullLength(),
                "not a CRI record, and longer than the " + maxKept + " bytes redact holds in memory")
            : line(b, 0, end));
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
        pending[stream].start(r.lineNumber());
      }
      int n = end - content;
      pending[stream].add(b, content, n, n + r.fullLength() - r.length());
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

  private void writeCri(OutputStream out, byte[] prefix, Joined content) throws IOException {
    out.write(prefix);
    out.write('F');
    out.write(' ');
    out.write(content.redacted());
    out.write('\n');
  }

  private void docker(InputStream in, OutputStream out) throws IOException {
    LineReader r = new LineReader(in, maxKept * 2 + 256);
    Joined[] pending = {new Joined(), new Joined()};
    boolean[] open = new boolean[2];
    String[] time = new String[2];
    while (r.next()) {
      if (r.truncated()) {
        // Too long to parse: neither its stream nor its time is known.
        lines++;
        byte[] note = replacement(new byte[0], 0, 0, r.lineNumber(), r.fullLength(),
            "a Docker record longer than the " + (maxKept * 2 + 256) + " bytes redact holds in memory;"
                + " its stream and time are not known");
        writeDocker(out, note, true, "stdout", null);
        continue;
      }
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
        lines++;
        out.write(line(r.buffer(), 0, r.length()));
        out.write('\n');
        continue;
      }
      int s = "stderr".equals(stream) ? 1 : 0;
      if (!open[s]) {
        open[s] = true;
        time[s] = t;
        pending[s].start(r.lineNumber());
      }
      boolean nl = log.endsWith("\n");
      byte[] part = (nl ? log.substring(0, log.length() - 1) : log).getBytes(StandardCharsets.UTF_8);
      pending[s].add(part, 0, part.length, part.length);
      if (nl) {
        writeDocker(out, pending[s].redacted(), true, s == 1 ? "stderr" : "stdout", time[s]);
        open[s] = false;
      }
    }
    for (int s = 0; s < 2; s++) {
      if (open[s]) {
        writeDocker(out, pending[s].redacted(), false, s == 1 ? "stderr" : "stdout", time[s]);
      }
    }
  }

  private static void writeDocker(OutputStream out, byte[] redacted, boolean nl, String stream, String time)
      throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), w)) {
      g.writeStartObject();
      g.writeStringProperty("log", new String(redacted, StandardCharsets.UTF_8) + (nl ? "\n" : ""));
      g.writeStringProperty("stream", stream);
      if (time != null) {
        g.writeStringProperty("time", time);
      }
      g.writeEndObject();
    }
    out.write(w.toString().getBytes(StandardCharsets.UTF_8));
    out.write('\n');
  }

  /**
   * A Loki response or pretty-printed JSON, copied token by token with strings redacted. Where the
   * document breaks off (malformed, cut, or a value over {@value #MAX_STREAMED_STRING} characters)
   * the output is closed into valid JSON with a {@value #DROPPED_KEY} note, and counted as cut.
   */
  private void document(InputStream in, OutputStream out) throws IOException {
    JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), new NonClosing(out));
    boolean afterName = false;
    String why = null;
    long loki = 0;
    String[] docKind = {null};
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
      boolean inValues;
      int valuesDepth = -1;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.PROPERTY_NAME) {
          g.copyCurrentEvent(p);
          afterName = true;
          if ("values".equals(p.currentName())) {
            valuesDepth = p.streamReadContext().getNestingDepth();
          }
          continue;
        }
        afterName = false;
        String key = keyOf(p, t);
        if (auditRepair(p, t, key, docKind, true, g) != KEPT) {
          continue;
        }
        boolean sensitive = isPropertyValue(p, t) && redactor.isSensitiveKey(key);
        int depth = p.streamReadContext().getNestingDepth();
        inValues = valuesDepth >= 0 && depth >= valuesDepth + 2;
        if (t == JsonToken.END_ARRAY && depth == valuesDepth) {
          valuesDepth = -1;
        }
        if (t == JsonToken.VALUE_STRING) {
          String s = p.getString();
          if (inValues) {
            // A Loki log line: redact it as the line it is.
            loki++;
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            g.writeString(new String(line(b, 0, b.length), StandardCharsets.UTF_8));
          } else {
            g.writeString(redactor.redact(key, s, scratch).toString());
          }
        } else if (sensitive && t.isStructStart()) {
          String whole = structure(p);
          writeReplaced(g, whole, redactor.redactRendered(key, whole, scratch).toString());
        } else if (sensitive && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
          g.writeString(redactor.redactRendered(key, p.getText(), scratch).toString());
        } else {
          g.copyCurrentEvent(p);
        }
      }
      if (!g.streamWriteContext().inRoot()) {
        why = "the document ended inside an object or array";
      }
    } catch (StreamConstraintsException e) {
      why = "a value longer than " + MAX_STREAMED_STRING + " characters began";
    } catch (JacksonException e) {
      why = "the JSON broke off (" + LineHints.describeBrokenJson(new byte[0], 0, 0, e) + ")";
    }
    // Loki's log lines, or the document as one.
    lines += Math.max(1, loki);
    if (why != null) {
      cut++;
      closeWithNote(g, afterName, why);
      notes.dropped(1, "the JSON document was redacted up to where " + why + "; the rest was dropped");
    }
    g.close();
    out.write('\n');
  }

  /**
   * One application line with its secrets hidden: as JSON (by key and value) if it is a JSON
   * object, else as text; the bytes themselves when there is nothing to hide.
   */
  byte[] line(byte[] b, int off, int len) {
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
    changed++;
    return r.getBytes(StandardCharsets.UTF_8);
  }

  private String text(String s) {
    return redactor.redact(null, s, scratch).toString();
  }

  /** The JSON line rewritten, or null if it is not a JSON object after all. */
  private byte[] jsonLine(byte[] b, int off, int len) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(len + 16);
    boolean changed = false;
    String[] freeKind = {hasPayloadField(b, off, len) ? payloadFreeKind(b, off, len) : null};
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), b, off, len);
        JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), buf)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.PROPERTY_NAME) {
          g.copyCurrentEvent(p);
          continue;
        }
        String key = keyOf(p, t);
        int audit = auditRepair(p, t, key, freeKind, false, g);
        if (audit != KEPT) {
          changed |= audit == REPAIRED;
          continue;
        }
        boolean sensitive = isPropertyValue(p, t) && redactor.isSensitiveKey(key);
        if (t == JsonToken.VALUE_STRING) {
          String s = p.getString();
          CharSequence r = redactor.redact(key, s, scratch);
          if (r != s) {
            changed |= !r.toString().equals(s);
          }
          g.writeString(r.toString());
        } else if (sensitive && t.isStructStart()) {
          String whole = structure(p);
          String r = redactor.redactRendered(key, whole, scratch).toString();
          changed |= !r.equals(whole);
          writeReplaced(g, whole, r);
        } else if (sensitive && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
          String text = p.getText();
          String r = redactor.redactRendered(key, text, scratch).toString();
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
    if (changed) {
      this.changed++;
      return buf.toByteArray();
    }
    return java.util.Arrays.copyOfRange(b, off, off + len);
  }

  /** {@link #auditRepair}: the value is not an audit field and is left to the other rules. */
  private static final int KEPT = 0;
  /** {@link #auditRepair}: the audit field was written back as it was. */
  private static final int COPIED = 1;
  /** {@link #auditRepair}: the audit field was made safe. */
  private static final int REPAIRED = 2;

  private static final byte[][] PAYLOAD_KEYS = Conventions.PAYLOAD_FIELDS.stream()
      .map(k -> ('"' + k + '"').getBytes(StandardCharsets.UTF_8))
      .toArray(byte[][]::new);

  /**
   * Writes the value at token {@code t} to {@code g} if it is a top-level audit field that the SDK
   * writer repairs: {@code actor} as its pseudonym, a payload of a payload-free kind ({@code
   * freeKind[0]}) as its omission marker. With {@code learn}, a top-level {@code controllerKind}
   * seen here sets {@code freeKind[0]} (it is then written by the caller). Returns {@link #KEPT}
   * when it wrote nothing.
   */
  private int auditRepair(JsonParser p, JsonToken t, String key, String[] freeKind, boolean learn,
      JsonGenerator g) {
    if (key == null || !isTopLevel(p, t)) {
      return KEPT;
    }
    if (learn && t == JsonToken.VALUE_STRING && key.equals(Conventions.CONTROLLER_KIND)) {
      String kind = p.getString();
      freeKind[0] = Conventions.payloadFreeKind(kind);
      return KEPT;
    }
    if (key.equals(Conventions.ACTOR) && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
      String v = t == JsonToken.VALUE_STRING ? p.getString() : p.getText();
      String h = redactor.pseudonym(v, scratch).toString();
      if (h.equals(v)) {
        g.copyCurrentEvent(p);
        return COPIED;
      }
      g.writeString(h);
      return REPAIRED;
    }
    if (freeKind[0] != null && Conventions.PAYLOAD_FIELDS.contains(key) && t != JsonToken.VALUE_NULL
        && (t.isStructStart() || t.isScalarValue())) {
      if (t == JsonToken.VALUE_STRING && AuditPayload.isOmissionMarker(p.getString())) {
        g.copyCurrentEvent(p);
        return COPIED;
      }
      if (t.isStructStart()) {
        p.skipChildren();
      }
      g.writeString(AuditPayload.omittedFor(freeKind[0]));
      return REPAIRED;
    }
    return KEPT;
  }

  /** True if the value at {@code t} belongs to the line's own (outermost) object. */
  private static boolean isTopLevel(JsonParser p, JsonToken t) {
    TokenStreamContext c = valueContext(p, t);
    return c != null && c.inObject() && c.getParent() != null && c.getParent().inRoot();
  }

  /** True if the line's bytes hold a payload field's key (quoted) anywhere: a cheap first test. */
  private static boolean hasPayloadField(byte[] b, int off, int len) {
    for (byte[] k : PAYLOAD_KEYS) {
      outer:
      for (int i = off; i + k.length <= off + len; i++) {
        for (int j = 0; j < k.length; j++) {
          if (b[i + j] != k[j]) {
            continue outer;
          }
        }
        return true;
      }
    }
    return false;
  }

  /** The payload-free kind of the line's top-level {@code controllerKind}, as spelt in the contract, or null. */
  private static String payloadFreeKind(byte[] b, int off, int len) {
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), b, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String k = p.currentName();
        JsonToken t = p.nextToken();
        if (k.equals(Conventions.CONTROLLER_KIND) && t == JsonToken.VALUE_STRING) {
          String kind = p.getString();
          return Conventions.payloadFreeKind(kind);
        }
        p.skipChildren();
      }
    } catch (JacksonException e) {
      // not JSON after all: the caller finds out
    }
    return null;
  }

  /**
   * The key the value at token {@code t} is written under, as the SDK writer hands it to the
   * redactor: the name of the property the value belongs to, inside an array that of the array
   * (nested arrays pass it on), null at the top level. Read from the parser's own context, so
   * that the key is right again once an object or array has closed.
   */
  private static String keyOf(JsonParser p, JsonToken t) {
    TokenStreamContext c = valueContext(p, t);
    while (c != null && c.inArray()) {
      c = c.getParent();
    }
    return c == null ? null : c.currentName();
  }

  /**
   * True if the value at token {@code t} is a property's own value, not an element of an array:
   * only such a value is replaced whole when a key rule covers the key, as the writer does.
   */
  private static boolean isPropertyValue(JsonParser p, JsonToken t) {
    TokenStreamContext c = valueContext(p, t);
    return c != null && c.inObject();
  }

  /** The context holding the value at {@code t} (for an object or array, the one around it). */
  private static TokenStreamContext valueContext(JsonParser p, JsonToken t) {
    TokenStreamContext c = p.streamReadContext();
    return t.isStructStart() && c != null ? c.getParent() : c;
  }

  /** The object or array starting at the parser's current token, as compact JSON text. */
  private static String structure(JsonParser p) {
    StringWriter w = new StringWriter();
    try (JsonGenerator sub = JSON.createGenerator(ObjectWriteContext.empty(), w)) {
      sub.copyCurrentStructure(p);
    }
    return w.toString();
  }

  /** {@code whole} as it was when the redactor kept it, else its replacement as a string. */
  private static void writeReplaced(JsonGenerator g, String whole, String replaced) {
    if (replaced.equals(whole)) {
      g.writeRawValue(whole);
    } else {
      g.writeString(replaced);
    }
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
