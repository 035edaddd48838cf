package io.logconv.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order rules are tried in, the fallback levels, the payload-free kinds and the cap. */
class AuditPolicyTest {
  private static final AuditPolicy POLICY =
      AuditPolicy.builder()
          .rule(
              AuditRule.parse(
                  "level=None; actions=VIEW; actors=system:serviceaccount:kube-system:*"))
          .rule(AuditRule.parse("level=RequestResponse; namespaces=payments"))
          .rule(AuditRule.parse("level=Request; namespaces=payments,billing"))
          .build();

  @Test
  void theDefaultPolicyHasNoRulesLevelMetadataCap4096AndTheBuiltInKinds() {
    AuditPolicy d = AuditPolicy.DEFAULT;
    assertThat(d.rules()).isEmpty();
    assertThat(d.defaultLevel()).isEqualTo(AuditLevel.METADATA);
    assertThat(d.payloadLimitBytes()).isEqualTo(4096);
    assertThat(d.omitPayloadKinds()).isEmpty();
    assertThat(d.levelFor(null, null, null, null, null, null, null)).isEqualTo(AuditLevel.METADATA);
    assertThat(d.levelFor("apps", "Deployment", "ns", "n", Action.ADD, "jane", AuditLevel.REQUEST))
        .isEqualTo(AuditLevel.REQUEST);
    assertThat(d.omissionReason("Secret")).isEqualTo("Secret");
    assertThat(d.omissionReason("configmaps")).isEqualTo("ConfigMap");
    assertThat(d.omitsPayloadOf("Deployment")).isFalse();
    assertThat(d)
        .hasToString(
            "AuditPolicy[defaultLevel=Metadata, payloadLimitBytes=4096, omitPayloadKinds=[],"
                + " rules=[]]");
  }

  @Test
  void theFirstMatchingRuleWinsEvenOverALaterMoreSpecificOne() {
    // payments matches rules 2 and 3; rule 2 comes first.
    assertThat(POLICY.levelFor("apps", "Deployment", "payments", "x", Action.UPDATE, "jane", null))
        .isEqualTo(AuditLevel.REQUEST_RESPONSE);
    assertThat(POLICY.levelFor("apps", "Deployment", "billing", "x", Action.UPDATE, "jane", null))
        .isEqualTo(AuditLevel.REQUEST);
    // Rule 1 comes before rule 2, so a kube-system service account viewing payments is not audited.
    assertThat(
            POLICY.levelFor(
                "apps",
                "Deployment",
                "payments",
                "x",
                Action.VIEW,
                "system:serviceaccount:kube-system:coredns",
                null))
        .isEqualTo(AuditLevel.NONE);
    // The same event from another actor goes on to rule 2.
    assertThat(
            POLICY.levelFor(
                "apps",
                "Deployment",
                "payments",
                "x",
                Action.VIEW,
                "system:serviceaccount:default:app",
                null))
        .isEqualTo(AuditLevel.REQUEST_RESPONSE);
  }

  @Test
  void aMatchingRuleOverridesTheRequestedLevel() {
    assertThat(POLICY.levelFor(null, null, "payments", null, Action.ADD, null, AuditLevel.METADATA))
        .isEqualTo(AuditLevel.REQUEST_RESPONSE);
  }

  @Test
  void whenNoRuleMatchesTheRequestedLevelElseTheDefaultLevel() {
    assertThat(
            POLICY.levelFor(null, "Pod", "default", null, Action.ADD, "jane", AuditLevel.REQUEST))
        .isEqualTo(AuditLevel.REQUEST);
    assertThat(POLICY.levelFor(null, "Pod", "default", null, Action.ADD, "jane", AuditLevel.NONE))
        .isEqualTo(AuditLevel.NONE);
    assertThat(POLICY.levelFor(null, "Pod", "default", null, Action.ADD, "jane", null))
        .isEqualTo(AuditLevel.METADATA);
    AuditPolicy quiet = AuditPolicy.builder().defaultLevel(AuditLevel.NONE).build();
    assertThat(quiet.levelFor(null, "Pod", "default", null, Action.ADD, "jane", null))
        .isEqualTo(AuditLevel.NONE);
    assertThat(quiet.defaultLevel()).isEqualTo(AuditLevel.NONE);
  }

