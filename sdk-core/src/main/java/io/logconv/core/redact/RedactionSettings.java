package io.logconv.core.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The redaction options that a backend's configuration can set on every logconv component (the
 * Logback encoder, the Log4j2 layout, the OpenTelemetry appender, the Spring Boot starter's
 * properties), kept in one place so that they accept the same values, as text, and build the same
 * {@link Redactor}. Not thread-safe: configured, then read at start.
 *
 * <pre>{@code
 * RedactionSettings s = new RedactionSettings();
 * s.setRedactionModes("card=mask");
 * Redactor r = s.build(message -> addWarn(message));
 * }</pre>
 */
public final class RedactionSettings {
  private static final String PREFIX = "logconv: ";

  private boolean enabled = true;
  private Redactor custom;
  private String hashKey;
  private String modes = "";
  private String disabled = "";
  private String secretKeys = "";
  private String piiKeys = "";
  private boolean networkAddresses;

  /** Redact secrets and personal data (default on). */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** A redactor to use instead of the configured one (programmatic configuration). */
  public void setCustom(Redactor custom) {
    this.custom = custom;
  }

  /** Key for the keyed hashes of personal data; see {@link SecretRedactor.Builder#hashKey}. */
  public void setHashKey(String hashKey) {
    this.hashKey = hashKey;
  }

  /** Replacement per type, comma-separated {@code type=mode}, mode {@code redact|hash|mask}. */
  public void setRedactionModes(String modes) {
    this.modes = modes == null ? "" : modes;
  }

  /** Detector or key-rule types to turn off, comma-separated. */
  public void setDisabledDetectors(String types) {
    this.disabled = types == null ? "" : types;
  }

  /** More keys whose values are secrets, comma-separated. */
  public void setSecretKeys(String keys) {
    this.secretKeys = keys == null ? "" : keys;
  }

  /** More keys whose values are personal data, comma-separated. */
  public void setPiiKeys(String keys) {
    this.piiKeys = keys == null ? "" : keys;
  }

  /**
   * Also hide IP and MAC addresses (default off); see {@link
   * SecretRedactor.Builder#networkAddresses}.
   */
  public void setNetworkAddresses(boolean networkAddresses) {
    this.networkAddresses = networkAddresses;
  }

  /**
   * The redactor these settings describe: the custom one if set, {@link Redactor#NONE} if
   * redaction is off, otherwise a {@link SecretRedactor} whose warnings go to {@code warnings}
   * (without the redactor's own {@code logconv: } prefix, so that callers add theirs once).
   *
   * @throws IllegalArgumentException for a malformed mode or an unusable hash key
   */
  public Redactor build(Consumer<String> warnings) {
    if (custom != null) {
      return custom;
    }
    if (!enabled) {
      return Redactor.NONE;
    }
    SecretRedactor.Builder r = SecretRedactor.builder().warnings(m -> warnings.accept(unprefixed(m)));
    if (hashKey != null && !hashKey.isBlank()) {
      r.hashKey(hashKey);
    }
    for (String pair : csv(modes)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "redactionModes: '" + pair + "' is not type=mode (redact, hash or mask)");
      }
      String mode = pair.substring(eq + 1).strip().toUpperCase(Locale.ROOT);
      try {
        r.mode(pair.substring(0, eq).strip(), RedactionMode.valueOf(mode));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "redactionModes: '" + pair + "': the mode must be redact, hash or mask", e);
      }
    }
    List<String> off = csv(disabled);
    if (!off.isEmpty()) {
      r.disable(off.toArray(new String[0]));
    }
    csv(secretKeys).forEach(r::secretKey);
    csv(piiKeys).forEach(r::piiKey);
    r.networkAddresses(networkAddresses);
    return r.build();
  }

  private static String unprefixed(String message) {
    return message.startsWith(PREFIX) ? message.substring(PREFIX.length()) : message;
  }

  /** The non-blank parts of a comma-separated list, stripped. */
  public static List<String> csv(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start <= s.length()) {
      int comma = s.indexOf(',', start);
      int end = comma < 0 ? s.length() : comma;
      String part = s.substring(start, end).strip();
      if (!part.isEmpty()) {
        out.add(part);
      }
      start = end + 1;
    }
    return out;
  }
}
