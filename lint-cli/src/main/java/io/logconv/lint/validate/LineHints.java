package io.logconv.lint.validate;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * Says what a line that is not a JSON object looks like, so that a finding points at the cause:
 * an oslo.log or klog line, logfmt, a stack-trace line printed on its own, a container-runtime
 * prefix, binary data, invalid UTF-8, truncated JSON. Never quotes the line (it may hold a secret).
 */
final class LineHints {
  private static final Pattern OSLO =
      Pattern.compile(
          "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\d+ (TRACE|DEBUG|INFO|AUDIT|WARNING|ERROR|CRITICAL) \\S+ .*");
  private static final Pattern KLOG =
      Pattern.compile("^[IWEF]\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\s+\\d+ [^ :]+:\\d+\\] .*");
  private static final Pattern LOGFMT =
      Pattern.compile("^(\\w[\\w.-]*=(\"[^\"]*\"|\\S*)\\s+){2,}.*");
  private static final Pattern STACK_FRAME =
      Pattern.compile("^\\s+(at [\\w$.<>/]+\\(.*\\)|\\.\\.\\. \\d+ (more|common frames omitted))\\s*$");
  private static final Pattern EXCEPTION =
      Pattern.compile("^(Caused by: |Exception in thread |Suppressed: |Traceback \\(most recent)|^[\\w$.]+(Exception|Error)(: .*)?$");
  private static final Pattern AUDITD = Pattern.compile("^type=\\w+ msg=audit\\(.*");
  private static final Pattern SYSLOG =
      Pattern.compile("^(<\\d+>)?[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\S+ .*");
  private static final Pattern LEVEL_PREFIX =
      Pattern.compile("^(\\[?\\d{4}-\\d\\d-\\d\\d[T ][\\d:.,]+\\]?\\s+)?\\[?(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\\]?\\s.*");

  private LineHints() {}

  /** A description of a line that does not start with an opening brace. */
  static String describeNonJson(byte[] b, int off, int len) {
    int bad = invalidUtf8At(b, off, len);
    if (looksBinary(b, off, len)) {
      return "binary data, not text";
    }
    if (bad >= 0) {
      return "invalid UTF-8 at byte " + (bad + 1) + " of the line; lines must be UTF-8 JSON";
    }
    String s = new String(b, off, len, StandardCharsets.UTF_8);
    int tsEnd = Timestamps.rfc3339End(b, off, off + len);
    if (tsEnd > 0 && tsEnd < off + len && b[tsEnd] == ' ') {
      String rest = new String(b, tsEnd + 1, off + len - tsEnd - 1, StandardCharsets.UTF_8);
      if (rest.startsWith("stdout ") || rest.startsWith("stderr ")) {
        return "a CRI container-log record, not the application's line: read the file with"
            + " --input-format cri";
      }
      return "starts with an RFC 3339 timestamp, as `kubectl logs --timestamps` prints: read it"
          + " with --input-format kubectl";
    }
    if (OSLO.matcher(s).matches()) {
      return "an oslo.log text line (OpenStack's default format); configure oslo.log's JSON"
          + " formatter (oslo_log.formatters.JSONFormatter)";
    }
    if (KLOG.matcher(s).matches()) {
      return "a klog text line (Kubernetes components); run with --logging-format=json";
    }
    if (AUDITD.matcher(s).matches()) {
      return "a Linux auditd record, not an application log line";
    }
    if (STACK_FRAME.matcher(s).matches() || EXCEPTION.matcher(s).find()) {
      return "a stack-trace line printed on its own line; a throwable belongs in the event's"
          + " error and stacktrace fields";
    }
    if (s.startsWith("[")) {
      return "a JSON array or a bracketed text prefix, not one JSON object";
    }
    if (s.startsWith("\"") || s.equals("null") || s.equals("true") || s.equals("false")
        || (!s.isEmpty() && (Character.isDigit(s.charAt(0)) && s.chars().allMatch(c -> "0123456789.eE+-".indexOf(c) >= 0)))) {
      return "a JSON scalar, not an object";
    }
    if (SYSLOG.matcher(s).matches()) {
      return "a syslog text line";
    }
    if (LOGFMT.matcher(s).matches()) {
      return "a logfmt line (key=value pairs); write JSON instead";
    }
    if (LEVEL_PREFIX.matcher(s).matches()) {
      return "a plain-text log line with a level prefix (a pattern layout); use the logconv"
          + " encoder";
    }
    return "plain text";
  }

  /** A description of a line that starts like JSON but does not parse. */
  static String describeBrokenJson(byte[] b, int off, int len, JacksonException e) {
    if (looksBinary(b, off, len)) {
      return "binary data, not text";
    }
    int bad = invalidUtf8At(b, off, len);
    if (bad >= 0) {
      return "invalid UTF-8 at byte " + (bad + 1) + " of the line; lines must be UTF-8 JSON";
    }
    String m = String.valueOf(e.getOriginalMessage());
    int col = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
    String at = col > 0 ? " at column " + col : "";
    if (m.contains("end-of-input")) {
      return "truncated JSON: the line ends inside the object (split by the runtime, or cut off?)";
    }
    if (m.contains("Illegal unquoted character")) {
      return "a raw control character inside a string" + at + "; escape it (\\n, \\t, \\u00XX)";
    }
    if (m.contains("Unrecognized token") || m.contains("Unrecognized character")) {
      return "malformed JSON: a bare word or unknown token" + at;
    }
    if (m.contains("Non-standard token 'NaN'") || m.contains("'Infinity'") || m.contains("NaN")) {
      return "malformed JSON: NaN or Infinity is not a JSON number" + at;
    }
    if (m.contains("was expecting double-quote")) {
      return "malformed JSON: a key without double quotes" + at;
    }
    if (m.contains("Duplicate")) {
      return "malformed JSON: duplicate key" + at;
    }
    if (m.contains("Unexpected character")) {
      return "malformed JSON: unexpected character" + at;
    }
    if (m.contains("Unexpected close marker") || m.contains("Unexpected end")) {
      return "malformed JSON: brackets do not match" + at;
    }
    if (m.contains("exceeds") || m.contains("Constraint")) {
      return "JSON nested deeper or values longer than the parser accepts" + at;
    }
    return "malformed JSON" + at;
  }

  private static boolean looksBinary(byte[] b, int off, int len) {
    int control = 0;
    int n = Math.min(len, 512);
    for (int i = off; i < off + n; i++) {
      int c = b[i] & 0xff;
      if (c == 0) {
        return true;
      }
      if (c < 0x20 && c != '\t' && c != '\r' && c != '\f' && c != 0x1b) {
        control++;
      }
    }
    return n > 0 && control * 10 > n;
  }

  /** Offset (from {@code off}) of the first byte that breaks UTF-8, or -1. */
  static int invalidUtf8At(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end) {
      int c = b[i] & 0xff;
      int need;
      int min;
      if (c < 0x80) {
        i++;
        continue;
      } else if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
        min = 0x80;
      } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        min = 0x800;
      } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        min = 0x10000;
      } else {
        return i - off;
      }
      if (i + need >= end) {
        return i - off;
      }
      int cp = c & (0x3f >> need);
      for (int k = 1; k <= need; k++) {
        int cc = b[i + k] & 0xff;
        if ((cc & 0xc0) != 0x80) {
          return i - off;
        }
        cp = (cp << 6) | (cc & 0x3f);
      }
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return i - off;
      }
      i += need + 1;
    }
    return -1;
  }
}
