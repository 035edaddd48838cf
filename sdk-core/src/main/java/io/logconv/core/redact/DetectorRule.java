package io.logconv.core.redact;

/**
 * One row of {@link DetectorTable}: a rule id, the type it writes ({@code [REDACTED:<type>]}), its
 * family, the detector that finds it, and what the README says of it. The true and false examples
 * of each rule live with the tests ({@code src/test/resources/redact/examples.txt}), so that the
 * library ships no strings that look like credentials.
 */
public final class DetectorRule {
  /** The families the README and the labelled corpus group rules by. */
  public enum Family {
    KEYS_AND_AUTH("private keys, URLs, HTTP authentication"),
    CLOUD("cloud and infrastructure"),
    VCS_AND_REGISTRIES("source control, CI and package registries"),
    SAAS_AND_AI("SaaS and AI"),
    OBSERVABILITY("observability"),
    PAYMENT("payment"),
    MESSAGING("messaging and e-mail"),
    KEY_RULES("secrets named by a key or a word"),
    PERSONAL_DATA("personal data"),
    NETWORK("network addresses (opt-in)");

    private final String label;

    Family(String label) {
      this.label = label;
    }

    /** The family as the README names it. */
    public String label() {
      return label;
    }
  }

  private final String id;
  private final String type;
  private final Family family;
  private final ValueDetector detector;
  private final String matches;
  private final String prefilter;
  private final String kept;
  private final String replacement;

  DetectorRule(
      String id,
      String type,
      Family family,
      ValueDetector detector,
      String matches,
      String prefilter,
      String kept,
      String replacement) {
    this.id = id;
    this.type = type;
    this.family = family;
    this.detector = detector;
    this.matches = matches;
    this.prefilter = prefilter;
    this.kept = kept;
    this.replacement = replacement;
  }

  /** The rule's id, in kebab case ({@code openai-api-key}); unique in the table. */
  public String id() {
    return id;
  }

  /**
   * The type the rule writes, as in {@code [REDACTED:<type>]}, and the name {@code
   * SecretRedactor.Builder#disable} takes; several rules may share one (every GitHub format is
   * {@code github_token}). For the rules driven by key rules, the description of their types.
   */
  public String type() {
    return type;
  }

  /** The rule's family. */
  public Family family() {
    return family;
  }

  /**
   * The detector, or null for the two rules that {@link SecretRedactor} builds from its key rules
   * (key/value pairs, secrets named by a word).
   */
  public ValueDetector detector() {
    return detector;
  }

  /** True if the rule is off unless turned on ({@link SecretRedactor.Builder#networkAddresses}). */
  public boolean optIn() {
    return family == Family.NETWORK;
  }

  /** What the rule matches, as the README says. */
  public String matches() {
    return matches;
  }

  /** Where the scan asks the rule at all, as the README says. */
  public String prefilter() {
    return prefilter;
  }

  /** Look-alikes the rule keeps, as the README says. */
  public String kept() {
    return kept;
  }

  /** What replaces a match, as the README says. */
  public String replacement() {
    return replacement;
  }

  @Override
  public String toString() {
    return id + " (" + type + ")";
  }
}
