package io.logconv.core.audit;

import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import io.logconv.schema.Conventions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Which {@link AuditLevel} each audit event is written at, in the manner of Kubernetes' {@code
 * audit-policy.yaml}: the first {@link AuditRule} that matches the event gives the level; when none
 * matches, the level the event asked for, else the policy's default level ({@code Metadata} unless
 * configured). The policy also names the kinds whose payloads are never written ({@code Secret} and
 * {@code ConfigMap} always, and any added) and the most bytes one payload's JSON may take.
 *
 * <pre>{@code
 * AuditPolicy policy = AuditPolicy.builder()
 *     .rule(AuditRule.parse("level=None; actions=VIEW; actors=system:node:*"))
 *     .rule(AuditRule.parse("level=RequestResponse; namespaces=payments"))
 *     .omitPayloadKind("SealedSecret")
 *     .build();
 * policy.levelFor("apps", "Deployment", "payments", "checkout", Action.UPDATE, "jane", null);
 * // AuditLevel.REQUEST_RESPONSE
 * policy.omissionReason("secrets");       // "Secret"
 * policy.omissionReason("sealedsecrets"); // "SealedSecret"
 *
 * AuditPolicy fromFile = AuditPolicy.load("classpath:audit-policy.yaml");
 * }</pre>
 *
 * <p>A policy file is YAML ({@link #parse}). Policies are immutable and thread-safe; {@link
 * #levelFor}, {@link #omitsPayloadOf} and {@link #omissionReason} allocate nothing, for the hot
 * path.
 */
public final class AuditPolicy {
  /** The {@code apiVersion} a policy file may state. */
  public static final String API_VERSION = "logconv.io/v1";

  /** The {@code kind} a policy file may state. */
  public static final String KIND = "AuditPolicy";

  /** The payload cap unless configured: 4096 bytes of JSON. */
  public static final int DEFAULT_PAYLOAD_LIMIT_BYTES = 4096;

  /** The smallest payload cap allowed: 64 bytes, room for an omission marker. */
  public static final int MIN_PAYLOAD_LIMIT_BYTES = 64;

  /**
   * No rules, default level {@code Metadata}, payload cap 4096 bytes, and only the built-in
   * payload-free kinds ({@link Conventions#PAYLOAD_FREE_KINDS}).
   */
  public static final AuditPolicy DEFAULT = builder().build();

  private final AuditRule[] rules;
  private final AuditLevel defaultLevel;
  private final int payloadLimitBytes;
  private final String[] extraKinds;

  private AuditPolicy(Builder b) {
    this.rules = b.rules.toArray(new AuditRule[0]);
    this.defaultLevel = b.defaultLevel;
    this.payloadLimitBytes = b.payloadLimitBytes;
    this.extraKinds = b.extraKinds.toArray(new String[0]);
  }

  /**
   * A builder for a policy; with nothing set it builds a policy equal in effect to {@link
   * #DEFAULT}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The policy in {@code yamlText}, a YAML document of this form:
   *
   * <pre>{@code
   * apiVersion: logconv.io/v1     # optional; if present, exactly this
   * kind: AuditPolicy             # optional; if present, exactly this
   * defaultLevel: Metadata        # None, Metadata, Request or RequestResponse
   * payloadLimitBytes: 4096       # at least 64
   * omitPayloadKinds: [SealedSecret, ExternalSecret]
   * rules:
   *   - level: None
   *     actions: [VIEW]
   *     actors: ["system:serviceaccount:kube-system:*"]
   *   - level: RequestResponse
   *     namespaces: [payments]
   *     resources:
   *       - group: apps
   *         kinds: [Deployment, StatefulSet]
   *         names: [checkout]
   *   - level: Request
   *     resources:
   *       - group: ""               # the core group
   *         kinds: ["*"]
   * }</pre>
   *
   * <p>Every key is optional but a rule's {@code level}. The YAML read is a subset: block mappings,
   * block lists ({@code - item}, indented or level with their key), one-line flow lists ({@code [a,
   * "b", 'c']}), plain, single- and double-quoted scalars, {@code #} comments and one leading
   * {@code ---}. Anchors, aliases, tags, flow mappings, block scalars, tabs in indentation and
   * further documents are errors, not misread. An empty document is the default policy.
   *
   * @param sourceName how messages name the text, e.g. {@code audit-policy.yaml}
   * @throws AuditPolicyException {@code sourceName:line: what is wrong}, e.g. {@code
   *     audit-policy.yaml:7: unknown key 'verbs' in a rule (known: level, actions, resources,
   *     namespaces, actors)}
   */
  public static AuditPolicy parse(String yamlText, String sourceName) {
    Objects.requireNonNull(yamlText, "yamlText");
    return PolicyFile.policy(yamlText, sourceName == null ? "audit policy" : sourceName);
  }

  /**
   * The policy in the YAML file at {@code location} ({@link #parse}): {@code
   * classpath:path/in.yaml} for a resource of the context class loader (or of logconv's), else a
   * file path, with or without a {@code file:} prefix ({@code file:///etc/app/audit.yaml} is read
   * as a URI). Messages name the location as given.
   *
   * @throws AuditPolicyException if there is nothing at {@code location}, it cannot be read or is
   *     not UTF-8, or it is not a valid policy
   */
  public static AuditPolicy load(String location) {
    Objects.requireNonNull(location, "location");
    return parse(read(location), location);
  }

  private static String read(String location) {
    try {
      if (location.startsWith("classpath:")) {
        String path = location.substring("classpath:".length());
        while (path.startsWith("/")) {
          path = path.substring(1);
        }
        if (path.isEmpty()) {
          throw new AuditPolicyException(location + ": names no resource");
        }
        try (InputStream in = resource(path)) {
          if (in == null) {
            throw new AuditPolicyException(location + ": not found on the classpath");
          }
          return StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(in.readAllBytes()))
              .toString();
        }
      }
      Path path =
          location.startsWith("file://")
              ? Path.of(URI.create(location))
              : Path.of(location.startsWith("file:") ? location.substring(5) : location);
      if (Files.isDirectory(path)) {
        throw new AuditPolicyException(location + ": a directory, not a policy file");
      }
      if (!Files.isRegularFile(path)) {
        throw new AuditPolicyException(location + ": no such file");
      }
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new AuditPolicyException(location + ": not UTF-8 text", e);
    } catch (IOException | UncheckedIOException e) {
      throw new AuditPolicyException(location + ": cannot be read: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new AuditPolicyException(location + ": not a file path: " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String path) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    InputStream in = context == null ? null : context.getResourceAsStream(path);
    ClassLoader own = AuditPolicy.class.getClassLoader();
    if (in == null && own != null && own != context) {
      in = own.getResourceAsStream(path);
    }
    return in;
  }

  /**
   * The level to write the event at: the level of the first rule that {@linkplain AuditRule#matches
   * matches} it, else {@code requested} if not null, else {@link #defaultLevel()}. Any argument may
   * be null, for a field the event does not have. Allocates nothing.
   *
   * @param apiGroup the resource's API group; {@code ""} or null is the core group
   * @param actor the actor's name in clear, before it is hashed for the line
   * @param requested the level the event asked for, or null
   */
  public AuditLevel levelFor(
      CharSequence apiGroup,
      CharSequence kind,
      CharSequence namespace,
      CharSequence name,
      Action action,
      CharSequence actor,
      AuditLevel requested) {
    for (AuditRule r : rules) {
      if (r.matches(apiGroup, kind, namespace, name, action, actor)) {
        return r.level();
      }
    }
    return requested != null ? requested : defaultLevel;
  }

  /**
   * True if payloads of a resource of kind {@code kind} are never written: a built-in payload-free
   * kind ({@link Conventions#isPayloadFreeKind}) or one added with {@link Builder#omitPayloadKind},
   * in any case and also with a trailing {@code s} ({@code sealedsecrets}). Allocates nothing.
   */
  public boolean omitsPayloadOf(CharSequence kind) {
    return omissionReason(kind) != null;
  }

  /**
   * The kind to name in the omission marker ({@link AuditPayload#omittedFor}) for a payload of kind
   * {@code kind}: the canonical built-in name ({@code "Secret"} for {@code "secrets"}), or an added
   * kind as it was configured; null if the payload of {@code kind} may be written. Allocates
   * nothing.
   */
  public String omissionReason(CharSequence kind) {
    if (kind == null) {
      return null;
    }
    String builtIn = Conventions.payloadFreeKind(kind);
    if (builtIn != null) {
      return builtIn;
    }
    for (String k : extraKinds) {
      if (Conventions.namesKind(kind, k)) {
        return k;
      }
    }
    return null;
  }

  /** The most bytes the JSON of one written payload may take; a larger one is omitted. */
  public int payloadLimitBytes() {
    return payloadLimitBytes;
  }

  /** The level of an event no rule matches and that asks for none. */
  public AuditLevel defaultLevel() {
    return defaultLevel;
  }

  /** The rules, in the order they are tried. */
  public List<AuditRule> rules() {
    return List.of(rules);
  }

  /** The payload-free kinds added to the built-in ones, as configured. */
  public List<String> omitPayloadKinds() {
    return List.of(extraKinds);
  }

  /**
   * The policy's settings, e.g. {@code AuditPolicy[defaultLevel=Metadata, payloadLimitBytes=4096,
   * omitPayloadKinds=[SealedSecret], rules=[...]]}.
   */
  @Override
  public String toString() {
    return "AuditPolicy[defaultLevel="
        + defaultLevel.label()
        + ", payloadLimitBytes="
        + payloadLimitBytes
        + ", omitPayloadKinds="
        + Arrays.toString(extraKinds)
        + ", rules="
        + Arrays.toString(rules)
        + ']';
  }

  /** Builds an {@link AuditPolicy}; rules are tried in the order they are added. */
  public static final class Builder {
    private final List<AuditRule> rules = new ArrayList<>();
    private AuditLevel defaultLevel = AuditLevel.METADATA;
    private int payloadLimitBytes = DEFAULT_PAYLOAD_LIMIT_BYTES;
    private final List<String> extraKinds = new ArrayList<>();

    private Builder() {}

    /** Adds a rule, tried after the rules added before it. */
    public Builder rule(AuditRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * The level of an event no rule matches and that asks for none; {@code Metadata} unless set.
     */
    public Builder defaultLevel(AuditLevel level) {
      this.defaultLevel = Objects.requireNonNull(level, "the default level");
      return this;
    }

    /**
     * The most bytes the JSON of one written payload may take; 4096 unless set.
     *
     * @throws IllegalArgumentException if {@code bytes} is less than 64
     */
    public Builder payloadLimitBytes(int bytes) {
      if (bytes < MIN_PAYLOAD_LIMIT_BYTES) {
        throw new IllegalArgumentException(
            "payloadLimitBytes "
                + bytes
                + " is less than "
                + MIN_PAYLOAD_LIMIT_BYTES
                + ", the least that holds an omission marker");
      }
      this.payloadLimitBytes = bytes;
      return this;
    }

    /**
     * Adds a kind whose payloads are never written, matched in any case and with a trailing {@code
     * s}; the omission marker names it as given here. The built-in kinds ({@code Secret}, {@code
     * ConfigMap}) stay whatever is added; a kind already covered is not added again.
     *
     * @throws IllegalArgumentException if {@code kind} is null or blank
     */
    public Builder omitPayloadKind(String kind) {
      if (kind == null || kind.isBlank()) {
        throw new IllegalArgumentException("a payload-free kind must not be empty");
      }
      String k = kind.strip();
      if (Conventions.isPayloadFreeKind(k)) {
        return this;
      }
      for (String e : extraKinds) {
        if (Conventions.namesKind(k, e)) {
          return this;
        }
      }
      extraKinds.add(k);
      return this;
    }

    /** The policy. */
    public AuditPolicy build() {
      return new AuditPolicy(this);
    }
  }
}
