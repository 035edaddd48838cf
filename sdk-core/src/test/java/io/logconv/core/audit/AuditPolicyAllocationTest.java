package io.logconv.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.Allocations;
import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import org.junit.jupiter.api.Test;

/** The policy's hot-path calls allocate nothing once the JIT is done. */
class AuditPolicyAllocationTest {
  private static final AuditPolicy POLICY =
      AuditPolicy.parse(
          """
          omitPayloadKinds: [SealedSecret, ExternalSecret]
          rules:
            - level: None
              actions: [VIEW]
              actors: ["system:serviceaccount:kube-system:*", jane]
            - level: RequestResponse
              namespaces: [payments, ""]
              resources:
                - group: apps
                  kinds: [Deployment, StatefulSet]
                  names: [checkout]
            - level: Request
              resources:
                - group: ""
                  kinds: ["*"]
          """,
          "alloc.yaml");

  // Arguments are created once, as the writer's would be before the call.
  private static final StringBuilder GROUP = new StringBuilder("apps");
  private static final StringBuilder KIND = new StringBuilder("Deployment");
  private static final StringBuilder NAMESPACE = new StringBuilder("payments");
  private static final StringBuilder NAME = new StringBuilder("checkout");
  private static final StringBuilder ACTOR =
      new StringBuilder("system:serviceaccount:kube-system:x");
  private static final StringBuilder PLURAL = new StringBuilder("sealedsecrets");

  /** Keeps results alive so that the JIT cannot drop the calls. */
  private final int[] sink = new int[1];

  @Test
  void levelForAllocatesNothing() {
    // The events reach each rule and the fallback, with Strings, StringBuilders and nulls.
    assertThat(
            POLICY.levelFor(
                "apps", "Deployment", "payments", "checkout", Action.UPDATE, "joe", null))
        .isEqualTo(AuditLevel.REQUEST_RESPONSE);
    assertThat(POLICY.levelFor(GROUP, KIND, NAMESPACE, NAME, Action.VIEW, ACTOR, null))
        .isEqualTo(AuditLevel.NONE);
    assertThat(POLICY.levelFor(null, "Pod", "default", "p", Action.ADD, "joe", null))
        .isEqualTo(AuditLevel.REQUEST);
    assertThat(POLICY.levelFor("batch", "Job", null, null, null, null, AuditLevel.METADATA))
        .isEqualTo(AuditLevel.METADATA);
    Runnable r =
        () -> {
          int n = 0;
          n +=
              POLICY
                  .levelFor(
                      "apps", "Deployment", "payments", "checkout", Action.UPDATE, "joe", null)
                  .label()
                  .length();
          n +=
              POLICY
                  .levelFor(GROUP, KIND, NAMESPACE, NAME, Action.VIEW, ACTOR, null)
                  .label()
                  .length();
          n +=
              POLICY
                  .levelFor(null, "Pod", "default", "p", Action.ADD, "joe", null)
                  .label()
                  .length();
          n +=
              POLICY
                  .levelFor(GROUP, KIND, null, null, null, null, AuditLevel.METADATA)
                  .label()
                  .length();
          n += POLICY.levelFor(null, null, null, null, null, null, null).label().length();
          sink[0] += n;
        };
    assertThat(Allocations.steadyStateBytes(r)).as("bytes allocated by 10,000 runs").isZero();
  }

  @Test
  void omitsPayloadOfAndOmissionReasonAllocateNothing() {
    assertThat(POLICY.omissionReason("secrets")).isEqualTo("Secret");
    assertThat(POLICY.omissionReason(PLURAL)).isEqualTo("SealedSecret");
    assertThat(POLICY.omissionReason(KIND)).isNull();
    Runnable r =
        () -> {
          int n = 0;
          n += POLICY.omitsPayloadOf("secrets") ? 1 : 0;
          n += POLICY.omitsPayloadOf(PLURAL) ? 1 : 0;
          n += POLICY.omitsPayloadOf(KIND) ? 1 : 0;
          n += POLICY.omitsPayloadOf(null) ? 1 : 0;
          n += POLICY.omissionReason("ConfigMap").length();
          n += POLICY.omissionReason(PLURAL).length();
          n += POLICY.omissionReason(KIND) == null ? 1 : 0;
          sink[0] += n;
        };
    assertThat(Allocations.steadyStateBytes(r)).as("bytes allocated by 10,000 runs").isZero();
  }
}
