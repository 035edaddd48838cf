package io.logconv.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy file: the YAML subset, what it means, and each error it reports. */
class AuditPolicyYamlTest {
  private static final String SRC = "audit-policy.yaml";

  private static AuditPolicy parse(String yaml) {
    return AuditPolicy.parse(yaml, SRC);
  }

  private static String errorOf(String yaml) {
    AuditPolicyException e =
        catchThrowableOfType(AuditPolicyException.class, () -> AuditPolicy.parse(yaml, SRC));
    assertThat(e).as("an error for:%n%s", yaml).isNotNull();
    assertThat(e.source()).isEqualTo(SRC);
    assertThat(e.getMessage()).startsWith(SRC + ":" + e.line() + ": ");
    return e.getMessage();
  }

  // ---- The full example ----

  @ParameterizedTest(name = "{0} {1} {2}/{3} in {4} by {5}, asked {6} -> {7}")
  @CsvSource(
      nullValues = "null",
      value = {
        // Rule 1: kube-system service accounts viewing anything.
        "VIEW, apps, Deployment, checkout, payments, system:serviceaccount:kube-system:coredns,"
            + " null, None",
        "VIEW, '', Pod, p, null, system:serviceaccount:kube-system:x, RequestResponse, None",
        // Rule 2: checkout in payments, any action, any actor.
        "UPDATE, apps, Deployment, checkout, payments, jane, null, RequestResponse",
        "VIEW, apps, StatefulSet, checkout, payments, system:serviceaccount:default:x, null,"
            + " RequestResponse",
        "UPDATE, apps, Deployment, billing, payments, jane, null, Metadata",
        "UPDATE, apps, Deployment, checkout, default, jane, null, Metadata",
        "UPDATE, apps, DaemonSet, checkout, payments, jane, null, Metadata",
        // Rule 3: any kind of the core group, an event without group included.
        "DELETE, '', Pod, p, default, jane, null, Request",
        "DELETE, null, ConfigMap, c, null, null, null, Request",
        "null, null, null, null, null, null, null, Request",
        // No rule: the requested level, else the default level.
        "ADD, batch, Job, j, default, jane, null, Metadata",
        "ADD, batch, Job, j, default, jane, None, None",
        "ADD, batch, Job, j, default, jane, RequestResponse, RequestResponse",
        "VIEW, batch, Job, j, default, system:serviceaccount:kube-systemx:y, null, Metadata",
      })
  void theExamplePolicyGivesTheseLevels(
      String action,
      String group,
      String kind,
      String name,
      String namespace,
      String actor,
      String requested,
      String expected) {
    AuditPolicy p = AuditPolicy.load("classpath:audit/audit-policy.yaml");
    assertThat(
            p.levelFor(
                group,
                kind,
                namespace,
                name,
                Action.parse(action),
                actor,
                AuditLevel.parse(requested)))
        .isEqualTo(AuditLevel.parse(expected));
  }

  @Test
  void theExamplePolicysSettings() {
    AuditPolicy p = AuditPolicy.load("classpath:audit/audit-policy.yaml");
    assertThat(p.defaultLevel()).isEqualTo(AuditLevel.METADATA);
    assertThat(p.payloadLimitBytes()).isEqualTo(4096);
    assertThat(p.omitPayloadKinds()).containsExactly("SealedSecret", "ExternalSecret");
    assertThat(p.omissionReason("externalsecrets")).isEqualTo("ExternalSecret");
    assertThat(p.omissionReason("Secret")).isEqualTo("Secret");
    assertThat(p.rules()).hasSize(3);
    assertThat(p.rules().get(1))
        .hasToString(
            "AuditRule[level=RequestResponse, resources=[{group=\"apps\","
                + " kinds=[Deployment, StatefulSet], names=[checkout]}], namespaces=[payments]]");
  }

