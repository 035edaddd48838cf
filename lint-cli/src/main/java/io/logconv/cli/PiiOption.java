package io.logconv.cli;

import io.logconv.core.redact.SecretRedactor;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The {@code --pii} option that {@code logconv redact} and {@code logconv validate} share: kinds of
 * personal data that sdk-core's redactor leaves alone by default, turned on for this run, so that
 * {@code redact} hides them and {@code validate} reports them as the SDK with the same option
 * would. {@code network}: IPv4, IPv6 and MAC addresses ({@link
 * SecretRedactor.Builder#networkAddresses}).
 *
 * <pre>{@code
 * logconv redact --pii network app.log > app-redacted.log
 * logconv validate --pii network app.log
 * }</pre>
 */
final class PiiOption {
  /** The value that turns on sdk-core's network address detectors. */
  static final String NETWORK = "network";

  @Option(
      names = "--pii",
      paramLabel = "KINDS",
      split = ",",
      description =
          "Personal data the SDK keeps by default, to hide (redact) or report (validate) too:"
              + " network (IPv4, IPv6 and MAC addresses).")
  List<String> kinds;

  /** True if the option named any kind. */
  boolean any() {
    return kinds != null && !kinds.isEmpty();
  }

  /**
   * Turns the named kinds on in {@code redactor} and returns it.
   *
   * @throws IllegalArgumentException naming an unknown kind
   */
  SecretRedactor.Builder applyTo(SecretRedactor.Builder redactor) {
    if (kinds == null) {
      return redactor;
    }
    for (String kind : kinds) {
      String k = kind.strip().toLowerCase(Locale.ROOT);
      if (!k.equals(NETWORK)) {
        throw new IllegalArgumentException("unknown --pii kind '" + kind + "': use " + NETWORK);
      }
      redactor.networkAddresses(true);
    }
    return redactor;
  }
}
