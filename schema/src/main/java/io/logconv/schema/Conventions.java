package io.logconv.schema;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The facts of the log contract that code needs: field names, the keys an application must never
 * write, the keys the pipeline adds, the required keys, the order of fields on a line and the rule
 * for safe key names. Every other logconv module reads these from here; a test proves they agree
 * with the JSON Schemas in {@link LogSchemas}.
 *
 * <pre>{@code
 * if (Conventions.isReservedKey(key) || Conventions.isPipelineKey(key)) {
 *   key = Conventions.RENAME_PREFIX + key; // "pod_name" -> "app_pod_name"
 * }
 * }</pre>
 */
public final class Conventions {
  public static final String TS = "ts";
  public static final String LEVEL = "level";
  public static final String LOGGER = "logger";
  public static final String MSG = "msg";
  public static final String CALLER = "caller";
  public static final String ACTION = "action";
  public static final String AUDIT = "audit";
  public static final String NAMESPACE = "namespace";
  public static final String CONTROLLER_KIND = "controllerKind";
  public static final String NAME = "name";
  public static final String ERROR = "error";
  public static final String STACKTRACE = "stacktrace";
  public static final String TRACE_ID = "trace_id";
  public static final String SPAN_ID = "span_id";
  public static final String TRACE_FLAGS = "trace_flags";
  public static final String REQUEST_ID = "request_id";
  public static final String GLOBAL_REQUEST_ID = "global_request_id";

  /** API group of the resource an audit event acted upon; empty for Kubernetes' core group. */
  public static final String API_GROUP = "apiGroup";
  /** Who acted, on audit events: the keyed hash of the user or service account, never the name. */
  public static final String ACTOR = "actor";
  /** The result of the audited request, one of {@link Outcome}'s labels. */
  public static final String OUTCOME = "outcome";
  /** The status code the audited request was answered with (HTTP, gRPC). */
  public static final String STATUS_CODE = "statusCode";
  /** The {@link AuditLevel} an audit event was written at. */
  public static final String AUDIT_LEVEL = "auditLevel";
  /** The request payload of an audit event, from the {@code Request} level. */
  public static final String REQUEST_OBJECT = "requestObject";
  /** The response payload of an audit event, at the {@code RequestResponse} level. */
  public static final String RESPONSE_OBJECT = "responseObject";

  /** The logger audit events go to by default, so that a configuration can route them apart. */
  public static final String AUDIT_LOGGER = "audit";

  /**
   * Kinds whose payloads are never written, at any audit level: their data are passwords, keys and
   * configuration, as Kubernetes' audit documentation warns.
   */
  public static final List<String> PAYLOAD_FREE_KINDS = List.of(Kinds.SECRET, Kinds.CONFIG_MAP);

  /** Kubernetes kinds the contract names. */
  public static final class Kinds {
    public static final String SECRET = "Secret";
    public static final String CONFIG_MAP = "ConfigMap";

    private Kinds() {}
  }

  /** The keys every line carries, as the strict schema requires them. */
  public static final List<String> REQUIRED_KEYS = List.of(TS, LEVEL, MSG);

  /** Fields that open a line, in this order, each when present. */
  public static final List<String> LEADING_FIELDS =
      List.of(
          TS,
          LEVEL,
          LOGGER,
          MSG,
          CALLER,
          ACTION,
          AUDIT,
          NAMESPACE,
          CONTROLLER_KIND,
          NAME,
          API_GROUP,
          ACTOR,
          OUTCOME,
          STATUS_CODE,
          AUDIT_LEVEL);

  /** The payload fields of an audit event, written after the other keys when the level allows. */
  public static final List<String> PAYLOAD_FIELDS = List.of(REQUEST_OBJECT, RESPONSE_OBJECT);

  /** Fields that close a line, in this order, after all other keys. */
  public static final List<String> TRAILING_FIELDS = List.of(ERROR, STACKTRACE);

  /**
   * The ADR's list of automatically added fields, verbatim and in its order. It includes {@code
   * level}, which the ADR also requires; see {@link #RESERVED_KEYS} for the list logconv enforces.
   */
  public static final List<String> ADR_RESERVED_KEYS =
      List.of(
          "namespace_name",
          "container_name",
          "pod_name",
          "container_image",
          "pod_ip",
          "host",
          "hostname",
          "namespace_labels",
          "message",
          LEVEL,
          "time");