  @Test
  void blockListsLevelWithTheirKeyOrIndentedAndALeadingDocumentMarker() {
    AuditPolicy p = AuditPolicy.load("classpath:/audit/block-lists.yaml");
    assertThat(p.defaultLevel()).isEqualTo(AuditLevel.NONE);
    assertThat(p.payloadLimitBytes()).isEqualTo(1024);
    assertThat(p.omitPayloadKinds()).containsExactly("SealedSecret");
    assertThat(p.levelFor(null, null, "payments", null, Action.DELETE, null, null))
        .isEqualTo(AuditLevel.REQUEST_RESPONSE);
    assertThat(p.levelFor(null, null, null, null, Action.UPDATE, null, null))
        .isEqualTo(AuditLevel.REQUEST_RESPONSE);
    assertThat(p.levelFor(null, null, "payments", null, Action.VIEW, null, null))
        .isEqualTo(AuditLevel.NONE);
    assertThat(p.levelFor("batch", "Job", "payments", null, Action.VIEW, null, null))
        .isEqualTo(AuditLevel.METADATA);
    assertThat(p.levelFor("batch", "CronJob", "x", null, Action.VIEW, null, null))
        .isEqualTo(AuditLevel.NONE);
  }

  @Test
  void flowAndBlockListsMeanTheSame() {
    AuditPolicy flow = parse("rules:\n  - level: None\n    actions: [VIEW, 'DELETE', \"ADD\"]\n");
    AuditPolicy block =
        parse(
            """
            rules:
              - level: None
                actions:
                  - VIEW
                  - 'DELETE'
                  - "ADD"
            """);
    for (AuditPolicy p : new AuditPolicy[] {flow, block}) {
      assertThat(p.rules())
          .singleElement()
          .hasToString("AuditRule[level=None, actions=[VIEW, ADD, DELETE]]");
    }
  }

  @Test
  void emptyFlowListsStateNothingAndTrailingCommasAreAllowed() {
    AuditPolicy p =
        parse(
            """
            omitPayloadKinds: [ ]
            rules:
              - level: Request
                actions: []
                namespaces: [a, b, ]
            """);
    assertThat(p.omitPayloadKinds()).isEmpty();
    assertThat(p.rules())
        .singleElement()
        .hasToString("AuditRule[level=Request, namespaces=[a, b]]");
  }

  @Test
  void quotedStringsKeepHashesColonsAndEscapesAndCommentsAreCut() {
    AuditPolicy p =
        parse(
            """
            # a policy

            rules:   # the rules
              # the first rule
              - level: None # never audited
                namespaces: ["a # b", 'it''s', "q\\\"x\\u0041", c#d]  # four
                actors:
                  - 'x: y # z'   # quoted, so not a key
                  - "tab\\there"

            """);
    assertThat(p.rules())
        .singleElement()
        .hasToString(
            "AuditRule[level=None, namespaces=[a # b, it's, q\"xA, c#d],"
                + " actors=[x: y # z, tab\there]]");
  }

  @Test
  void windowsLineEndsAndAByteOrderMarkAreRead() {
    AuditPolicy p = parse("\uFEFFdefaultLevel: Request\r\nrules:\r\n  - level: None\r\n");
    assertThat(p.defaultLevel()).isEqualTo(AuditLevel.REQUEST);
    assertThat(p.rules()).hasSize(1);
  }

  @Test
  void anEmptyDocumentIsTheDefaultPolicy() {
    for (String empty : new String[] {"", "\n\n", "# nothing\n  # at all\n", "---\n"}) {
      AuditPolicy p = parse(empty);
      assertThat(p.rules()).isEmpty();
      assertThat(p.defaultLevel()).isEqualTo(AuditLevel.METADATA);
      assertThat(p.payloadLimitBytes()).isEqualTo(4096);
    }
  }

  @Test
  void groupResourcesAndNames() {
    AuditPolicy p =
        parse(
            """
            rules:
              - level: None
                resources:
                  - kinds: [Lease]
                  - group: ""
                    names: [kube-root-ca.crt]
            """);
    assertThat(p.levelFor("coordination.k8s.io", "Lease", null, "l", null, null, null))
        .isEqualTo(AuditLevel.NONE);
    assertThat(p.levelFor(null, "ConfigMap", null, "kube-root-ca.crt", null, null, null))
        .isEqualTo(AuditLevel.NONE);
    assertThat(p.levelFor("x", "ConfigMap", null, "kube-root-ca.crt", null, null, null))
        .isEqualTo(AuditLevel.METADATA);
    assertThat(p.levelFor(null, "ConfigMap", null, "other", null, null, null))
        .isEqualTo(AuditLevel.METADATA);
  }

