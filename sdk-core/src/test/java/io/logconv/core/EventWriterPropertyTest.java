package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.redact.Redactor;
import io.logconv.schema.Action;
import io.logconv.schema.Conventions;
import io.logconv.schema.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.slf4j.helpers.MessageFormatter;
import tools.jackson.databind.JsonNode;

/**
 * Whatever the event, the writer emits exactly one line that parses, has no duplicate key, stays
 * within the size limit and conforms to the strict schema; and the message round-trips exactly
 * when the line was not cut.
 */
class EventWriterPropertyTest {
  /** Without redaction, so that the message can be compared with SLF4J's formatting. */
  private static final LineFormat FORMAT =
      LineFormat.builder().redactor(Redactor.NONE).statusListener(StatusListener.IGNORE).build();

  /** With the default redactor, as in production. */
  private static final LineFormat REDACTING =
      LineFormat.builder().statusListener(StatusListener.IGNORE).build();

  private final EventWriter writer = FORMAT.newWriter();
  private final EventWriter redacting = REDACTING.newWriter();

  record Field(String key, Object value) {}

  record Event(
      long ts,
      Level level,
      String logger,
      String template,
      List<String> args,
      List<Field> fields,
      Throwable throwable) {}

  private static Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
        Arbitraries.strings().withChars('\uD83D', '\uDE00', '\u0000', '"', '\\', '\n', 'a', 'é', '\u2028')
            .ofMaxLength(20),
        Arbitraries.strings().all().ofMinLength(3000).ofMaxLength(20_000).injectNull(0.0));
  }

  private static Arbitrary<String> smallText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.strings().withChars('{', '}', '\\', 'x', ' ').ofMaxLength(16));
  }

  private static Arbitrary<String> keys() {
    List<String> special = new ArrayList<>(Conventions.RESERVED_KEYS);
    special.addAll(Conventions.PIPELINE_KEYS);
    special.addAll(Conventions.LEADING_FIELDS);
    special.addAll(Conventions.TRAILING_FIELDS);
    special.addAll(List.of("trace_id", "span_id", "trace_flags", "request_id", "", "app_audit", "app_pod_name"));
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(special)),
        Tuple.of(3, Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3)),
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(8)),
        Tuple.of(1, Arbitraries.just(null)));
  }

  private static Arbitrary<Object> scalars() {
    return Arbitraries.oneOf(
        text().map(s -> (Object) s),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0).map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.of(Action.class).map(a -> (Object) a),
        Arbitraries.of("true", "false", "VIEW", "MODIFY", "4bf92f3577b34da6a3ce929d0e0e4736").map(s -> (Object) s),
        Arbitraries.just(null));
  }

  private static Arbitrary<Object> values() {
    Arbitrary<Object> maps =
        Combinators.combine(keys(), scalars())
            .as(Field::new)
            .list()
            .ofMaxSize(4)
            .map(
                fs -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  fs.forEach(f -> m.put(f.key(), f.value()));
                  return (Object) m;
                });
    Arbitrary<Object> lists = scalars().list().ofMaxSize(4).map(l -> (Object) l);
    return Arbitraries.frequencyOf(Tuple.of(8, scalars()), Tuple.of(1, maps), Tuple.of(1, lists));
  }

  private static Arbitrary<Throwable> throwables() {
    Arbitrary<Throwable> some =
        Combinators.combine(
                smallText().list().ofMinSize(1).ofMaxSize(40), Arbitraries.integers().between(0, 300))
            .as(
                (messages, frames) -> {
                  Throwable t = null;
                  for (String m : messages) {
                    t = new IllegalStateException(m, t);
                    StackTraceElement[] st = new StackTraceElement[frames];
                    for (int f = 0; f < frames; f++) {
                      st[f] = new StackTraceElement("com.example.C" + f, "m" + f, "C" + f + ".java", f);
                    }
                    t.setStackTrace(st);
                  }
                  return t;
                });
    return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(null)), Tuple.of(1, some));
  }

  @Provide
  Arbitrary<Event> events() {
    return Combinators.combine(
            Arbitraries.longs().between(-62167219200000L, 253402300799999L),
            Arbitraries.of(Level.class),
            smallText().injectNull(0.05),
            Arbitraries.oneOf(smallText(), text()).injectNull(0.02),
            smallText().list().ofMaxSize(4),
            Combinators.combine(keys(), values()).as(Field::new).list().ofMaxSize(12),
            throwables())
        .as(Event::new);
  }

  private static JsonBuffer write(EventWriter w, Event e) {
    w.begin(e.ts(), e.level(), e.logger());
    Object[] args = e.args().toArray();
    w.message(e.template(), args, args.length);
    for (Field f : e.fields()) {
      w.field(f.key(), f.value());
    }
    w.throwable(e.throwable());
    return w.end();
  }

  @Property(tries = 20_000)
  void withRedactionEveryEventIsStillOneConformingLine(@ForAll("events") Event e) {
    JsonBuffer line = write(redacting, e);
    assertThat(line.size()).isLessThanOrEqualTo(Conventions.DEFAULT_MAX_LINE_BYTES);
    Lines.conforming(line);
  }

  @Property(tries = 100_000)
  void everyEventIsOneConformingLine(@ForAll("events") Event e) {
    Object[] args = e.args().toArray();
    JsonBuffer line = write(writer, e);

    assertThat(line.size()).isLessThanOrEqualTo(Conventions.DEFAULT_MAX_LINE_BYTES);
    JsonNode node = Lines.conforming(line);
    String msg = node.get("msg").asString();
    if (!msg.contains("...[truncated ")) {
      String expected = e.template() == null ? "null" : MessageFormatter.basicArrayFormat(e.template(), args);
      assertThat(msg).isEqualTo(replaceLoneSurrogates(expected));
    }
  }

  static String replaceLoneSurrogates(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        sb.append('\uFFFD');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
