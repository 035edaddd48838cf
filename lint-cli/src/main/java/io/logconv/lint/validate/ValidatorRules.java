package io.logconv.lint.validate;

import io.logconv.lint.RuleDescriptor;
import io.logconv.lint.Severity;
import io.logconv.schema.Action;
import io.logconv.schema.Conventions;
import io.logconv.schema.Level;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The log-file checks of {@code logconv validate}: one table ({@link #CHECKS}) that the code, the
 * docs and the tests read. Each check has a stable id ({@code LV001}…), a default severity, a
 * rationale with a bad and a good line, the few words the README's table says of it, and what its
 * examples need to be run as {@code logconv validate} runs them. Reporters turn the descriptors
 * into SARIF rule entries and the text summary, {@link CheckDocs} renders the README's table, and
 * a test runs every example, so an id, its explanation and its examples cannot drift apart.
 *
 * <pre>{@code
 * RuleDescriptor r = ValidatorRules.byId("LV003"); // collector-reserved-key, ERROR
 * }</pre>
 */
public final class ValidatorRules {
  /**
   * One row of the table.
   *
   * @param rule id, name, severity, summary, rationale and the bad and good example
   * @param brief the check in a few words, with the cases it catches: the last column of the
   *     README's table (Markdown)
   * @param examples what the bad and good example need besides their own text
   */
  public record Check(RuleDescriptor rule, String brief, Examples examples) {
    /** A check whose examples are single JSON lines checked against the contract. */
    public Check(RuleDescriptor rule, String brief) {
      this(rule, brief, Examples.JSON_LINE);
    }
  }

  /**
   * What a check's examples need besides their own text to show the check: the options of {@code
   * logconv validate} they are run with, and, for an example too long to print, the marker that
   * stands for its bulk. Everything else is as {@code logconv validate} runs by default (sdk-core's
   * secret detectors, the contract's line limit).
   *
   * @param inputFormat the {@code --input-format} the examples are written in
   * @param schema the {@code --schema} they are checked against: {@code strict} or {@code adr}
   * @param elision text in the bad example that stands for {@code elidedBytes} bytes of plain
   *     ASCII letters, or null
   * @param elidedBytes how many bytes {@code elision} stands for
   */
  public record Examples(InputFormat inputFormat, String schema, String elision, int elidedBytes) {
    /** A JSON line, checked against the contract: what most checks' examples are. */
    public static final Examples JSON_LINE = new Examples(InputFormat.JSON_LINES, "strict", null, 0);

    /** These examples, written in {@code format}. */
    public Examples inFormat(InputFormat format) {
      return new Examples(format, schema, elision, elidedBytes);
    }

    /** These examples, checked with {@code --schema name}. */
    public Examples withSchema(String name) {
      return new Examples(inputFormat, name, elision, elidedBytes);
    }

    /** These examples, with {@code marker} in the bad one standing for {@code bytes} bytes. */
    public Examples eliding(String marker, int bytes) {
      return new Examples(inputFormat, schema, marker, bytes);
    }
  }

  private static final String LEVELS = levels(", ");
  private static final String ACTIONS = actions(", ");
  private static final String PAYLOAD_FREE_KINDS = String.join(" or ", Conventions.PAYLOAD_FREE_KINDS);
  /** Stands for the bulk of a line too long to print in the docs. */
  private static final String TWENTY_KB = "…20 KB…";

  public static final RuleDescriptor NOT_JSON =
      new RuleDescriptor(
          "LV001",
          "not-a-json-object",
          Severity.ERROR,
          "Line is not one JSON object",
          "Every line a service prints must be exactly one JSON object (RFC 8259, UTF-8). Plain"
              + " text, oslo.log or klog lines, multi-line stack traces, truncated JSON or binary"
              + " data cannot be queried as fields in Loki or OpenSearch.",
          "2025-06-15 14:23:01.042 7 INFO keystone.auth [req-1 - - - - -] started",
          "{\"ts\":\"2025-06-15T14:23:01.042Z\",\"level\":\"info\",\"logger\":\"keystone.auth\","
              + "\"msg\":\"started\",\"request_id\":\"req-1\"}");

  public static final RuleDescriptor MISSING_FIELD =
      new RuleDescriptor(
          "LV002",
          "missing-required-field",
          Severity.ERROR,
          "Required field missing: " + String.join(", ", Conventions.REQUIRED_KEYS),
          "Every line carries ts, level and msg: queries, sorting and level detection read them.",
          "{\"level\":\"info\",\"msg\":\"reconciled\"}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"reconciled\"}");

  public static final RuleDescriptor RESERVED_KEY =
      new RuleDescriptor(
          "LV003",
          "collector-reserved-key",
          Severity.ERROR,
          "Collector-reserved key written by the application",
          "fluentd and Fluent Bit add these keys themselves (pod_name, namespace_name, message,"
              + " time, …); a line that already carries one collides with the collector's value"
              + " and one of the two is lost.",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"pod_name\":\"a\"}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\","
              + "\"app_pod_name\":\"a\"}");

  public static final RuleDescriptor PIPELINE_KEY =
      new RuleDescriptor(
          "LV004",
          "pipeline-key",
          Severity.WARNING,
          "Key that the log pipeline adds or reads",
          "The CRI and Docker parsers, Fluent Bit's kubernetes filter, OpenShift ViaQ, korrel8r"
              + " and Loki add or read these keys (log, stream, kubernetes, @timestamp, …); an"
              + " application value under them is overwritten or misread downstream.",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"stream\":\"a\"}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\","
              + "\"app_stream\":\"a\"}");

  public static final RuleDescriptor TS_FORMAT =
      new RuleDescriptor(
          "LV005",
          "ts-not-utc-iso8601",
          Severity.ERROR,
          "ts is not UTC ISO-8601 with milliseconds and Z",
          "Loki, OpenSearch and people sort and compare ts as text; zap's default epoch-float,"
              + " local offsets or missing milliseconds break that.",
          "{\"ts\":1678188349.1671,\"level\":\"info\",\"msg\":\"x\"}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\"}");

  public static final RuleDescriptor LEVEL_VALUE =
      new RuleDescriptor(
          "LV006",
          "level-value",
          Severity.ERROR,
          "level is not one of " + LEVELS,
          "Loki's level detection and dashboards read the lowercase level zap writes.",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"INFO\",\"msg\":\"x\"}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\"}");

  public static final RuleDescriptor ACTION_VALUE =
      new RuleDescriptor(
          "LV007",
          "action-value",
          Severity.ERROR,
          "action is not one of " + ACTIONS,
          "Audit queries group events by action; any other value falls out of them.",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"action\":\"MODIFY\"}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"action\":\"UPDATE\"}");

  public static final RuleDescriptor AUDIT_TYPE =
      new RuleDescriptor(
          "LV008",
          "audit-not-boolean",
          Severity.ERROR,
          "audit is not the JSON boolean true",
          "audit is a JSON boolean; the string \"true\" (as in the ADR's own example) fails the"
              + " schema and audit queries that filter on the boolean.",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"audit\":\"true\","
              + "\"action\":\"ADD\"}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"audit\":true,"
              + "\"action\":\"ADD\"}");

  public static final RuleDescriptor AUDIT_WITHOUT_ACTION =
      new RuleDescriptor(
          "LV009",
          "audit-without-action",
          Severity.ERROR,
          "Audit event without action",
          "An audit event says what was done: action is required when audit is true.",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"audit\":true}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"audit\":true,"
              + "\"action\":\"DELETE\"}");

  public static final RuleDescriptor FIELD_TYPE =
      new RuleDescriptor(
          "LV010",
          "field-type",
          Severity.ERROR,
          "Contract field with the wrong type or shape",
          "The contract's fields have fixed types (msg, logger, name… are strings; trace_id is 32"
              + " lowercase hex digits); other types break queries and correlation.",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":42}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"42\"}");

  public static final RuleDescriptor UNSAFE_KEY =
      new RuleDescriptor(
          "LV011",
          "loki-unsafe-key",
          Severity.ERROR,
          "Key name is not " + Conventions.KEY_PATTERN,
          "LogQL's | json, Fluent Bit's Loki output and korrel8r rewrite other characters"
              + " differently, so the same field gets different names downstream.",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"http.status\":200}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"http_status\":200}");

  public static final RuleDescriptor DUPLICATE_KEY =
      new RuleDescriptor(
          "LV012",
          "duplicate-key",
          Severity.ERROR,
          "Key appears twice in one object",
          "RFC 8259 leaves duplicate keys undefined: some parsers keep the first value, others"
              + " the last, so the line means different things in different tools.",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"a\",\"msg\":\"b\"}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"a b\"}");

  public static final RuleDescriptor LINE_TOO_LONG =
      new RuleDescriptor(
          "LV013",
          "line-too-long",
          Severity.ERROR,
          "Line longer than " + Conventions.DEFAULT_MAX_LINE_BYTES + " bytes",
          "containerd and Docker split longer lines into partial records, which breaks the JSON"
              + " for every reader that does not rejoin them.",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"error\",\"msg\":\"x\",\"stacktrace\":"
              + "\"java.lang.StackOverflowError\\n\\tat " + TWENTY_KB + "\"}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"error\",\"msg\":\"x\",\"stacktrace\":"
              + "\"java.lang.StackOverflowError\\n\\tat io.example.Tree.depth(Tree.java:12)\\n\\t... 1023"
              + " frames omitted\\n\"}");

  public static final RuleDescriptor SECRET_VALUE =
      new RuleDescriptor(
          "LV014",
          "secret-in-value",
          Severity.ERROR,
          "Secret or personal data in a value",
          "Logs are copied to many places and kept for long; a credential, key, card number or"
              + " e-mail address in a line leaks with them. The finding names the key and the type"
              + " and never prints the value.",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"using key "
              + "AKIAQ3EGRX5PZ7LM2KTD\"}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"using key "
              + "[REDACTED:aws_access_key_id]\"}");

  public static final RuleDescriptor SENSITIVE_KEY =
      new RuleDescriptor(
          "LV015",
          "sensitive-key",
          Severity.ERROR,
          "Value under a secret or PII key",
          "Values under keys such as password, token, authorization or email are secrets or"
              + " personal data whatever they look like; the SDK replaces them whole.",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"password\":\"…\"}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\","
              + "\"password\":\"[REDACTED:password]\"}");

  public static final RuleDescriptor SCHEMA =
      new RuleDescriptor(
          "LV016",
          "schema-violation",
          Severity.ERROR,
          "Line fails the selected JSON Schema",
          "Reported with --schema adr or --schema FILE: the schema's own verdict, as the JSON"
              + " Schema validator words it.",
          "{\"level\":\"info\"}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\"}");

  public static final RuleDescriptor WRAPPER =
      new RuleDescriptor(
          "LV017",
          "malformed-container-record",
          Severity.WARNING,
          "Container-runtime record that cannot be read",
          "A CRI, Docker json-file or Loki record that does not have the runtime's shape (or a"
              + " partial record never completed) cannot be unwrapped; the application line inside"
              + " it is not checked.",
          "2024-07-02T12:40:06.615800890Z stdout X {\"ts\":\"2024-07-02T12:40:06.615Z\","
              + "\"level\":\"info\",\"msg\":\"x\"}",
          "2024-07-02T12:40:06.615800890Z stdout F {\"ts\":\"2024-07-02T12:40:06.615Z\","
              + "\"level\":\"info\",\"msg\":\"x\"}");

  public static final RuleDescriptor SECRET_PAYLOAD =
      new RuleDescriptor(
          "LV018",
          "payload-of-payload-free-kind",
          Severity.ERROR,
          "Audit payload of a " + PAYLOAD_FREE_KINDS + " written",
          "The data of a Secret or ConfigMap are passwords, keys and configuration: their request"
              + " and response payloads are never written, at any audit level, as Kubernetes' audit"
              + " documentation warns. The SDK writes an omission marker ([OMITTED:Secret]) in their"
              + " place; a payload on such an event leaks what the kind exists to keep.",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"action\":\"UPDATE\","
              + "\"audit\":true,\"controllerKind\":\"Secret\",\"name\":\"db\",\"auditLevel\":\"Request\","
              + "\"requestObject\":{\"metadata\":{\"name\":\"db\"},\"type\":\"Opaque\"}}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"action\":\"UPDATE\","
              + "\"audit\":true,\"controllerKind\":\"Secret\",\"name\":\"db\",\"auditLevel\":\"Request\","
              + "\"requestObject\":\"[OMITTED:Secret]\"}");

  public static final RuleDescriptor ACTOR_IN_CLEAR =
      new RuleDescriptor(
          "LV019",
          "actor-in-clear",
          Severity.ERROR,
          "actor written in clear, not as its keyed hash",
          "actor says who acted without naming them: the SDK writes the keyed hash of the user or"
              + " service account (h: and 12 hex digits), which correlates one actor across events."
              + " A user name in actor is personal data on every audit line.",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"action\":\"VIEW\","
              + "\"audit\":true,\"actor\":\"jane\"}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"action\":\"VIEW\","
              + "\"audit\":true,\"actor\":\"h:3f1c9a0b7d2e\"}");

  public static final RuleDescriptor PAYLOAD_BEYOND_LEVEL =
      new RuleDescriptor(
          "LV020",
          "payload-beyond-audit-level",
          Severity.WARNING,
          "Audit payload present where auditLevel does not write it",
          "An audit event's level says how much of it is written: Metadata no payload, Request the"
              + " requestObject, RequestResponse also the responseObject. A payload beyond the level"
              + " (or on an audit event without auditLevel, which means Metadata) was written by"
              + " something other than the audit policy, and may hold data the policy keeps out.",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"action\":\"UPDATE\","
              + "\"audit\":true,\"auditLevel\":\"Metadata\",\"requestObject\":{\"replicas\":3}}",
          "{\"ts\":\"2023-03-07T11:32:29.167Z\",\"level\":\"info\",\"msg\":\"x\",\"action\":\"UPDATE\","
              + "\"audit\":true,\"auditLevel\":\"Request\",\"requestObject\":{\"replicas\":3}}");

  /**
   * The table: every check, in id order, with the words the README's table says of it and what
   * its examples need (its descriptor, above, holds the rest).
   */
  public static final List<Check> CHECKS =
      List.of(
          new Check(NOT_JSON, "not one JSON object per line; the message says what the line looks like"),
          new Check(MISSING_FIELD, eitherOf(Conventions.REQUIRED_KEYS) + " missing"),
          new Check(
              RESERVED_KEY,
              "`pod_name`, `namespace_name`, `message`, `time`, … (`Conventions.RESERVED_KEYS`)"),
          new Check(
              PIPELINE_KEY,
              "`log`, `stream`, `kubernetes`, `@timestamp`, … (`Conventions.PIPELINE_KEYS`)"),
          new Check(
              TS_FORMAT,
              "e.g. zap's epoch-float `ts`, offsets, missing milliseconds, impossible dates"),
          new Check(LEVEL_VALUE, "not `" + levels(" ") + "`"),
          new Check(ACTION_VALUE, "not `" + actions(" ") + "`"),
          new Check(AUDIT_TYPE, "e.g. `\"audit\":\"true\"`"),
          new Check(AUDIT_WITHOUT_ACTION, "`audit: true` without `action`"),
          new Check(
              FIELD_TYPE,
              "a contract field of the wrong type (`msg` a number, `trace_id` not 32 hex digits)"),
          new Check(
              UNSAFE_KEY,
              "top-level key not `" + Conventions.KEY_PATTERN + "`; suggests the SDK's rewrite"),
          new Check(DUPLICATE_KEY, "at any depth"),
          new Check(
              LINE_TOO_LONG,
              "over " + Conventions.DEFAULT_MAX_LINE_BYTES
                  + " bytes with the newline (`Conventions.DEFAULT_MAX_LINE_BYTES`)",
              Examples.JSON_LINE.eliding(TWENTY_KB, 20 * 1024)),
          new Check(
              SECRET_VALUE,
              "sdk-core's detectors find a secret or PII in a value (key path and type only)"),
          new Check(
              SENSITIVE_KEY,
              "a value under a secret/PII key (`password`, `token`, …), unless already"
                  + " `[REDACTED:…]` or `h:<hex>`"),
          new Check(
              SCHEMA,
              "with `--schema adr` or `--schema FILE`: the schema's own messages (networknt)",
              Examples.JSON_LINE.withSchema("adr")),
          new Check(
              WRAPPER,
              "a CRI/Docker/Loki record that cannot be unwrapped, or a partial never completed",
              Examples.JSON_LINE.inFormat(InputFormat.CRI)),
          new Check(
              SECRET_PAYLOAD,
              "an audit event on a " + eitherOf(Conventions.PAYLOAD_FREE_KINDS) + " (any case,"
                  + " plural) with a `requestObject`/`responseObject` that is not an omission marker"
                  + " `[OMITTED:…]`"),
          new Check(
              ACTOR_IN_CLEAR,
              "`actor` neither the keyed hash `h:<12 hex>` (`SecretRedactor.isPseudonym`) nor"
                  + " `[REDACTED:…]`"),
          new Check(
              PAYLOAD_BEYOND_LEVEL,
              "`requestObject` below `Request` (or with no `auditLevel` on an audit event),"
                  + " `responseObject` below `RequestResponse`"));

  /** Every check's descriptor, in id order: what reporters list as the rules of a run. */
  public static final List<RuleDescriptor> ALL = CHECKS.stream().map(Check::rule).toList();

  private static final Map<String, RuleDescriptor> BY_ID =
      ALL.stream().collect(Collectors.toUnmodifiableMap(RuleDescriptor::id, Function.identity()));

  private ValidatorRules() {}

  /** The check with this id, or {@code null}. */
  public static RuleDescriptor byId(String id) {
    return BY_ID.get(id);
  }

  private static String levels(String sep) {
    return Arrays.stream(Level.values()).map(Level::label).collect(Collectors.joining(sep));
  }

  private static String actions(String sep) {
    return Arrays.stream(Action.values()).map(Action::name).collect(Collectors.joining(sep));
  }

  /** {@code `a`, `b` or `c`}: keys in Markdown code spans. */
  private static String eitherOf(List<String> keys) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        sb.append(i == keys.size() - 1 ? " or " : ", ");
      }
      sb.append('`').append(keys.get(i)).append('`');
    }
    return sb.toString();
  }
}