  @Test
  void anItemMayStartOnTheLineAfterItsDash() {
    AuditPolicy p = parse("rules:\n  -\n    level: None\n    actions:\n      -\n        VIEW\n");
    assertThat(p.rules()).singleElement().hasToString("AuditRule[level=None, actions=[VIEW]]");
  }

  @Test
  void aMissingSourceNameIsCalledAuditPolicy() {
    assertThatThrownBy(() -> AuditPolicy.parse("rules: x\n", null))
        .isInstanceOf(AuditPolicyException.class)
        .hasMessage("audit policy:1: 'rules' must be a list, e.g. rules: [a, b]");
  }

  // ---- Errors, each with its line ----

  @Test
  void anUnknownKeyInARule() {
    assertThat(
            errorOf(
                """
                apiVersion: logconv.io/v1
                kind: AuditPolicy
                rules:
                  - level: None
                    actions: [VIEW]
                  - level: Request
                    verbs: [get]
                """))
        .isEqualTo(
            "audit-policy.yaml:7: unknown key 'verbs' in a rule"
                + " (known: level, actions, resources, namespaces, actors)");
  }

  @Test
  void anUnknownLevel() {
    assertThat(errorOf("rules:\n\n  - level: Full\n"))
        .isEqualTo(
            "audit-policy.yaml:3: level 'Full' is not one of None, Metadata, Request,"
                + " RequestResponse");
    assertThat(errorOf("defaultLevel: metadata\n"))
        .isEqualTo(
            "audit-policy.yaml:1: defaultLevel 'metadata' is not one of None, Metadata, Request,"
                + " RequestResponse");
  }

  @Test
  void aRuleWithoutLevelIsReportedAtItsFirstLine() {
    assertThat(
            errorOf(
                "rules:\n  - level: None\n\n  # next\n  - actions: [VIEW]\n    namespaces: [a]\n"))
        .isEqualTo("audit-policy.yaml:5: a rule needs a level");
  }

  @Test
  void anUnknownActionIsReportedAtItsItem() {
    assertThat(errorOf("rules:\n  - level: None\n    actions: [VIEW, PATCH]\n"))
        .isEqualTo("audit-policy.yaml:3: action 'PATCH' is not one of VIEW, ADD, UPDATE, DELETE");
    assertThat(errorOf("rules:\n  - level: None\n    actions:\n      - VIEW\n      - view\n"))
        .isEqualTo("audit-policy.yaml:5: action 'view' is not one of VIEW, ADD, UPDATE, DELETE");
  }

  @Test
  void tabsInTheIndentation() {
    assertThat(errorOf("rules:\n\t- level: None\n"))
        .isEqualTo("audit-policy.yaml:2: a tab in the indentation; indent with spaces");
    assertThat(errorOf("rules:\n  \t- level: None\n"))
        .isEqualTo("audit-policy.yaml:2: a tab in the indentation; indent with spaces");
  }

  @Test
  void badIndentation() {
    assertThat(errorOf("  rules:\n"))
        .isEqualTo(
            "audit-policy.yaml:1: bad indentation: the document's first line must not be indented");
    assertThat(errorOf("defaultLevel: None\n  payloadLimitBytes: 100\n"))
        .isEqualTo(
            "audit-policy.yaml:2: bad indentation: this line is indented more than the key above"
                + " it");
    assertThat(errorOf("rules:\n  - level: None\n     actions: [VIEW]\n"))
        .isEqualTo(
            "audit-policy.yaml:3: bad indentation: this line is indented more than the key above"
                + " it");
    assertThat(errorOf("rules:\n    - level: None\n  - level: Request\n"))
        .isEqualTo(
            "audit-policy.yaml:3: bad indentation: this line is indented more than the key above"
                + " it");
    assertThat(errorOf("rules:\n  - level: None\n    - level: Request\n"))
        .isEqualTo("audit-policy.yaml:3: a list item ('- ') where a key was expected");
    assertThat(errorOf("rules:\n  - level: None\n  defaultLevel: None\n"))
        .isEqualTo("audit-policy.yaml:3: expected a list item ('- ') like the ones above");
  }

