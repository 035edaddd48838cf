package io.logconv.core.redact;

import static io.logconv.core.redact.Redaction.assertKept;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What must survive every detector at once, in every context. */
class LookAlikesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        // identifiers
        "3f2a1c4e-9b7d-4e2a-8c1f-0d9e8b7a6c5d",
        "123e4567-e89b-12d3-a456-426614174000",
        "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3",
        "commit a94a8fe",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "4bf92f3577b34da6a3ce929d0e0e4736",
        "00f067aa0ba902b7",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        // numbers and times
        "4111111111111112",
        "1716204800007",
        "1716204800",
        "2023-03-07T11:32:29.167Z",
        "2024-05-01 10:00:00,123",
        "PT1.5S",
        "87",
        "-42.5e+10",
        // versions
        "1.2.3",
        "v2.31.1-alpha",
        "17.0.15+6-Debian-1deb12u1",
        "logback-classic-1.5.18.jar",
        // Kubernetes names and addresses
        "go-net-http-hello-prqx",
        "samburrai-tenant",
        "coredns-5d78c9869d-8xk2p",
        "ip-10-0-12-34.ec2.internal",
        "system:serviceaccount:kube-system:default",
        "10.96.0.1:443",
        "fe80::1ff:fe23:4567:890a",
        "http://go-net-http-hello.samburrai-tenant.svc:8080/healthz",
        // placeholders and earlier output
        "${DB_PASSWORD}",
        "****",
        "[REDACTED:password]",
        "h:0123456789ab",
        "token=[REDACTED:token] user=h:0123456789ab",
        // public material
        "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUEXAMPLE\n-----END CERTIFICATE-----",
        "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIEXAMPLE\n-----END PUBLIC KEY-----",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXA ops",
        // keys that merely contain a word
        "token_endpoint=https://idp.example/token",
        "secret_name=db-credentials",
        "key_id=7",
        "password_policy=strict",
        // a typical line
        "reconciled Component go-net-http-hello-prqx in 87 ms",
        "UPDATE Component samburrai-tenant/go-net-http-hello-prqx",
      })
  void survives(String text) {
    assertKept(text);
  }
}
