package io.logconv.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: a redactor with a fixed hash key, and assertions that run a text through the
 * contexts the writer meets it in: alone as a value, inside a message, inside a JSON fragment
 * embedded in a message, and inside a Java stack trace.
 */
final class Redaction {
  static final String HASH_KEY = "test-only-hash-key-0123456789abcdef";

  static final SecretRedactor REDACTOR =
      SecretRedactor.builder().hashKeyFromEnvironment(false).hashKey(HASH_KEY).build();

  /** {@link #REDACTOR} with the network address detectors on. */
  static final SecretRedactor NETWORK =
      SecretRedactor.builder()
          .hashKeyFromEnvironment(false)
          .hashKey(HASH_KEY)
          .networkAddresses(true)
          .build();

  private Redaction() {}

  static String redact(String text) {
    return REDACTOR.redact(null, text, new StringBuilder()).toString();
  }

  static String redact(String key, String text) {
    return REDACTOR.redact(key, text, new StringBuilder()).toString();
  }

  static String redact(SecretRedactor r, String text) {
    return r.redact(null, text, new StringBuilder()).toString();
  }

  /** Types reported by {@link SecretRedactor#scan}, in order. */
  static List<String> types(String text) {
    return types(REDACTOR, text);
  }

  static List<String> types(SecretRedactor r, String text) {
    List<String> types = new ArrayList<>();
    r.scan(text, (type, start, end) -> types.add(type));
    return types;
  }

  /** The four contexts a text is written in. */
  static List<String> contexts(String text) {
    return List.of(
        text,
        "request rejected: " + text + " (retrying in 87 ms)",
        "payload={\"id\":17,\"value\":\"" + text + "\",\"ok\":false}",
        "java.lang.IllegalStateException: cannot use "
            + text
            + "\n"
            + "\tat io.example.Handler.handle(Handler.java:87)\n"
            + "\tat java.base/java.lang.Thread.run(Thread.java:833)\n"
            + "Caused by: java.io.IOException: rejected "
            + text
            + "\n"
            + "\t... 2 more");
  }

  /**
   * In every context: {@code hidden} (the secret part of {@code text}) is gone, {@code
   * [REDACTED:type]} is there, and scan reports {@code type}.
   */
  static void assertRedacted(String text, String hidden, String type) {
    assertRedacted(REDACTOR, text, hidden, type);
  }

  /** {@link #assertRedacted(String, String, String)} by {@code r}. */
  static void assertRedacted(SecretRedactor r, String text, String hidden, String type) {
    for (String context : contexts(text)) {
      String out = redact(r, context);
      assertThat(out).as("redacted %s", context).doesNotContain(hidden);
      assertThat(out).as("redacted %s", context).contains("[REDACTED:" + type + "]");
      assertThat(types(r, context)).as("scan of %s", context).contains(type);
      assertThat(redact(r, out)).as("idempotent on %s", out).isEqualTo(out);
    }
  }

  /** {@link #assertRedacted(String, String, String)} where the whole text is the secret. */
  static void assertRedacted(String text, String type) {
    assertRedacted(text, text, type);
  }

  /** In every context, nothing is found: the very same instance comes back. */
  static void assertKept(String text) {
    assertKept(REDACTOR, text);
  }

  /** {@link #assertKept(String)} by {@code r}. */
  static void assertKept(SecretRedactor r, String text) {
    for (String context : contexts(text)) {
      StringBuilder scratch = new StringBuilder();
      CharSequence out = r.redact(null, context, scratch);
      assertThat(out).as("kept %s", context).isSameAs(context);
      assertThat(types(r, context)).as("scan of %s", context).isEmpty();
    }
  }
}
