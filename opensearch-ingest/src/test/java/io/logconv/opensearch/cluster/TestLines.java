package io.logconv.opensearch.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.logconv.core.EventWriter;
import io.logconv.core.LineFormat;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.validate.LineValidator;
import io.logconv.lint.validate.SecretScanner;
import io.logconv.schema.Action;
import io.logconv.schema.Conventions;
import io.logconv.schema.Level;
import io.logconv.schema.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** The application lines the cluster test sends, and how Fluent Bit wraps them. */
final class TestLines {
  static final JsonMapper JSON = JsonMapper.builder().build();
  /** Base time of the generated lines: fixed, so that a test's time window is too. */
  static final long T0 = Instant.parse("2026-11-30T10:00:00Z").toEpochMilli();

  /** Secrets planted raw in application lines (made up for this test). */
  static final String EMAIL = "quill.planted.7731@example.org";
  static final String BEARER = "pLnT3dBeArEr9x8w7v6u5t4s3r2q";
  static final String PASSWORD = "Zx9plantedPw4417";
  static final String TOKEN = "plntdTok5mK2qR8vW1zY";
  static final List<String> SECRETS = List.of(EMAIL, BEARER, PASSWORD, TOKEN);
  static final List<String> SECRETS_IN_MSG = List.of(EMAIL, BEARER);

  private TestLines() {}

  /** How the line reaches the pipeline. */
  enum Form {
    /** Fluent Bit's kubernetes filter with Merge_Log On: the app's fields at the root. */
    MERGED,
    /** The app's line as a JSON string in {@code log}, for a pipeline with {@code field: log}. */
    LOG_FIELD
  }

  /** One document to index: its id, the app's line, and how it is wrapped. */
  record Doc(String id, String line, Form form, boolean audit) {
    String source() {
      return wrap(line, form, id);
    }
  }

  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** {@code ts} as the contract spells it: UTC, milliseconds, Z. */
  static String ts(long epochMillis) {
    return TS.format(Instant.ofEpochMilli(epochMillis));
  }