  /**
   * Collector-reserved keys: fluentd and Fluent Bit add them, so the application must never write
   * them. The ADR's list without {@code level}.
   */
  public static final Set<String> RESERVED_KEYS =
      ADR_RESERVED_KEYS.stream()
          .filter(k -> !k.equals(LEVEL))
          .collect(Collectors.toUnmodifiableSet());

  /**
   * Keys the pipeline adds or reads beyond the ADR's list: the CRI and Docker parsers, Fluent Bit's
   * kubernetes filter, OpenShift ViaQ, korrel8r and Loki. The SDK treats them like reserved keys;
   * the validator reports them as warnings.
   */
  public static final Set<String> PIPELINE_KEYS =
      Set.of(
          "log",
          "stream",
          "logtag",
          "_p",
          "kubernetes",
          "kubernetes_namespace",
          "docker",
          "@timestamp",
          "timestamp",
          "log_type",
          "log_source",
          "structured",
          "body",
          "observed_timestamp",
          "_timestamp",
          "detected_level",
          "service_name",
          "__error__");

  /** Prefix the SDK puts before a reserved key, or a contract-breaking value's key, it renames. */
  public static final String RENAME_PREFIX = "app_";

  /**
   * Key names safe under korrel8r's {@code logSafeLabel}, LogQL's {@code | json} and Fluent Bit's
   * Loki output, as a regular expression (without anchors).
   */
  public static final String KEY_PATTERN = "[A-Za-z_][A-Za-z0-9_]*";

  /** The {@code ts} format: UTC ISO-8601 with milliseconds and {@code Z} (without anchors). */
  public static final String TS_PATTERN =
      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z";

  /**
   * Longest line, in bytes including the newline, that containerd and Docker pass on whole; longer
   * lines are split into partial records, which breaks JSON downstream.
   */
  public static final int DEFAULT_MAX_LINE_BYTES = 16384;

  private Conventions() {}

  /** True if {@code key} is one of the collector-reserved {@link #RESERVED_KEYS}. */
  public static boolean isReservedKey(String key) {
    return key != null && RESERVED_KEYS.contains(key);
  }

  /** True if {@code key} is one of the {@link #PIPELINE_KEYS}. */
  public static boolean isPipelineKey(String key) {
    return key != null && PIPELINE_KEYS.contains(key);
  }

  /**
   * True if {@code key} matches {@link #KEY_PATTERN}. Allocation-free, for the hot path.
   */
  public static boolean isSafeKey(CharSequence key) {
    if (key == null) {
      return false;
    }
    int n = key.length();
    if (n == 0) {
      return false;
    }
    char c = key.charAt(0);
    if (!(isLetter(c) || c == '_')) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      c = key.charAt(i);
      if (!(isLetter(c) || c == '_' || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * True if the payloads of a resource of kind {@code kind} are never written: one of {@link
   * #PAYLOAD_FREE_KINDS}, in any case and also as Kubernetes' plural resource name ({@code
   * secrets}, {@code configmaps}), whatever API group it is in. Allocation-free.
   */
  public static boolean isPayloadFreeKind(CharSequence kind) {
    return payloadFreeKind(kind) != null;
  }

  /**
   * The entry of {@link #PAYLOAD_FREE_KINDS} that {@code kind} names ({@code secrets} and {@code
   * SECRET} give {@code "Secret"}), as {@link #isPayloadFreeKind} matches it, or {@code null}.
   * Allocation-free.
   */
  public static String payloadFreeKind(CharSequence kind) {
    if (kind == null) {
      return null;
    }
    for (int i = 0; i < PAYLOAD_FREE_KINDS.size(); i++) {
      String k = PAYLOAD_FREE_KINDS.get(i);
      if (namesKind(kind, k)) {
        return k;
      }
    }
    return null;
  }

  /**
   * True if {@code kind} names the kind {@code k}: equal to it ignoring case, or to its plural
   * resource name with a trailing {@code s} ({@code configmaps} names {@code ConfigMap}).
   * Allocation-free.
   */
  public static boolean namesKind(CharSequence kind, String k) {
    int n = kind.length();
    if (n == k.length() + 1 && (kind.charAt(n - 1) == 's' || kind.charAt(n - 1) == 'S')) {
      n--;
    }
    if (n != k.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char x = kind.charAt(i);
      char y = k.charAt(i);
      if (x != y && Character.toLowerCase(x) != Character.toLowerCase(y)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
