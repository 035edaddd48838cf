package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.audit.AuditPayload;
import io.logconv.core.audit.AuditPolicy;
import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import io.logconv.schema.Conventions;
import io.logconv.schema.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Whatever the payload, the level and the spelling of the kind: a {@code Secret}'s or {@code
 * ConfigMap}'s payload never reaches the line and its supplier is never called, while the payload
 * of any other kind is written at the levels that write it; every line conforms.
 */
class AuditPayloadPropertyTest {
  private static final String CANARY = "Qzxcanary";

  record Case(String kind, AuditLevel level, Object request, Object response) {}

  private static final Gen<String> WORDS = Gens.strings(Gens.ANY, 0, 40);

  /** A payload holding the canary somewhere: a map, a list, nested, or a string. */
  private static Gen<Object> payload() {
    Gen<String> canary = WORDS.map(w -> w + " " + CANARY + " " + w.length());
    Gen<Object> leaf = Gens.oneOf(canary, WORDS.map(w -> CANARY + w));
    Gen<Object> map =
        WORDS.zip(leaf, WORDS, (k, v, other) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put(k, v);
          m.put("spec", Map.of("data", v, "note", other));
          m.put("password", CANARY);
          return (Object) m;
        });
    Gen<Object> list = leaf.zip(WORDS, (v, w) -> (Object) List.of(w, v, List.of(v)));
    return Gens.oneOf(leaf, map, list);
  }

  private static final Gen<Case> CASES =
      Gens.pick(
              "Secret", "secret", "secrets", "SECRETS", "ConfigMap", "configmap", "configMaps",
              "CONFIGMAPS", "Deployment")
          .zip(
              Gens.pick(AuditLevel.values()),
              payload(),
              payload(),
              Case::new);

  @Test
  void aSecretsPayloadNeverAppearsAtAnyLevel() {
    EventWriter w =
        LineFormat.builder()
            .auditPolicy(AuditPolicy.builder().payloadLimitBytes(8192).build())
            .statusListener(StatusListener.IGNORE)
            .build()
            .newWriter();
    Theories.forAll(
        2_000,
        CASES,
        c -> {
          AtomicInteger calls = new AtomicInteger();
          String line =
              w.begin(1678188749167L, Level.INFO, "audit")
                  .message("updated")
                  .action(Action.UPDATE)
                  .audit(true)
                  .field("controllerKind", c.kind())
                  .field("auditLevel", c.level())
                  .field(
                      "requestObject",
                      AuditPayload.of(
                          () -> {
                            calls.incrementAndGet();
                            return c.request();
                          }))
                  .field(
                      "responseObject",
                      AuditPayload.of(
                          () -> {
                            calls.incrementAndGet();
                            return c.response();
                          }))
                  .end()
                  .toString();
          if (c.level() == AuditLevel.NONE) {
            assertThat(line).isEmpty();
            assertThat(calls).hasValue(0);
            return;
          }
          Lines.conforming(line);
          boolean free = Conventions.isPayloadFreeKind(c.kind());
          if (free) {
            assertThat(line).doesNotContain(CANARY);
            assertThat(calls).hasValue(0);
            assertThat(line.contains("[OMITTED:")).isEqualTo(c.level().writesRequest());
          } else {
            // The same payloads under another kind are written: the test sees what it looks for.
            assertThat(line.contains(CANARY)).isEqualTo(c.level().writesRequest());
            int expected = (c.level().writesRequest() ? 1 : 0) + (c.level().writesResponse() ? 1 : 0);
            assertThat(calls).hasValue(expected);
          }
        });
  }
}
