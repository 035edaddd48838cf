package io.logconv.spring.boot;

import io.logconv.core.redact.RedactionSettings;
import io.logconv.schema.Conventions;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * The {@code logconv.*} properties, read by the {@link ConventionsFormatter} (Boot creates it before
 * the application context, so it binds them from the {@link Environment} itself) and described in
 * Boot's configuration metadata so that IDEs complete them. Every property has the encoder's
 * default; {@code service} defaults to {@code spring.application.name} and {@code version} to the
 * build info's {@code build.version} when the build wrote one.
 *
 * <pre>{@code
 * logconv.service=checkout
 * logconv.fields.zone=eu-1
 * logconv.redaction.hash-key=${CHECKOUT_HASH_KEY}
 * logconv.stack-trace.root-cause-first=true
 * }</pre>
 */
@ConfigurationProperties(prefix = LogconvProperties.PREFIX)
public class LogconvProperties {
  /** The prefix of every property. */
  public static final String PREFIX = "logconv";

  /** Service name on every line; default: spring.application.name. */
  private String service;

  /** Version on every line; default: build.version of the build info, if present. */
  private String version;

  /** More fields written on every line, by name. */
  private Map<String, String> fields = new LinkedHashMap<>();

  /** Write caller (file and line of the logging call); costs a stack walk. */
  private boolean caller;

  /** Write MDC entries. */
  private boolean mdc = true;

  /** Write SLF4J 2 key/value pairs. */
  private boolean keyValues = true;

  /** Longest line in bytes, newline included. */
  private int maxLineBytes = Conventions.DEFAULT_MAX_LINE_BYTES;

  /** Redaction of secrets and personal data. */
  private final Redaction redaction = new Redaction();

  /** How throwables are written. */
  private final StackTrace stackTrace = new StackTrace();

  /** The audit policy: which audit events are written, and with which payloads. */
  private final Audit audit = new Audit();

  /**
   * The audit policy, in the style of Kubernetes' audit-policy.yaml: a policy file, or rules and a
   * default level here. Audit events no rule matches are written at Metadata (no payload).
   */
  public static class Audit {
    /** A policy file: classpath:audit-policy.yaml or a file path. Not together with rules. */
    private String policy;

    /**
     * Rules, tried in order, first match wins: "level=None; actions=VIEW; actors=system:*",
     * "level=RequestResponse; kinds=apps/Deployment; namespaces=payments".
     */
    private List<String> rules = new ArrayList<>();

    /** Level of an audit event no rule matches: None, Metadata, Request or RequestResponse. */
    private String level;

    /** Most bytes one audit payload may take on the line; 0: the default, 4096. */
    private int payloadLimit;

    public String getPolicy() {
      return policy;
    }

    public void setPolicy(String policy) {
      this.policy = policy;
    }

    public List<String> getRules() {
      return rules;
    }

    public void setRules(List<String> rules) {
      this.rules = rules;
    }

    public String getLevel() {
      return level;
    }

    public void setLevel(String level) {
      this.level = level;
    }

    public int getPayloadLimit() {
      return payloadLimit;
    }

    public void setPayloadLimit(int payloadLimit) {
      this.payloadLimit = payloadLimit;
    }
  }

  public Audit getAudit() {
    return audit;
  }

  /** Redaction of secrets and personal data, on by default. */
  public static class Redaction {
    /** Redact secrets and personal data. */
    private boolean enabled = true;

    /**
     * Key for the keyed hashes that replace personal data, shared by all replicas; default: the
     * environment variable LOGCONV_REDACT_HASH_KEY, else a random key per process (and a warning).
     */
    private String hashKey;

    /** Replacement per detector type: redact, hash or mask (card=mask, email=hash). */
    private Map<String, String> modes = new LinkedHashMap<>();

    /** Detector or key-rule types to turn off (phone, iban). */
    private List<String> disabledDetectors = new ArrayList<>();

    /** More keys whose values are secrets, replaced whole. */
    private List<String> secretKeys = new ArrayList<>();

    /** More keys whose values are personal data, hashed. */
    private List<String> piiKeys = new ArrayList<>();

    /**
     * Also hide IPv4, IPv6 and MAC addresses, personal data under the GDPR (types ipv4, ipv6,
     * mac_address; modes.ipv4=hash for keyed hashes). Loopback and unspecified addresses are kept.
     */
    private boolean networkAddresses;

