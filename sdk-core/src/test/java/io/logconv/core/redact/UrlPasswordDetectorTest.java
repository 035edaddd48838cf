package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.assertKept;
import static io.logconv.core.redact.Redaction.assertRedacted;
import static io.logconv.core.redact.Redaction.redact;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Passwords in URLs and connection strings. */
class UrlPasswordDetectorTest {
  @Test
  void userinfoPasswordsOfAnySchemeAreRedacted() {
    assertRedacted("postgres://app:hunter2@db.internal:5432/orders", "hunter2", "url_password");
    assertRedacted("amqps://guest:s3cr3t-Pw@mq/vhost", "s3cr3t-Pw", "url_password");
    assertRedacted(
        "mongodb+srv://svc:Zx9-pass@cluster0.example.net/db", "Zx9-pass", "url_password");
  }

  @Test
  void onlyThePasswordIsReplaced() {
    assertThat(redact("db_url", "postgres://app:hunter2@db/x"))
        .isEqualTo("postgres://app:[REDACTED:url_password]@db/x");
    assertThat(redact("redis://:cache-pw@cache:6379"))
        .isEqualTo("redis://:[REDACTED:url_password]@cache:6379");
  }

  @Test
  void anEarlierReplacementInTheUserinfoIsNotAPassword() {
    // Found by RedactionPropertiesTest: the SSN is replaced first, and the replacement's colon must
    // not read as user:password on the second pass.
    assertThat(redact("password://123-45-6789@")).isEqualTo("password://[REDACTED:ssn]@");
    assertThat(redact(redact("password://123-45-6789@"))).isEqualTo("password://[REDACTED:ssn]@");
    assertThat(redact("http://[REDACTED:ssn]@host/")).isEqualTo("http://[REDACTED:ssn]@host/");
  }

  @Test
  void anAtSignInsideThePasswordDoesNotLeakItsTail() {
    assertThat(redact("amqp://user:p@ss@mq.example.com/"))
        .isEqualTo("amqp://user:[REDACTED:url_password]@mq.example.com/");
  }

  @Test
  void jdbcAndConnectionStringPasswordsAreRedacted() {
    assertThat(redact("jdbc:mysql://db:3306/shop?user=app&password=hunter2&useSSL=true"))
        .startsWith("jdbc:mysql://db:3306/shop?user=h:")
        .endsWith("&password=[REDACTED:password]&useSSL=true");
    assertThat(redact("jdbc:sqlserver://db;databaseName=shop;password=hunter2;encrypt=true"))
        .isEqualTo(
            "jdbc:sqlserver://db;databaseName=shop;password=[REDACTED:password];encrypt=true");
    assertThat(redact("Server=db;Database=shop;User Id=app;Password=hunter2;"))
        .isEqualTo("Server=db;Database=shop;User Id=app;Password=[REDACTED:password];");
  }

  @Test
  void urlsWithoutAPasswordAreKept() {
    assertKept("http://localhost:8080/api/v1/namespaces/samburrai-tenant/pods");
    assertKept("https://[::1]:8443/healthz");
    assertKept("ssh://git@example.com/org/repo.git");
    assertKept("postgres://app:${DB_PASSWORD}@db/x");
    assertKept("postgres://app:[REDACTED:url_password]@db/x");
    assertKept("see https://example.com/a?b=c#d@e");
  }
}