  @Test
  void duplicateKeys() {
    assertThat(errorOf("rules:\n  - level: None\n    actions: [VIEW]\n    level: Request\n"))
        .isEqualTo("audit-policy.yaml:4: duplicate key 'level' (first on line 2)");
    assertThat(errorOf("defaultLevel: None\nrules: []\ndefaultLevel: None\n"))
        .isEqualTo("audit-policy.yaml:3: duplicate key 'defaultLevel' (first on line 1)");
  }

  @Test
  void aSingleValueWhereAListIsNeeded() {
    assertThat(errorOf("rules:\n  - level: None\n    actions: VIEW\n"))
        .isEqualTo("audit-policy.yaml:3: 'actions' must be a list, e.g. actions: [a, b]");
    assertThat(errorOf("rules: none\n"))
        .isEqualTo("audit-policy.yaml:1: 'rules' must be a list, e.g. rules: [a, b]");
    assertThat(errorOf("rules:\n"))
        .isEqualTo("audit-policy.yaml:1: 'rules' must be a list, e.g. rules: [a, b]");
    assertThat(errorOf("rules:\n  - level: None\n    resources:\n      group: apps\n"))
        .isEqualTo("audit-policy.yaml:4: 'resources' must be a list, e.g. resources: [a, b]");
  }

  @Test
  void aListOrMappingWhereASingleValueIsNeeded() {
    assertThat(errorOf("rules:\n  - level: [None]\n"))
        .isEqualTo("audit-policy.yaml:2: 'level' must be a single value, not a list or mapping");
    assertThat(errorOf("rules:\n  - level: None\n    actions:\n      - [VIEW]\n"))
        .isEqualTo(
            "audit-policy.yaml:4: an item of 'actions' must be a single value, not a list or"
                + " mapping");
    assertThat(errorOf("rules:\n  - level:\n"))
        .isEqualTo("audit-policy.yaml:2: 'level' has no value");
    assertThat(errorOf("rules:\n  - level: ~\n"))
        .isEqualTo("audit-policy.yaml:2: 'level' has no value");
    assertThat(errorOf("rules:\n  - level: None\n    namespaces: [null]\n"))
        .isEqualTo("audit-policy.yaml:3: an item of 'namespaces' has no value");
  }

  @Test
  void unknownKeysElsewhere() {
    assertThat(errorOf("defaultLevel: None\nomitPayloadKind: [X]\n"))
        .isEqualTo(
            "audit-policy.yaml:2: unknown top-level key 'omitPayloadKind' (known: apiVersion,"
                + " kind, defaultLevel, payloadLimitBytes, omitPayloadKinds, rules)");
    assertThat(
            errorOf(
                """
                rules:
                  - level: None
                    resources:
                      - group: apps
                        resources: [pods]
                """))
        .isEqualTo(
            "audit-policy.yaml:5: unknown key 'resources' in a resource (known: group, kinds,"
                + " names)");
  }

  @Test
  void theWrongShapeForThePolicyARuleOrAResource() {
    assertThat(errorOf("- level: None\n"))
        .isEqualTo(
            "audit-policy.yaml:1: an audit policy is a mapping of keys (known: apiVersion, kind,"
                + " defaultLevel, payloadLimitBytes, omitPayloadKinds, rules)");
    assertThat(errorOf("rules: [None]\n"))
        .isEqualTo(
            "audit-policy.yaml:1: a rule is a mapping of keys (known: level, actions, resources,"
                + " namespaces, actors)");
    assertThat(errorOf("rules:\n  - level: None\n    resources: [apps]\n"))
        .isEqualTo(
            "audit-policy.yaml:3: a resource is a mapping of keys (known: group, kinds, names)");
    assertThat(errorOf("just a line\n"))
        .isEqualTo(
            "audit-policy.yaml:1: an audit policy is a mapping of keys (known: apiVersion, kind,"
                + " defaultLevel, payloadLimitBytes, omitPayloadKinds, rules)");
    assertThat(errorOf("defaultLevel: None\njust a line\n"))
        .isEqualTo("audit-policy.yaml:2: expected 'key: value', found 'just a line'");
  }

  @Test
  void apiVersionAndKindMustBeLogconvsIfPresent() {
    assertThat(errorOf("apiVersion: audit.k8s.io/v1\n"))
        .isEqualTo("audit-policy.yaml:1: apiVersion 'audit.k8s.io/v1' is not logconv.io/v1");
    assertThat(errorOf("apiVersion: logconv.io/v1\nkind: Policy\n"))
        .isEqualTo("audit-policy.yaml:2: kind 'Policy' is not AuditPolicy");
  }

