package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample operator under {@code samples/lint/scaler-operator} holds a known set of convention
 * violations; this is that set, exactly. A false positive or a miss anywhere in the engine or the
 * rules shows up here as a difference. Two findings are notes: the SDK encoder hides the token that
 * {@code "token {}"} names and hashes the value of an {@code addKeyValue("user_id", ...)}.
 */
class SampleServiceTest {
  @Test
  void findsExactlyTheKnownFindings() throws Exception {
    Path sample = RuleDocsTest.repositoryRoot().resolve("samples/lint/scaler-operator");
    LintResult r = SourceLinter.builder().baseDirectory(sample).build().lint(List.of(sample));
    List<String> actual = r.findings().stream()
        .map(f -> f.file().replace("src/main/java/com/example/scaler/", "") + ":" + f.line()
            + " " + f.ruleId() + " " + f.severity())
        .toList();
    assertThat(actual).containsExactly(
        "ScalerApplication.java:18 LC011 NOTE", // it has a main method
        "audit/AuditTrail.java:17 LC012 ERROR",
        "audit/AuditTrail.java:21 LC008 WARNING",
        "audit/AuditTrail.java:22 LC007 WARNING",
        "client/KubeRestClient.java:25 LC002 WARNING",
        "client/KubeRestClient.java:49 LC010 WARNING",
        "client/KubeRestClient.java:52 LC011 WARNING",
        "client/KubeRestClient.java:60 LC008 WARNING",
        "client/KubeRestClient.java:60 LC006 ERROR",
        "config/OperatorConfig.java:30 LC008 WARNING",
        "config/OperatorConfig.java:31 LC006 NOTE",
        "reconcile/DeploymentReconciler.java:50 LC003 ERROR",
        "reconcile/DeploymentReconciler.java:51 LC001 ERROR",
        "reconcile/DeploymentReconciler.java:52 LC009 ERROR",
        "reconcile/DeploymentReconciler.java:55 LC004 ERROR",
        "reconcile/DeploymentReconciler.java:60 LC005 ERROR",
        "reconcile/DeploymentReconciler.java:64 LC007 NOTE",
        "reconcile/DeploymentReconciler.java:68 LC009 ERROR",
        "reconcile/DeploymentReconciler.java:68 LC010 WARNING",
        "src/main/resources/logback.xml:4 LC014 WARNING",
        "src/main/resources/logback.xml:9 LC013 ERROR");
    assertThat(r.filesScanned()).isEqualTo(7);
    assertThat(r.suppressed()).isEqualTo(1);
    assertThat(r.parseFailures()).isZero();
  }
}
