package io.logconv.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each condition of a rule, its absence, and the one-line form. */
class AuditRuleTest {
  private static AuditRule.Builder none() {
    return AuditRule.builder().level(AuditLevel.NONE);
  }

  private static boolean matches(
      AuditRule r, String group, String kind, String ns, String name, Action a, String actor) {
    return r.matches(group, kind, ns, name, a, actor);
  }

  @Test
  void aRuleWithNoConditionsMatchesEveryEventEvenOneWithNoFields() {
    AuditRule r = none().build();
    assertThat(r.level()).isEqualTo(AuditLevel.NONE);
    assertThat(matches(r, null, null, null, null, null, null)).isTrue();
    assertThat(matches(r, "apps", "Deployment", "ns", "n", Action.ADD, "jane")).isTrue();
  }

  @Test
  void aRuleNeedsALevel() {
    assertThatThrownBy(() -> AuditRule.builder().actions(Action.VIEW).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a rule needs a level");
  }

  @Test
  void actionsMatchTheStatedActionsOnlyAndNeverAnEventWithoutAction() {
    AuditRule r = none().actions(Action.VIEW, Action.DELETE).build();
    assertThat(matches(r, null, null, null, null, Action.VIEW, null)).isTrue();
    assertThat(matches(r, null, null, null, null, Action.DELETE, null)).isTrue();
    assertThat(matches(r, null, null, null, null, Action.UPDATE, null)).isFalse();
    assertThat(matches(r, null, null, null, null, Action.ADD, null)).isFalse();
    assertThat(matches(r, null, null, null, null, null, null)).isFalse();
  }

  @Test
  void actionCallsAddUp() {
    AuditRule r = none().actions(Action.VIEW).actions(Action.DELETE).build();
    assertThat(matches(r, null, null, null, null, Action.VIEW, null)).isTrue();
    assertThat(matches(r, null, null, null, null, Action.DELETE, null)).isTrue();
    assertThat(matches(r, null, null, null, null, Action.ADD, null)).isFalse();
  }

  @ParameterizedTest(name = "group {0}, kind {1}, name {2}: {3}")
  @CsvSource(
      nullValues = "null",
      value = {
        "apps, Deployment, checkout, true",
        "apps, StatefulSet, checkout, true",
        "apps, Deployment, billing, false",
        "apps, Deployment, null, false",
        "apps, DaemonSet, checkout, false",
        "apps, null, checkout, false",
        "batch, Deployment, checkout, false",
        "'', Deployment, checkout, false",
        "null, Deployment, checkout, false",
      })
  void aResourceMatcherNeedsItsGroupAKindAndAName(
      String group, String kind, String name, boolean expected) {
    AuditRule r =
        none().resource("apps", List.of("Deployment", "StatefulSet"), List.of("checkout")).build();
    assertThat(matches(r, group, kind, "ns", name, Action.UPDATE, "jane")).isEqualTo(expected);
  }

  @Test
  void theCoreGroupIsTheEmptyStringAndAnEventWithoutGroupIsInIt() {
    AuditRule core = none().resource("", "Pod").build();
    assertThat(matches(core, "", "Pod", null, null, null, null)).isTrue();
    assertThat(matches(core, null, "Pod", null, null, null, null)).isTrue();
    assertThat(matches(core, "apps", "Pod", null, null, null, null)).isFalse();
  }

  @Test
  void aNullGroupIsAnyGroup() {
    AuditRule any = none().resource(null, "Pod").build();
    assertThat(matches(any, "", "Pod", null, null, null, null)).isTrue();
    assertThat(matches(any, null, "Pod", null, null, null, null)).isTrue();
    assertThat(matches(any, "metrics.k8s.io", "Pod", null, null, null, null)).isTrue();
    assertThat(matches(any, "metrics.k8s.io", "Node", null, null, null, null)).isFalse();
  }

  @Test
  void kindsAreExactAndStarOrNoneIsAnyKindEvenNone() {
    AuditRule exact = none().resource("apps", "Deployment").build();
    assertThat(matches(exact, "apps", "deployment", null, null, null, null)).isFalse();
    assertThat(matches(exact, "apps", "Deployments", null, null, null, null)).isFalse();
    for (AuditRule any :
        List.of(
            none().resource("apps", "*").build(),
            none().resource("apps").build(),
            none().resource("apps", null, null).build())) {
      assertThat(matches(any, "apps", "Deployment", null, null, null, null))
          .as(any.toString())
          .isTrue();
      assertThat(matches(any, "apps", null, null, null, null, null)).as(any.toString()).isTrue();
      assertThat(matches(any, "batch", "Job", null, null, null, null)).as(any.toString()).isFalse();
    }
  }

  @Test
  void resourcesMatchWhenAnyMatcherMatches() {
    AuditRule r = none().resource("apps", "Deployment").resource("", "Secret").build();
    assertThat(matches(r, "apps", "Deployment", null, null, null, null)).isTrue();
    assertThat(matches(r, null, "Secret", null, null, null, null)).isTrue();
    assertThat(matches(r, "apps", "Secret", null, null, null, null)).isFalse();
    assertThat(matches(r, "", "Deployment", null, null, null, null)).isFalse();
  }

  @Test
  void namespacesAreExactAndTheEmptyOneIsNoNamespace() {
    AuditRule r = none().namespaces("kube-system", "").build();
    assertThat(matches(r, null, null, "kube-system", null, null, null)).isTrue();
    assertThat(matches(r, null, null, null, null, null, null)).isTrue();
    assertThat(matches(r, null, null, "", null, null, null)).isTrue();
    assertThat(matches(r, null, null, "kube-public", null, null, null)).isFalse();
    assertThat(matches(r, null, null, "Kube-System", null, null, null)).isFalse();

    AuditRule named = none().namespaces("payments").build();
    assertThat(matches(named, null, null, null, null, null, null)).isFalse();
    assertThat(matches(named, null, null, "payments", null, null, null)).isTrue();
  }

  @Test
  void actorsAreExactOrAPrefixEndingInStarAndNeverMatchNoActor() {
    AuditRule r = none().actors("system:serviceaccount:kube-system:*", "jane").build();
    assertThat(
            matches(r, null, null, null, null, null, "system:serviceaccount:kube-system:coredns"))
        .isTrue();
    assertThat(matches(r, null, null, null, null, null, "system:serviceaccount:kube-system:"))
        .isTrue();
    assertThat(matches(r, null, null, null, null, null, "system:serviceaccount:default:app"))
        .isFalse();
    assertThat(matches(r, null, null, null, null, null, "system:serviceaccount:kube-system"))
        .isFalse();
    assertThat(matches(r, null, null, null, null, null, "jane")).isTrue();
    assertThat(matches(r, null, null, null, null, null, "janet")).isFalse();
    assertThat(matches(r, null, null, null, null, null, null)).isFalse();

    AuditRule anyone = none().actors("*").build();
    assertThat(matches(anyone, null, null, null, null, null, "")).isTrue();
    assertThat(matches(anyone, null, null, null, null, null, "x")).isTrue();
    assertThat(matches(anyone, null, null, null, null, null, null)).isFalse();
  }

  @Test
  @SuppressWarnings("UnnecessaryStringBuilder") // the point: CharSequences that are not Strings
  void argumentsMayBeAnyCharSequence() {
    AuditRule r =
        none()
            .resource("apps", List.of("Deployment"), List.of("checkout"))
            .namespaces("payments")
            .actors("system:*")
            .build();
    assertThat(
            r.matches(
                new StringBuilder("apps"),
                new StringBuilder("Deployment"),
                new StringBuilder("payments"),
                new StringBuilder("checkout"),
                Action.VIEW,
                new StringBuilder("system:kube-scheduler")))
        .isTrue();
    assertThat(r.matches("apps", "Deployment", "payments", "checkout", Action.VIEW, "jane"))
        .isFalse();
  }

  @Test
  void everyStatedConditionMustMatch() {
    AuditRule r =
        none()
            .actions(Action.UPDATE)
            .resource("apps", "Deployment")
            .namespaces("payments")
            .actors("jane")
            .build();
    assertThat(matches(r, "apps", "Deployment", "payments", null, Action.UPDATE, "jane")).isTrue();
    assertThat(matches(r, "apps", "Deployment", "payments", null, Action.VIEW, "jane")).isFalse();
    assertThat(matches(r, "batch", "Deployment", "payments", null, Action.UPDATE, "jane"))
        .isFalse();
    assertThat(matches(r, "apps", "Deployment", "billing", null, Action.UPDATE, "jane")).isFalse();
    assertThat(matches(r, "apps", "Deployment", "payments", null, Action.UPDATE, "joe")).isFalse();
  }

  @Test
  void theBuilderRejectsEmptyKindsNamesAndActorPatternsWithAStarInside() {
    assertThatThrownBy(() -> none().resource("apps", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a kind must not be empty");
    assertThatThrownBy(() -> none().resource("apps", List.of("Pod"), List.of("")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a name must not be empty");
    assertThatThrownBy(() -> none().actors(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an actor pattern must not be empty");
    assertThatThrownBy(() -> none().actors("system:*:admin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("actor pattern 'system:*:admin' may have '*' only at its end, for a prefix");
  }

  @Test
  void nullsAreRejectedByName() {
    assertThatThrownBy(() -> none().actions(Action.VIEW, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("an action");
    assertThatThrownBy(() -> none().namespaces("a", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("a namespace");
    assertThatThrownBy(() -> AuditRule.builder().level(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("a rule's level");
    assertThatThrownBy(() -> AuditRule.parse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("spec");
  }

  @Test
  void toStringShowsTheLevelAndTheStatedConditions() {
    assertThat(none().build()).hasToString("AuditRule[level=None]");
    assertThat(
            AuditRule.builder()
                .level(AuditLevel.REQUEST)
                .actions(Action.DELETE, Action.VIEW)
                .resource("apps", List.of("Deployment"), List.of("checkout"))
                .resource(null, "*")
                .namespaces("kube-system", "")
                .actors("system:*")
                .build())
        .hasToString(
            "AuditRule[level=Request, actions=[VIEW, DELETE],"
                + " resources=[{group=\"apps\", kinds=[Deployment], names=[checkout]},"
                + " {group=*, kinds=*}], namespaces=[kube-system, ], actors=[system:*]]");
  }

  // ---- The one-line form ----

  /** Events that tell the rules of the one-line tests apart. */
  private static final Object[][] EVENTS = {
    {"apps", "Deployment", "kube-system", "checkout", Action.VIEW, "system:serviceaccount:a"},
    {"apps", "Deployment", null, "checkout", Action.DELETE, "system:serviceaccount:a"},
    {"apps", "Deployment", "default", "checkout", Action.VIEW, "system:serviceaccount:a"},
    {"apps", "Deployment", "kube-system", "billing", Action.VIEW, "system:serviceaccount:a"},
    {"apps", "Deployment", "kube-system", "checkout", Action.UPDATE, "system:serviceaccount:a"},
    {"apps", "Deployment", "kube-system", "checkout", Action.VIEW, "jane"},
    {"apps", "Deployment", "kube-system", "checkout", Action.VIEW, null},
    {"batch", "Secret", "kube-system", "checkout", Action.VIEW, "system:serviceaccount:a"},
    {null, "Secret", "kube-system", "checkout", Action.VIEW, "system:serviceaccount:a"},
    {"batch", "Deployment", "kube-system", "checkout", Action.VIEW, "system:serviceaccount:a"},
    {"", "Pod", "kube-system", "checkout", Action.VIEW, "system:serviceaccount:a"},
    {null, "Pod", null, null, null, null},
  };

  private static void assertSameBehaviour(AuditRule parsed, AuditRule built) {
    assertThat(parsed.level()).isEqualTo(built.level());
    for (Object[] e : EVENTS) {
      boolean expected =
          built.matches(
              (String) e[0],
              (String) e[1],
              (String) e[2],
              (String) e[3],
              (Action) e[4],
              (String) e[5]);
      assertThat(
              parsed.matches(
                  (String) e[0],
                  (String) e[1],
                  (String) e[2],
                  (String) e[3],
                  (Action) e[4],
                  (String) e[5]))
          .as("%s on %s", parsed, java.util.Arrays.toString(e))
          .isEqualTo(expected);
    }
  }

  @Test
  void theBriefsExampleSpecBehavesAsTheBuilderRule() {
    AuditRule parsed =
        AuditRule.parse(
            "level=None; actions=VIEW,DELETE; kinds=apps/Deployment,Secret;"
                + " namespaces=kube-system,; actors=system:serviceaccount:*; names=checkout");
    AuditRule built =
        none()
            .actions(Action.VIEW, Action.DELETE)
            .resource("apps", List.of("Deployment"), List.of("checkout"))
            .resource(null, List.of("Secret"), List.of("checkout"))
            .namespaces("kube-system", "")
            .actors("system:serviceaccount:*")
            .build();
    assertSameBehaviour(parsed, built);
    // Spot checks, so the table is known to tell matching from not matching.
    assertThat(
            parsed.matches(
                "apps", "Deployment", null, "checkout", Action.DELETE, "system:serviceaccount:a"))
        .isTrue();
    assertThat(
            parsed.matches(
                "batch",
                "Deployment",
                "kube-system",
                "checkout",
                Action.VIEW,
                "system:serviceaccount:a"))
        .isFalse();
    assertThat(
            parsed.matches(
                "batch",
                "Secret",
                "kube-system",
                "checkout",
                Action.VIEW,
                "system:serviceaccount:a"))
        .isTrue();
  }

  @Test
  void aSlashFirstIsTheCoreGroupAndWhitespaceIsIgnored() {
    AuditRule parsed = AuditRule.parse("  level = Request ;kinds= /Pod , apps/* ;  ");
    assertThat(parsed.level()).isEqualTo(AuditLevel.REQUEST);
    assertSameBehaviour(
        parsed,
        AuditRule.builder()
            .level(AuditLevel.REQUEST)
            .resource("", "Pod")
            .resource("apps", "*")
            .build());
    assertThat(parsed.matches(null, "Pod", null, null, null, null)).isTrue();
    assertThat(parsed.matches("metrics", "Pod", null, null, null, null)).isFalse();
    assertThat(parsed.matches("apps", "Anything", null, null, null, null)).isTrue();
  }

  @Test
  void namesWithoutKindsAreNamesOfAnyKind() {
    AuditRule parsed = AuditRule.parse("level=Metadata; names=checkout,billing");
    assertSameBehaviour(
        parsed,
        AuditRule.builder()
            .level(AuditLevel.METADATA)
            .resource(null, List.of(), List.of("checkout", "billing"))
            .build());
    assertThat(parsed.matches("x", "Y", null, "billing", null, null)).isTrue();
    assertThat(parsed.matches("x", "Y", null, "other", null, null)).isFalse();
  }

  @Test
  void aLevelAloneMatchesEverything() {
    AuditRule parsed = AuditRule.parse("level=RequestResponse");
    assertThat(parsed.level()).isEqualTo(AuditLevel.REQUEST_RESPONSE);
    assertThat(parsed.matches(null, null, null, null, null, null)).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "level=Full | level 'Full' is not one of None, Metadata, Request, RequestResponse",
        "level=none | level 'none' is not one of None, Metadata, Request, RequestResponse",
        "actions=VIEW | a rule needs a level",
        "level=None; actions=VIEW,PATCH | action 'PATCH' is not one of VIEW, ADD, UPDATE, DELETE",
        "level=None; verbs=get | unknown key 'verbs' (known: level, actions, kinds, names,"
            + " namespaces, actors)",
        "level=None; kinds | 'kinds' is not key=value (keys: level, actions, kinds, names,"
            + " namespaces, actors)",
        "level=None; kinds=a/b/C | kind 'a/b/C' is not one of Kind, group/Kind or /Kind",
        "level=None; kinds=apps/ | a kind must not be empty",
        "level=None; kinds=Pod,,Node | a kind must not be empty",
        "level=None; names=a, | a name must not be empty",
        "level=None; actors=sys*tem | actor pattern 'sys*tem' may have '*' only at its end, for a"
            + " prefix",
        "level=None; level=Request | 'level' is given twice",
        "level=None,Request | level takes one value, not 'None,Request'",
        "'' | a rule needs a level",
      })
  void aBadSpecNamesItsBadPart(String spec, String detail) {
    assertThatThrownBy(() -> AuditRule.parse(spec))
        .isInstanceOf(AuditPolicyException.class)
        .hasMessage("audit rule '" + spec.strip() + "': " + detail);
  }
}