  @Test
  void payloadLimitBytesMustBeAWholeNumberOfAtLeast64() {
    assertThat(errorOf("payloadLimitBytes: 4k\n"))
        .isEqualTo("audit-policy.yaml:1: payloadLimitBytes '4k' is not a whole number of bytes");
    assertThat(errorOf("\npayloadLimitBytes: 10\n"))
        .isEqualTo(
            "audit-policy.yaml:2: payloadLimitBytes 10 is less than 64, the least that holds an"
                + " omission marker");
    assertThat(parse("payloadLimitBytes: \"8192\"\n").payloadLimitBytes()).isEqualTo(8192);
  }

  @Test
  void badValuesInAResourceOrActorPattern() {
    assertThat(
            errorOf(
                "rules:\n  - level: None\n    resources:\n      - group:\n        kinds: [Pod]\n"))
        .isEqualTo(
            "audit-policy.yaml:4: 'group' has no value; write group: \"\" for the core group");
    assertThat(errorOf("rules:\n  - level: None\n    resources:\n      - kinds: [Pod, '']\n"))
        .isEqualTo("audit-policy.yaml:4: an item of 'kinds' must not be empty");
    assertThat(errorOf("rules:\n  - level: None\n    actors: ['a*b']\n"))
        .isEqualTo(
            "audit-policy.yaml:3: actor pattern 'a*b' may have '*' only at its end, for a prefix");
  }

  @Test
  void anEmptyPayloadFreeKind() {
    assertThat(errorOf("omitPayloadKinds:\n  - SealedSecret\n  - ' '\n"))
        .isEqualTo("audit-policy.yaml:3: a payload-free kind must not be empty");
  }

  @Test
  void yamlFeaturesOutsideTheSubsetAreRejectedNotMisread() {
    assertThat(errorOf("defaultLevel: &lvl None\n"))
        .isEqualTo("audit-policy.yaml:1: anchors ('&') are not supported");
    assertThat(errorOf("rules:\n  - level: *lvl\n"))
        .isEqualTo(
            "audit-policy.yaml:2: aliases ('*') are not supported; write \"*\" in quotes for any"
                + " kind or actor");
    assertThat(errorOf("rules:\n  - level: None\n    resources:\n      - kinds: [*]\n"))
        .isEqualTo(
            "audit-policy.yaml:4: aliases ('*') are not supported; write \"*\" in quotes for any"
                + " kind or actor");
    assertThat(errorOf("defaultLevel: !!str None\n"))
        .isEqualTo("audit-policy.yaml:1: tags ('!') are not supported");
    assertThat(errorOf("defaultLevel: None\n---\ndefaultLevel: Request\n"))
        .isEqualTo("audit-policy.yaml:2: one YAML document only: '---' starts or ends another");
    assertThat(errorOf("defaultLevel: None\n...\n"))
        .isEqualTo("audit-policy.yaml:2: one YAML document only: '...' starts or ends another");
    assertThat(errorOf("%YAML 1.2\n---\n"))
        .isEqualTo("audit-policy.yaml:1: YAML directives ('%') are not supported");
    assertThat(errorOf("rules:\n  - {level: None}\n"))
        .isEqualTo("audit-policy.yaml:2: flow mappings ('{...}') are not supported");
    assertThat(errorOf("defaultLevel: |\n  None\n"))
        .isEqualTo(
            "audit-policy.yaml:1: block scalars ('|', '>') are not supported; write the value on"
                + " one line");
    assertThat(errorOf("rules:\n  - level: None\n    actions: [[VIEW]]\n"))
        .isEqualTo("audit-policy.yaml:3: lists and mappings inside a flow list are not supported");
    assertThat(errorOf("? defaultLevel\n: None\n"))
        .isEqualTo("audit-policy.yaml:1: complex keys ('?') are not supported");
  }

