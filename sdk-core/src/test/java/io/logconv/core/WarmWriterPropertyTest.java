package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.schema.Level;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * A writer keeps what it wrote before (the entry of each key's last value, the lines of stack
 * frames) to write it again. Whatever it wrote before, every line must be byte for byte the line a
 * new writer writes for the same event: values repeat, change, carry secrets, need escapes, or no
 * longer fit when a large event is cut to size; frames repeat, collide and change line numbers.
 */
class WarmWriterPropertyTest {
  /** Small lines, so that events are often cut to fit, down to 64 bytes a value. */
  private static final LineFormat FORMAT =
      LineFormat.builder()
          .maxLineBytes(LineFormat.MIN_LINE_BYTES)
          .statusListener(StatusListener.IGNORE)
          .build();

  private static final List<String> KEYS =
      List.of("namespace", "name", "tenant", "request_id", "db_password", "user", "endpoint", "note");

  /** Values that repeat, that differ only in their last char, that hide secrets or need escapes. */
  private static final List<String> VALUES =
      List.of(
          "samburrai-tenant",
          "é".repeat(60),
          "\"".repeat(60),
          "samburrai-tenanu",
          "go-net-http-hello-prqx",
          "req-7f3a9c",
          "https://registry.example.com/v2/",
          "postgres://app:s3cr3t@db.internal/x",
          "jane@example.com",
          "line\nbreak \"quoted\" \\ é 中 \uD83D\uDE00",
          "\uD83D lone",
          "x".repeat(63),
          "x".repeat(64),
          "x".repeat(65),
          "é".repeat(40),
          "v".repeat(900),
          "");

  private static final List<StackTraceElement> FRAMES =
      List.of(
          new StackTraceElement("com.example.Service", "handle", "Service.java", 42),
          new StackTraceElement("com.example.Service", "handle", "Service.java", 43),
          new StackTraceElement("com.example.Service", "handle", null, 42),
          new StackTraceElement("com.example.Service", "handle", "Service.java", -2),
          new StackTraceElement("com.example.Other", "run", "Other.java", 7),
          new StackTraceElement("com.example.Weird\"Name", "m\u00e9thod", "Weird.java", 1),
          new StackTraceElement("java.lang.Thread", "run", "Thread.java", 833));

  record Field(String key, String value) {}

  record Event(List<Field> fields, List<StackTraceElement> frames, boolean withThrowable) {}

  private static final Gen<List<Event>> HISTORIES = histories();

  private static Gen<List<Event>> histories() {
    // A new string instance half of the time, so that values are found equal, not only identical.
    Gen<String> value =
        Gens.pick(VALUES)
            .zip(Generate.booleans(), (v, copy) -> copy ? new String(v.toCharArray()) : v);
    Gen<Field> field = Gens.pick(KEYS).zip(value, Field::new);
    // Many distinct frames too, so that frames share cache slots and take them from each other;
    // lines 256 apart often share one.
    Gen<StackTraceElement> many =
        Generate.range(0, 999)
            .zip(
                Gens.pick(1, 2, 257, 513),
                (n, line) -> new StackTraceElement("com.example.S" + n, "call", "S" + n + ".java", line));
    Gen<StackTraceElement> lines =
        Gens.pick(1, 257, 513, 769)
            .map(line -> new StackTraceElement("com.example.Service", "handle", "Service.java", line));
    Gen<Event> event =
        Gens.lists(field, 0, 12)
            .zip(
                Gens.lists(Gens.<StackTraceElement>oneOf(Gens.pick(FRAMES), many, lines), 0, 30),
                Generate.booleans(),
                Event::new);
    return Gens.lists(event, 1, 8).describedAs(Gens::describe);
  }

  @Test
  void everyLineIsTheLineANewWriterWrites() {
    Theories.forAll(
        1000,
        HISTORIES,
        history -> {
          EventWriter warm = FORMAT.newWriter();
          for (Event e : history) {
            String expected = write(FORMAT.newWriter(), e);
            assertThat(write(warm, e)).isEqualTo(expected);
          }
        });
  }

  @Test
  void aValueThatChangesInItsLastCharIsWrittenAnew() {
    EventWriter w = FORMAT.newWriter();
    assertThat(line(w, "samburrai-tenant")).contains("\"namespace\":\"samburrai-tenant\"");
    assertThat(line(w, "samburrai-tenant")).contains("\"namespace\":\"samburrai-tenant\"");
    assertThat(line(w, "samburrai-tenanu")).contains("\"namespace\":\"samburrai-tenanu\"");
    assertThat(line(w, "x")).contains("\"namespace\":\"x\"");
  }

  @Test
  void aValueWithASecretIsRedactedEveryTime() {
    EventWriter w = FORMAT.newWriter();
    String url = "postgres://app:s3cr3t@db.internal/x";
    for (int i = 0; i < 3; i++) {
      assertThat(line(w, url)).doesNotContain("s3cr3t").contains("[REDACTED:");
    }
  }

  @Test
  void aValueWrittenWholeBeforeIsCutLikeAnyOtherWhenTheLineMustShrink() {
    String wide = "é".repeat(60); // 120 bytes: whole under the first caps, cut under the last
    EventWriter warm = FORMAT.newWriter();
    line(warm, wide);
    Event big =
        new Event(
            java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> new Field(i == 0 ? "namespace" : "k" + i, wide))
                .toList(),
            List.of(),
            false);
    String expected = write(FORMAT.newWriter(), big);
    assertThat(expected).contains("...[truncated ");
    assertThat(write(warm, big)).isEqualTo(expected);
  }

  private static String line(EventWriter w, String namespace) {
    return w.begin(1678188749167L, Level.INFO, "l").message("m").field("namespace", namespace).end().toString();
  }

  private static String write(EventWriter w, Event e) {
    w.begin(1678188749167L, Level.ERROR, "controllers.Component").message("reconciled {}", new Object[] {"x"}, 1);
    for (Field f : e.fields()) {
      w.field(f.key(), f.value());
    }
    if (e.withThrowable()) {
      IllegalStateException t = new IllegalStateException("failed");
      t.setStackTrace(e.frames().toArray(new StackTraceElement[0]));
      w.throwable(t);
    }
    return w.end().toString();
  }
}
