package io.logconv.lint.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.EventWriter;
import io.logconv.core.LineFormat;
import io.logconv.core.StatusListener;
import io.logconv.core.redact.Redactor;
import io.logconv.schema.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code logconv redact} of a line hides what the SDK writer hides when it writes the same values:
 * the writer's line (with the redactor) and {@link LogRedactor}'s rewrite of the line the writer
 * writes without one agree field by field, with one redactor, so one hash key, for both.
 */
class RedactParityTest {
  private static final long TIME = 1_720_000_000_000L;

  @Test
  void redactHidesWhatTheWriterHides() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("password", "hunter2");
    fields.put("db_password", "${DB_PASSWORD}");
    fields.put("admin_password", "****");
    fields.put("keystore_password", "changeme");
    fields.put("api_key", 12345);
    fields.put("token", true);
    fields.put("session_id", "3f2a9c");
    fields.put("credentials", map("user", "svc", "pass", "s3cr3t"));
    fields.put("client_secret", List.of("s1", "s2"));
    fields.put("secret", null);
    fields.put("user", "jane");
    fields.put("email", "jane@example.com");
    fields.put("user_id", 42);
    fields.put("given_name", "Jane");
    fields.put("user.email", "jane@example.com"); // written as user_email
    fields.put("request", map(
        "headers", map("authorization", "Bearer abc.def.ghi", "accept", "application/json"),
        "creds", List.of(map("password", "p"), "plain text"),
        "tags", List.of("a", "jane@example.com"),
        "signing_key", "k-1",
        "db-password", 7,
        "nested", map("user", "bob", "page", 2, "list", List.of(List.of("x", map("token", "t"))))));
    fields.put("note", "paid with 4111 1111 1111 1111");
    fields.put("plain", "nothing to hide");
    fields.put("passwordPolicy", "strict");
    fields.put("tokenCount", 3);

    JsonNode sdk = write(LogRedactorTest.REDACTOR, fields);
    JsonNode redacted = redact(write(Redactor.NONE, fields));

    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : sdk.properties()) {
      if (!e.getValue().equals(redacted.get(e.getKey()))) {
        differ.add(e.getKey() + ": writer " + e.getValue() + ", redact " + redacted.get(e.getKey()));
      }
    }
    assertThat(differ).isEmpty();
    assertThat(redacted.propertyNames()).containsExactlyElementsOf(sdk.propertyNames());
    // The line is not trivially equal: the values were hidden, and the placeholders kept.
    assertThat(sdk.get("password").asString()).isEqualTo("[REDACTED:password]");
    assertThat(sdk.get("db_password").asString()).isEqualTo("${DB_PASSWORD}");
    assertThat(sdk.get("user").asString()).matches("h:[0-9a-f]{12}");
    assertThat(sdk.get("request").get("creds").get(1).asString()).isEqualTo("plain text");
    assertThat(sdk.get("user_email").asString()).matches("h:[0-9a-f]{12}");
  }

  /**
   * Where the two cannot agree, by design: the writer has the application's objects and the
   * message template, {@code redact} only the line's text.
   */
  @Test
  void whereTheyDifferByDesignBothHide() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("username", map("first", "Jane", "last", "Doe"));
    JsonNode sdk = write(LogRedactorTest.REDACTOR, "rotated password {}", "Tr0ub4dor&3 x", fields);
    JsonNode redacted = redact(write(Redactor.NONE, "rotated password {}", "Tr0ub4dor&3 x", fields));

    // A structure under a personal-data key is hashed whole by both, but from different text: the
    // writer hashes the object's Java rendering ({first=Jane, last=Doe}), redact the JSON the line
    // holds ({"first":"Jane","last":"Doe"}). Either hash stands for the value; they do not match.
    assertThat(sdk.get("username").asString()).matches("h:[0-9a-f]{12}");
    assertThat(redacted.get("username").asString()).matches("h:[0-9a-f]{12}")
        .isNotEqualTo(sdk.get("username").asString());

    // The writer knows where the argument that "password {}" names begins and ends, and hides it
    // whole; redact sees a secret word followed by text, and hides the credential-looking word
    // after it. Both hide the password; the rest of the argument stays only in redact's line.
    assertThat(sdk.get("msg").asString()).isEqualTo("rotated password [REDACTED:password]");
    assertThat(redacted.get("msg").asString()).isEqualTo("rotated password [REDACTED:password] x");
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static JsonNode write(Redactor redactor, Map<String, Object> fields) {
    return write(redactor, "login of {} with password {}", "hunter2", fields);
  }

  /**
   * The line the SDK writer writes with {@code redactor} for a message from {@code template} with
   * {@code "jane@example.com"} and {@code argument} as its arguments, and {@code fields}, parsed.
   */
  private static JsonNode write(Redactor redactor, String template, String argument, Map<String, Object> fields) {
    EventWriter w = LineFormat.builder().redactor(redactor).contextFields(false)
        .statusListener(StatusListener.IGNORE).build().newWriter();
    Object[] args = template.startsWith("login") ? new Object[] {"jane@example.com", argument} : new Object[] {argument};
    w.begin(TIME, Level.INFO, "parity").message(template, args, args.length);
    fields.forEach(w::field);
    return JsonMapper.shared().readTree(w.end().toString());
  }

  /** {@code line} through {@code logconv redact}, parsed. */
  private static JsonNode redact(JsonNode line) {
    byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
    LogRedactor r = new LogRedactor(LogRedactorTest.REDACTOR, 1 << 20);
    return JsonMapper.shared().readTree(new String(r.line(b, 0, b.length), StandardCharsets.UTF_8));
  }
}
