package io.logconv.core;

import io.logconv.schema.Conventions;
import io.logconv.schema.Field;
import io.logconv.core.redact.RedactionSettings;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns any key an application supplies into the key the line carries. A key that is already
 * conformant is returned as is, without allocating. Otherwise: a null or empty key becomes {@code
 * _}; every char outside {@code [A-Za-z0-9_]} becomes {@code _} and a leading digit gets a {@code _}
 * prefix; a collector-reserved or pipeline key (see {@link Conventions}) and a key naming a field
 * the writer owns ({@code ts level logger msg error stacktrace stack_hash logconv_dropped_keys}) get the {@code app_} prefix, so no
 * data is lost and nothing collides. Each repaired key is reported once to the {@link
 * StatusListener}. In strict mode a repair throws {@link ContractViolationException} instead.
 * Repaired keys are kept in a bounded cache, so a steady set of keys costs nothing after warm-up.
 *
 * <pre>{@code
 * KeyPolicy p = new KeyPolicy(false, StatusListener.IGNORE);
 * p.effectiveKey("pod_name");  // "app_pod_name"
 * p.effectiveKey("k8s:ns");    // "k8s_ns"
 * p.effectiveKey("replicas");  // "replicas" (same instance)
 * }</pre>
 */
public final class KeyPolicy {
  /**
   * Fields the writer itself writes from the event (the contract's {@link Field.Repair#SDK_WRITES}
   * fields and the writer's own {@code stack_hash} and {@code logconv_dropped_keys}); an
   * application key with such a name is renamed.
   */
  /** The writer's own keys: the hash of a throwable's shape, and the count of keys left out. */
  static final String STACK_HASH = "stack_hash";

  static final String DROPPED_KEYS = "logconv_dropped_keys";

  static final Set<String> OWNED_KEYS =
      Stream.concat(
              Arrays.stream(Field.values())
                  .filter(f -> f.onViolation() == Field.Repair.SDK_WRITES)
                  .map(Field::key),
              Stream.of(STACK_HASH, DROPPED_KEYS))
          .collect(Collectors.toUnmodifiableSet());

  private static final int MAX_CACHED = 4096;

  private final boolean strict;
  private final StatusListener status;
  /** Every key seen (up to a bound) and the key the line carries for it: itself if conformant. */
  private final ConcurrentHashMap<String, String> repaired = new ConcurrentHashMap<>();

  /**
   * A policy.
   *
   * @param strict throw instead of repairing
   * @param status where repairs are reported, once per key
   */
  public KeyPolicy(boolean strict, StatusListener status) {
    this.strict = strict;
    this.status = status;
  }

  /** True if this policy throws instead of repairing. */
  public boolean isStrict() {
    return strict;
  }

  /** The key the line carries for an application key. Never null; never throws unless strict. */
  public String effectiveKey(String key) {
    String nullSafe = key == null ? "" : key;
    // Keys repeat from event to event: one lookup answers for a key seen before, conformant or not.
    String cached = repaired.get(nullSafe);
    if (cached != null) {
      return cached;
    }
    if (key != null && isConformant(key)) {
      if (repaired.size() < MAX_CACHED) {
        repaired.putIfAbsent(key, key);
      }
      return key;
    }
    return repair(nullSafe);
  }

  /** True if {@code key} is written unchanged. */
  public static boolean isConformant(String key) {
    return Conventions.isSafeKey(key)
        && !Conventions.isReservedKey(key)
        && !Conventions.isPipelineKey(key)
        && !OWNED_KEYS.contains(key);
  }

  /**
   * Sanitises a key to {@link Conventions#KEY_PATTERN} only, without the reserved-key rule (for
   * keys nested inside a value).
   */
  public static String sanitize(String key) {
    if (key == null || key.isEmpty()) {
      return "_";
    }
    if (Conventions.isSafeKey(key)) {
      return key;
    }
    StringBuilder sb = new StringBuilder(key.length() + 1);
    char first = key.charAt(0);
    if (first >= '0' && first <= '9') {
      sb.append('_');
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      sb.append(ok ? c : '_');
    }
    return sb.toString();
  }

  private String repair(String key) {
    String safe = sanitize(key);
    String out = safe;
    String why;
    if (Conventions.isReservedKey(safe)) {
      why = "collector-reserved key '" + safe + "' (Fluent Bit and fluentd add it)";
      out = Conventions.RENAME_PREFIX + safe;
    } else if (Conventions.isPipelineKey(safe)) {
      why = "key '" + safe + "' is added or read by the log pipeline";
      out = Conventions.RENAME_PREFIX + safe;
    } else if (OWNED_KEYS.contains(safe)) {
      why = "key '" + safe + "' names a field the writer fills from the event";
      out = Conventions.RENAME_PREFIX + safe;
    } else {
      why = "key is not Loki-safe (" + Conventions.KEY_PATTERN + ")";
    }
    String shown = printable(key);
    if (strict) {
      throw new ContractViolationException(
          "log key '" + shown + "' breaks the log contract: " + why);
    }
    // Past the cache bound the key is repaired on every call and reported each time (a format's
    // status listener still reports each kind once).
    if (repaired.size() >= MAX_CACHED || repaired.putIfAbsent(key, out) == null) {
      status.onProblem(
          "key:" + shown,
          "log key '" + shown + "' written as '" + out + "': " + why,
          null);
    }
    return out;
  }

  private static String printable(String key) {
    StringBuilder sb = new StringBuilder(Math.min(key.length(), 64));
    for (int i = 0; i < key.length() && i < 64; i++) {
      char c = key.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return sb.toString();
  }

  /**
   * The key renames an adapter option gives as comma-separated {@code from=to} pairs ({@code
   * traceId=trace_id,spanId=span_id}); a pair that is not {@code from=to} goes to {@code
   * warnings}, named after {@code option}, and is ignored. The renamed keys are still repaired as
   * any key is.
   */
  public static Map<String, String> parseRenames(
      String option, String spec, Consumer<String> warnings) {
    Map<String, String> m = new HashMap<>();
    for (String pair : RedactionSettings.csv(spec == null ? "" : spec)) {
      int eq = pair.indexOf('=');
      String from = eq < 0 ? "" : pair.substring(0, eq).strip();
      String to = eq < 0 ? "" : pair.substring(eq + 1).strip();
      if (from.isEmpty() || to.isEmpty()) {
        warnings.accept(option + ": '" + pair + "' is not from=to and was ignored");
      } else {
        m.put(from, to);
      }
    }
    return Map.copyOf(m);
  }
}