  /** The record Fluent Bit's {@code opensearch} output sends for {@code line}. */
  static String wrap(String line, Form form, String id) {
    String pod = "checkout-7d9f8-" + Integer.toHexString(Math.floorMod(id.hashCode(), 0xfffff));
    String kubernetes =
        "\"kubernetes\":{\"pod_name\":\""
            + pod
            + "\",\"namespace_name\":\"shop\",\"container_name\":\"app\","
            + "\"host\":\"worker-1\",\"labels\":{\"app\":\"checkout\"}}";
    String head = "{\"@timestamp\":\"2026-11-30T10:00:00.000Z\",\"stream\":\"stdout\",\"logtag\":\"F\",";
    String trimmed = line.strip();
    if (form == Form.LOG_FIELD) {
      return head + "\"log\":" + JSON.writeValueAsString(line) + "," + kubernetes + "}";
    }
    if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
      throw new IllegalArgumentException("not a JSON object: " + line);
    }
    String body = trimmed.substring(1, trimmed.length() - 1).strip();
    return head + body + (body.isEmpty() ? "" : ",") + kubernetes + "}";
  }

  /** The distinct rule ids {@code logconv validate} reports for {@code line}, in order. */
  static List<String> expectedFindings(String line) {
    byte[] b = line.getBytes(UTF_8);
    Set<String> ids = new LinkedHashSet<>();
    new LineValidator(
            SecretScanner.of(SecretRedactor.defaults()), null, Conventions.DEFAULT_MAX_LINE_BYTES)
        .check(b, 0, b.length, (rule, msg) -> ids.add(rule.id()));
    return List.copyOf(ids);
  }

  static LineFormat appFormat(String service) {
    return LineFormat.builder().staticField("service", service).build();
  }

  /** An app with a keyed hash: the SDK writes each actor as a stable pseudonym. */
  static LineFormat auditFormat(String service) {
    return LineFormat.builder()
        .staticField("service", service)
        .redactor(SecretRedactor.builder().hashKey("cluster-test-key-0001").build())
        .build();
  }

  /** Lines the SDK writes: they conform. */
  static List<String> conformant(int n) {
    EventWriter w = appFormat("checkout").newWriter();
    Level[] levels = {Level.INFO, Level.DEBUG, Level.WARN, Level.INFO};
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      w.begin(T0 + i, levels[i % levels.length], "shop.checkout.CartService")
          .message("cart {} updated with {} items", new Object[] {"c-" + i, i % 7}, 2)
          .field("cartId", "c-" + i)
          .field("items", (long) (i % 7))
          .field("express", i % 2 == 0);
      if (i % 5 == 4) {
        w.action(Action.UPDATE).field(Conventions.NAMESPACE, "shop");
      }
      if (i % 9 == 8) {
        w.throwable(new IllegalStateException("stock service timed out"));
      }
      out.add(w.end().toString().strip());
    }
    return out;
  }

  /** One audit event the SDK writes. */
  static String auditLine(
      EventWriter w, long at, String actor, Outcome outcome, String kind, String name) {
    return w.begin(at, Level.INFO, Conventions.AUDIT_LOGGER)
        .message("get " + kind + " " + name)
        .audit(true)
        .action(Action.VIEW)
        .field(Conventions.ACTOR, actor)
        .field(Conventions.OUTCOME, outcome)
        .field(Conventions.NAMESPACE, "payments")
        .field(Conventions.CONTROLLER_KIND, kind)
        .field(Conventions.NAME, name)
        .end()
        .toString()
        .strip();
  }

  /** Contract violations, hand-written as a careless app would (no pipeline keys). */
  static List<String> violations() {
    String t = "\"ts\":\"" + ts(T0) + "\"";
    return List.of(
        "{" + t + ",\"level\":\"info\",\"msg\":\"cart emptied\",\"action\":\"destroy\"}",
        "{" + t + ",\"level\":\"info\",\"msg\":\"secret read\",\"audit\":\"true\",\"action\":\"view\"}",
        "{" + t + ",\"level\":\"verbose\",\"msg\":\"cache warmed\"}",
        "{" + t + ",\"level\":\"info\",\"msg\":\"user saved\",\"user-name\":\"x1\"}",
        "{" + t + ",\"level\":\"info\",\"msg\":\"Order Id set\",\"Order Id\":\"o-9\"}",
        "{" + t + ",\"level\":\"info\",\"svc\":\"no message here\"}",
        "{\"level\":\"error\",\"msg\":\"no time at all\"}",
        "{\"ts\":\"2026-11-30T10:00:00Z\",\"level\":\"info\",\"msg\":\"ts without millis\",\"action\":\"purge\"}",
        "{" + t + ",\"level\":\"INFO\",\"msg\":\"upper-case level\",\"actor\":\"bob\"}",
        "{" + t + ",\"level\":\"info\",\"msg\":\"audit without action\",\"audit\":true}");
  }

  /** Secrets planted raw, in msg and under secret keys. */
  static List<String> withSecrets() {
    String t = "\"ts\":\"" + ts(T0) + "\",\"level\":\"info\"";
    return List.of(
        "{" + t + ",\"msg\":\"login ok for " + EMAIL + "\",\"service\":\"auth\"}",
        "{" + t + ",\"msg\":\"upstream call with Authorization: Bearer " + BEARER
            + "\",\"service\":\"auth\"}",
        "{" + t + ",\"msg\":\"user created\",\"password\":\"" + PASSWORD + "\",\"service\":\"auth\"}",
        "{" + t + ",\"msg\":\"session refreshed\",\"token\":\"" + TOKEN + "\",\"service\":\"auth\"}");
  }

  /** The real samples in test resources, one application line each. */
  static List<String> corpora() {
    List<String> out = new ArrayList<>();
    for (String f :
        List.of(
            "falco-k8s-audit/create_secret.json",
            "falco-k8s-audit/create_kube_system_secret.json",
            "falco-k8s-audit/create_service_account_token_secret.json",
            "falco-k8s-audit/delete_secret.json",
            "humanlog-synthetic/sample-logback-json-first40.log")) {
      for (String line : resource("corpora/" + f).split("\n", -1)) {
        if (!line.isBlank()) {
          out.add(line.strip());
        }
      }
    }
    return out;
  }

  static String resource(String name) {
    try (InputStream in = TestLines.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
