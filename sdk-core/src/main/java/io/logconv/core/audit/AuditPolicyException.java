package io.logconv.core.audit;

/**
 * An audit policy, or one rule of it, that cannot be read: a YAML error, an unknown key, a value
 * outside the allowed ones, or a policy file that is not there. The message names the source and,
 * for a policy text, the line, then what is wrong and what is allowed.
 *
 * <pre>{@code
 * try {
 *   AuditPolicy.parse("rules:\n  - level: Full\n", "audit-policy.yaml");
 * } catch (AuditPolicyException e) {
 *   e.getMessage(); // "audit-policy.yaml:2: level 'Full' is not one of None, Metadata, Request,
 *                   //  RequestResponse"
 *   e.line();       // 2
 * }
 * }</pre>
 */
public final class AuditPolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The source ({@code audit-policy.yaml}, {@code classpath:audit.yaml}), or null. */
  private final String source;

  /** The 1-based line in the source, or 0. */
  private final int line;

  /** An error without a line, e.g. a policy file that does not exist. */
  public AuditPolicyException(String message) {
    this(message, null, 0, null);
  }

  /** An error without a line, caused by {@code cause}, e.g. the policy file could not be read. */
  public AuditPolicyException(String message, Throwable cause) {
    this(message, null, 0, cause);
  }

  private AuditPolicyException(String message, String source, int line, Throwable cause) {
    super(message, cause);
    this.source = source;
    this.line = line;
  }

  /** An error at {@code line} of {@code source}: the message is {@code source:line: detail}. */
  static AuditPolicyException at(String source, int line, String detail) {
    return new AuditPolicyException(source + ':' + line + ": " + detail, source, line, null);
  }

  /** The source the error is in, as it was named to the parser, or null if not known. */
  public String source() {
    return source;
  }

  /** The 1-based line of the source the error is on, or 0 if the error is not on one line. */
  public int line() {
    return line;
  }
}