    /** Sets these options on {@code settings}, the one mapping for the formatter and customizer. */
    void applyTo(RedactionSettings settings) {
      settings.setEnabled(enabled);
      settings.setHashKey(hashKey);
      settings.setRedactionModes(
          modes.entrySet().stream().map(m -> m.getKey() + "=" + m.getValue()).collect(Collectors.joining(",")));
      settings.setDisabledDetectors(String.join(",", disabledDetectors));
      settings.setSecretKeys(String.join(",", secretKeys));
      settings.setPiiKeys(String.join(",", piiKeys));
      settings.setNetworkAddresses(networkAddresses);
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getHashKey() {
      return hashKey;
    }

    public void setHashKey(String hashKey) {
      this.hashKey = hashKey;
    }

    public Map<String, String> getModes() {
      return modes;
    }

    public void setModes(Map<String, String> modes) {
      this.modes = modes;
    }

    public List<String> getDisabledDetectors() {
      return disabledDetectors;
    }

    public void setDisabledDetectors(List<String> disabledDetectors) {
      this.disabledDetectors = disabledDetectors;
    }

    public List<String> getSecretKeys() {
      return secretKeys;
    }

    public void setSecretKeys(List<String> secretKeys) {
      this.secretKeys = secretKeys;
    }

    public List<String> getPiiKeys() {
      return piiKeys;
    }

    public void setPiiKeys(List<String> piiKeys) {
      this.piiKeys = piiKeys;
    }

    public boolean isNetworkAddresses() {
      return networkAddresses;
    }

    public void setNetworkAddresses(boolean networkAddresses) {
      this.networkAddresses = networkAddresses;
    }
  }

  /** How throwables are written. */
  public static class StackTrace {
    /** Frames per throwable before any trimming for size; default: all. */
    private int maxFramesPerCause = Integer.MAX_VALUE;

    /** Start the stack trace with the root cause. */
    private boolean rootCauseFirst;

    /** Add stack_hash, stable across runs, to group identical errors. */
    private boolean stackHash;

    /**
     * Regular expressions of frames to leave out, found in className.methodName (anchor with ^);
     * each run of frames left out is one line, "... n frames excluded". For a pattern with a comma,
     * use the indexed form: exclude-frames[0]=...
     */
    private List<String> excludeFrames = new ArrayList<>();

    /**
     * Shorten class names in stack traces to about this many chars (o.s.w.s.DispatcherServlet);
     * 0: off.
     */
    private int shortenClassNames;

    /** Cut exception messages after this many chars, in error and in every Caused by; 0: no limit. */
    private int maxMessageChars;

    public int getMaxFramesPerCause() {
      return maxFramesPerCause;
    }

    public void setMaxFramesPerCause(int maxFramesPerCause) {
      this.maxFramesPerCause = maxFramesPerCause;
    }

    public boolean isRootCauseFirst() {
      return rootCauseFirst;
    }

    public void setRootCauseFirst(boolean rootCauseFirst) {
      this.rootCauseFirst = rootCauseFirst;
    }

    public boolean isStackHash() {
      return stackHash;
    }

    public void setStackHash(boolean stackHash) {
      this.stackHash = stackHash;
    }

    public List<String> getExcludeFrames() {
      return excludeFrames;
    }

    public void setExcludeFrames(List<String> excludeFrames) {
      this.excludeFrames = excludeFrames;
    }

    public int getShortenClassNames() {
      return shortenClassNames;
    }

    public void setShortenClassNames(int shortenClassNames) {
      this.shortenClassNames = shortenClassNames;
    }

    public int getMaxMessageChars() {
      return maxMessageChars;
    }

    public void setMaxMessageChars(int maxMessageChars) {
      this.maxMessageChars = maxMessageChars;
    }
  }

  /**
   * The properties as {@code environment} sets them, with {@code service} and {@code version}
   * defaulted.
   *
   * @throws org.springframework.boot.context.properties.bind.BindException for a value of the wrong
   *     type, naming the property
   */
  public static LogconvProperties bind(Environment environment) {
    LogconvProperties p =
        Binder.get(environment).bind(PREFIX, LogconvProperties.class).orElseGet(LogconvProperties::new);
    if (p.service == null) {
      p.service = environment.getProperty("spring.application.name");
    }
    if (p.version == null) {
      p.version = buildVersion(environment);
    }
    return p;
  }

  /** {@code build.version} from Boot's build info ({@code spring.info.build.location}), or null. */
  private static String buildVersion(Environment environment) {
    String location =
        environment.getProperty("spring.info.build.location", "classpath:META-INF/build-info.properties");
    Resource r = new DefaultResourceLoader(LogconvProperties.class.getClassLoader()).getResource(location);
    if (!r.exists()) {
      return null;
    }
    Properties info = new Properties();
    try (InputStream in = r.getInputStream()) {
      info.load(in);
    } catch (IOException e) {
      return null; // unreadable build info: no version rather than no logging
    }
    return info.getProperty("build.version");
  }

  public String getService() {
    return service;
  }

  public void setService(String service) {
    this.service = service;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public Map<String, String> getFields() {
    return fields;
  }

  public void setFields(Map<String, String> fields) {
    this.fields = fields;
  }

  public boolean isCaller() {
    return caller;
  }

  public void setCaller(boolean caller) {
    this.caller = caller;
  }

  public boolean isMdc() {
    return mdc;
  }

  public void setMdc(boolean mdc) {
    this.mdc = mdc;
  }

  public boolean isKeyValues() {
    return keyValues;
  }

  public void setKeyValues(boolean keyValues) {
    this.keyValues = keyValues;
  }

  public int getMaxLineBytes() {
    return maxLineBytes;
  }

  public void setMaxLineBytes(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  public Redaction getRedaction() {
    return redaction;
  }

  public StackTrace getStackTrace() {
    return stackTrace;
  }
}
