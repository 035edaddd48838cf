package io.logconv.lint.rules;

import io.logconv.core.KeyPolicy;
import io.logconv.core.StatusListener;
import io.logconv.core.redact.KeyRules;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.source.KeyValue;
import io.logconv.lint.source.LogEvent;
import io.logconv.lint.source.LoggingModel;

/**
 * What the SDK does at run time with what a logging call hands it, asked of sdk-core itself so that
 * the linter and the writer cannot disagree: which keys its key rules cover (a secret's value is
 * replaced, personal data is hashed), whether its Logback encoder sees a key/value site as a key at
 * all, and whether a message template names a secret at a placeholder (the writer then hides the
 * argument whole). The SDK meant is the one as shipped: {@link SecretRedactor#defaults()} behind
 * {@code ConventionsEncoder}, which reads SLF4J events (message and arguments, MDC, SLF4J 2
 * key/value pairs). A rule reports what the SDK makes safe in any case as a note, and the rest at
 * its own severity.
 *
 * <pre>{@code
 * SdkRedaction.classify("db_password");    // SECRET
 * SdkRedaction.classify("given_name");     // PII
 * SdkRedaction.classify("passwordPolicy"); // NONE
 * }</pre>
 */
final class SdkRedaction {
  private static final SecretRedactor REDACTOR = SecretRedactor.defaults();

  /** The writer's own key repair, so that a key is judged as the line carries it. */
  private static final KeyPolicy KEYS = new KeyPolicy(false, StatusListener.IGNORE);

  private static final String SLF4J_MDC = "org.slf4j.MDC";

  private SdkRedaction() {}

  /** What the SDK's key rules make of a value logged under {@code key}. */
  static KeyRules.Kind classify(String key) {
    return KeyRules.classify(KEYS.effectiveKey(key));
  }

  /**
   * The type a key rule reports for {@code key} ({@code password}, {@code session_id}, {@code
   * person_name}), or null when none covers it.
   */
  static String type(String key) {
    return REDACTOR.sensitiveKeyType(KEYS.effectiveKey(key));
  }

  /**
   * The type of the secret key rule covering a Java identifier's name ({@code dbPassword}, {@code
   * getAccessToken}), or null: the same rules, applied to a name that is no key.
   */
  /** The detector types of personal data (and network addresses), which LC007 reports. */
  private static final java.util.Set<String> PERSONAL_DATA_TYPES = personalDataTypes();

  /** sdk-core's value detectors, as the writer runs them. */
  static java.util.function.BiConsumer<CharSequence, io.logconv.core.redact.MatchSink> scanner() {
    return REDACTOR::scan;
  }

  /** True if the detector type {@code type} is personal data rather than a secret. */
  static boolean isPersonalDataType(String type) {
    return PERSONAL_DATA_TYPES.contains(type);
  }

  private static java.util.Set<String> personalDataTypes() {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (io.logconv.core.redact.DetectorRule r : io.logconv.core.redact.DetectorTable.RULES) {
      if (r.family() == io.logconv.core.redact.DetectorRule.Family.PERSONAL_DATA
          || r.family() == io.logconv.core.redact.DetectorRule.Family.NETWORK) {
        out.add(r.type());
      }
    }
    return java.util.Set.copyOf(out);
  }

  static String secretTypeOfName(String name) {
    String type = REDACTOR.sensitiveKeyType(name);
    return type == null || REDACTOR.isPiiKey(name) ? null : type;
  }

  /**
   * Null if the SDK encoder writes the pair of {@code kv} as a field under its key, so that the key
   * rules apply to it; otherwise why not, as a phrase that follows "because".
   */
  static String whyNotByKey(KeyValue kv, LoggingModel model) {
    return switch (kv.kind()) {
      // Only SLF4J 2's builder has addKeyValue; ConventionsEncoder writes its pairs as fields.
      case EVENT -> null;
      case MDC ->
          kv.site().getScope().map(s -> SLF4J_MDC.equals(model.resolveType(s.toString()))).orElse(false)
              ? null
              : "no SDK encoder reads Log4j2's ThreadContext";
      case STRUCTURED_ARGUMENT ->
          "a logstash structured argument is no key/value pair to the SDK encoder (it only"
              + " becomes text where a {} takes it)";
      case MARKER -> "the SDK encoder does not write logstash markers";
    };
  }

  /**
   * True if the SDK writer hides argument {@code index} of {@code event} whole, whatever it holds,
   * because the template {@code format} names a secret just before the placeholder that argument
   * fills ({@code "token {}"}, {@code "password: {}"}). Only SLF4J events reach the SDK encoder.
   */
  static boolean hidesArgument(LogEvent event, String format, int index) {
    if (event.api() != LoggingModel.Api.SLF4J || format == null) {
      return false;
    }
    int[] at = PlaceholderCountRule.placeholderPositions(format);
    return index < at.length && REDACTOR.namesSecret(format, at[index]);
  }
}
