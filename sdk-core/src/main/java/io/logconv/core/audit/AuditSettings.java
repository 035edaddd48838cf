package io.logconv.core.audit;

import io.logconv.schema.AuditLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The audit options an adapter's configuration gives (a {@code logback.xml} encoder, a Log4j2
 * layout, Spring Boot properties), turned into one {@link AuditPolicy}: either a policy file, or
 * rules and a default level written in the configuration itself. A bad option is reported, and the
 * policy falls back to {@link #FALLBACK}, every audit event at {@code Metadata} whatever level it
 * asks for: a mistake in the policy writes no payload, and loses no event.
 *
 * <pre>{@code
 * AuditSettings s = new AuditSettings();
 * s.addRule("level=None; actions=VIEW; actors=system:serviceaccount:*");
 * s.defaultLevel("Metadata");
 * AuditPolicy p = s.build(problem -> System.err.println(problem));
 * }</pre>
 */
public final class AuditSettings {
  /** The policy of a configuration whose audit options are not valid: everything at Metadata. */
  public static final AuditPolicy FALLBACK =
      AuditPolicy.builder().rule(AuditRule.builder().level(AuditLevel.METADATA).build()).build();

  private String policyLocation;
  private final List<String> rules = new ArrayList<>();
  private String defaultLevel;
  private int payloadLimitBytes;

  /** A policy file: {@code classpath:audit-policy.yaml} or a file path. */
  public AuditSettings policy(String location) {
    this.policyLocation = blankToNull(location);
    return this;
  }

  /** A rule in {@link AuditRule#parse} form; rules are tried in the order added. */
  public AuditSettings addRule(String spec) {
    if (blankToNull(spec) != null) {
      rules.add(spec);
    }
    return this;
  }

  /** Several rules at once, separated by {@code |}. */
  public AuditSettings rules(String specs) {
    if (specs != null) {
      for (String spec : specs.split("\\|", -1)) {
        addRule(spec);
      }
    }
    return this;
  }

  /** The level of an event no rule matches and that asks for none: a level's name. */
  public AuditSettings defaultLevel(String level) {
    this.defaultLevel = blankToNull(level);
    return this;
  }

  /** Most bytes one payload may take (0: the policy's default). */
  public AuditSettings payloadLimitBytes(int bytes) {
    this.payloadLimitBytes = bytes;
    return this;
  }

  /** True if no audit option is set, so that the default policy applies. */
  public boolean isEmpty() {
    return policyLocation == null && rules.isEmpty() && defaultLevel == null && payloadLimitBytes == 0;
  }

  /**
   * The policy these options describe; each problem goes to {@code problems} in words that name the
   * option, and the result is then {@link #FALLBACK}. Never throws.
   */
  public AuditPolicy build(Consumer<String> problems) {
    if (isEmpty()) {
      return AuditPolicy.DEFAULT;
    }
    try {
      if (policyLocation != null) {
        if (!rules.isEmpty() || defaultLevel != null || payloadLimitBytes != 0) {
          throw new AuditPolicyException(
              "give the audit policy either as a file (auditPolicy) or as auditRule, auditLevel"
                  + " and auditPayloadLimit options, not both");
        }
        return AuditPolicy.load(policyLocation);
      }
      AuditPolicy.Builder b = AuditPolicy.builder();
      for (String spec : rules) {
        b.rule(AuditRule.parse(spec));
      }
      if (defaultLevel != null) {
        AuditLevel l = AuditLevel.parse(defaultLevel.strip());
        if (l == null) {
          throw new AuditPolicyException(
              "auditLevel '" + defaultLevel + "' is not one of " + AuditRule.LEVELS);
        }
        b.defaultLevel(l);
      }
      if (payloadLimitBytes != 0) {
        b.payloadLimitBytes(payloadLimitBytes);
      }
      return b.build();
    } catch (RuntimeException e) {
      problems.accept(
          "the audit policy is not valid, so every audit event is written at Metadata, without"
              + " payloads: "
              + e.getMessage());
      return FALLBACK;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