  @Test
  void malformedScalarsAndFlowLists() {
    assertThat(errorOf("defaultLevel: \"None\n"))
        .isEqualTo("audit-policy.yaml:1: a quoted string is not closed on its line");
    assertThat(errorOf("defaultLevel: 'None' x\n"))
        .isEqualTo("audit-policy.yaml:1: unexpected text after a quoted string: 'x'");
    assertThat(errorOf("omitPayloadKinds: [A, B\n"))
        .isEqualTo("audit-policy.yaml:1: a flow list must end with ']' on its line");
    assertThat(errorOf("omitPayloadKinds: [A,, B]\n"))
        .isEqualTo("audit-policy.yaml:1: an empty item in a flow list");
    assertThat(errorOf("omitPayloadKinds: ['A' 'B']\n"))
        .isEqualTo("audit-policy.yaml:1: expected ',' or ']' in a flow list, found '''");
    assertThat(errorOf("omitPayloadKinds: [A] B\n"))
        .isEqualTo("audit-policy.yaml:1: unexpected text after ']': 'B'");
    assertThat(errorOf("defaultLevel: a: b\n"))
        .isEqualTo("audit-policy.yaml:1: a plain value cannot contain ': '; quote it: 'a: b'");
    assertThat(errorOf("defaultLevel: \"\\q\"\n"))
        .isEqualTo("audit-policy.yaml:1: unknown escape '\\q' in a double-quoted string");
    assertThat(errorOf("defaultLevel: \"\\u12\"\n"))
        .isEqualTo("audit-policy.yaml:1: '\\u' needs four hex digits");
    assertThat(errorOf("rules: - level: None\n"))
        .isEqualTo(
            "audit-policy.yaml:1: a list item cannot start on its key's line; put it on the next"
                + " line");
  }

  @Test
  void theExceptionCarriesItsSourceAndLine() {
    AuditPolicyException e =
        catchThrowableOfType(
            AuditPolicyException.class, () -> AuditPolicy.parse("\n\nrules: x\n", "p.yaml"));
    assertThat(e.source()).isEqualTo("p.yaml");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e).isInstanceOf(RuntimeException.class);
  }

  // ---- Loading ----

  @Test
  void loadsAFileByPathOrFilePrefixOrFileUri(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("audit policy.yaml");
    Files.writeString(
        file,
        "defaultLevel: Request\nrules:\n  - level: None\n    actions: [VIEW]\n",
        StandardCharsets.UTF_8);
    for (String location :
        new String[] {file.toString(), "file:" + file, file.toUri().toString()}) {
      AuditPolicy p = AuditPolicy.load(location);
      assertThat(p.defaultLevel()).as(location).isEqualTo(AuditLevel.REQUEST);
      assertThat(p.levelFor(null, null, null, null, Action.VIEW, null, null))
          .isEqualTo(AuditLevel.NONE);
    }
  }

  @Test
  void errorsInALoadedFileNameItsLocation(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "rules:\n  - level: Full\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> AuditPolicy.load(file.toString()))
        .isInstanceOf(AuditPolicyException.class)
        .hasMessage(
            file + ":2: level 'Full' is not one of None, Metadata, Request, RequestResponse");
  }

  @Test
  void aMissingFileOrResourceNamesTheLocation(@TempDir Path dir) {
    String missing = dir.resolve("missing.yaml").toString();
    assertThatThrownBy(() -> AuditPolicy.load(missing))
        .isInstanceOf(AuditPolicyException.class)
        .hasMessage(missing + ": no such file");
    assertThatThrownBy(() -> AuditPolicy.load("file:" + missing))
        .isInstanceOf(AuditPolicyException.class)
        .hasMessage("file:" + missing + ": no such file");
    assertThatThrownBy(() -> AuditPolicy.load(dir.toString()))
        .isInstanceOf(AuditPolicyException.class)
        .hasMessage(dir + ": a directory, not a policy file");
    assertThatThrownBy(() -> AuditPolicy.load("classpath:/"))
        .isInstanceOf(AuditPolicyException.class)
        .hasMessage("classpath:/: names no resource");
    assertThatThrownBy(() -> AuditPolicy.load("classpath:audit/missing.yaml"))
        .isInstanceOf(AuditPolicyException.class)
        .hasMessage("classpath:audit/missing.yaml: not found on the classpath");
  }

  @Test
  void aFileThatIsNotUtf8IsReported(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, new byte[] {'k', 'i', 'n', 'd', ':', ' ', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> AuditPolicy.load(file.toString()))
        .isInstanceOf(AuditPolicyException.class)
        .hasMessage(file + ": not UTF-8 text");
  }
}