  @Test
  void allArgumentsNullIsAnEventWithNoFields() {
    AuditPolicy p =
        AuditPolicy.builder()
            .rule(AuditRule.parse("level=None; actions=VIEW"))
            .rule(AuditRule.parse("level=Request; actors=*"))
            .rule(AuditRule.parse("level=RequestResponse; namespaces="))
            .build();
    assertThat(p.levelFor(null, null, null, null, null, null, null))
        .isEqualTo(AuditLevel.REQUEST_RESPONSE);
  }

  @Test
  void rulesAreKeptInOrder() {
    assertThat(POLICY.rules())
        .extracting(AuditRule::level)
        .containsExactly(AuditLevel.NONE, AuditLevel.REQUEST_RESPONSE, AuditLevel.REQUEST);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "null",
      value = {
        "Secret, Secret",
        "secret, Secret",
        "SECRETS, Secret",
        "secrets, Secret",
        "ConfigMap, ConfigMap",
        "configmaps, ConfigMap",
        "SealedSecret, SealedSecret",
        "sealedsecrets, SealedSecret",
        "SEALEDSECRET, SealedSecret",
        "externalSecret, ExternalSecret",
        "Deployment, null",
        "Secretss, null",
        "Secre, null",
        "SealedSecretx, null",
        "'', null",
        "null, null",
      })
  @SuppressWarnings("UnnecessaryStringBuilder") // the point: a CharSequence that is not a String
  void payloadFreeKindsAreTheBuiltInOnesAndTheAddedOnesInAnyCaseAndPlural(
      String kind, String reason) {
    AuditPolicy p =
        AuditPolicy.builder()
            .omitPayloadKind("SealedSecret")
            .omitPayloadKind("ExternalSecret")
            .build();
    assertThat(p.omissionReason(kind)).isEqualTo(reason);
    assertThat(p.omitsPayloadOf(kind)).isEqualTo(reason != null);
    if (kind != null) {
      assertThat(p.omissionReason(new StringBuilder(kind))).isEqualTo(reason);
    }
  }

  @Test
  void theBuiltInKindsStayWhateverIsAddedAndAreNotAddedTwice() {
    AuditPolicy p =
        AuditPolicy.builder()
            .omitPayloadKind("secrets")
            .omitPayloadKind("ConfigMap")
            .omitPayloadKind(" SealedSecret ")
            .omitPayloadKind("sealedsecrets")
            .build();
    assertThat(p.omitPayloadKinds()).containsExactly("SealedSecret");
    assertThat(p.omissionReason("secrets")).isEqualTo("Secret");
    assertThat(p.omissionReason("ConfigMaps")).isEqualTo("ConfigMap");
    assertThat(p.omissionReason("sealedsecret")).isEqualTo("SealedSecret");
  }

  @Test
  void anEmptyPayloadFreeKindIsRejected() {
    AuditPolicy.Builder b = AuditPolicy.builder();
    assertThatThrownBy(() -> b.omitPayloadKind(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a payload-free kind must not be empty");
    assertThatThrownBy(() -> b.omitPayloadKind(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a payload-free kind must not be empty");
  }

  @Test
  void thePayloadCapIsAtLeast64() {
    assertThat(AuditPolicy.builder().payloadLimitBytes(64).build().payloadLimitBytes())
        .isEqualTo(64);
    assertThat(AuditPolicy.builder().payloadLimitBytes(100_000).build().payloadLimitBytes())
        .isEqualTo(100_000);
    assertThatThrownBy(() -> AuditPolicy.builder().payloadLimitBytes(63))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "payloadLimitBytes 63 is less than 64, the least that holds an omission marker");
    assertThatThrownBy(() -> AuditPolicy.builder().payloadLimitBytes(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "payloadLimitBytes -1 is less than 64, the least that holds an omission marker");
  }

  @Test
  void aNullRuleOrLevelIsRejected() {
    assertThatThrownBy(() -> AuditPolicy.builder().rule(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("rule");
    assertThatThrownBy(() -> AuditPolicy.builder().defaultLevel(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("the default level");
  }
}
