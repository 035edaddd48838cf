package io.logconv.opensearch;

import io.logconv.core.audit.AuditPayload;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.validate.LineValidator;
import io.logconv.lint.validate.SecretScanner;
import io.logconv.schema.Conventions;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opensearch.ingest.AbstractProcessor;
import org.opensearch.ingest.ConfigurationUtils;
import org.opensearch.ingest.IngestDocument;
import org.opensearch.ingest.Processor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * The {@value #TYPE} ingest processor: checks each document against the log contract as {@code
 * logconv validate} checks a line, writes the verdict into the document and redacts secrets and
 * personal data before the document is indexed. It never fails a document because of what the
 * document holds.
 *
 * <p>Options (see the module README):
 *
 * <ul>
 *   <li>{@value #FIELD_OPTION} (none): the application's line is the JSON text in this field, as
 *       Fluent Bit sends it without {@code Merge_Log}. It is parsed, its fields are put at the
 *       document's root (a field named like a document metadata field, {@code _index}, {@code _id}
 *       …, or like the target field is put under {@code app_<name>}, {@link
 *       Conventions#RENAME_PREFIX}), and the source field is removed; the text itself, without one
 *       trailing newline, is what is checked. A field that is absent, or whose text is not one JSON
 *       object, gets the validator's findings for that text ({@code LV001} for text that is not
 *       JSON, an empty text for an absent field); the text stays where it is, redacted. Without
 *       this option the document itself is the event, as Fluent Bit's {@code Merge_Log On} sends
 *       it with its own keys added.
 *   <li>{@value #PIPELINE_KEYS_OPTION} ({@link #DEFAULT_PIPELINE_KEYS}: {@link
 *       Conventions#PIPELINE_KEYS} and {@code time}, the CRI and Docker parsers' record time): the
 *       top-level keys the pipeline added. They are left out of the checks, but still redacted.
 *   <li>{@value #REDACT_OPTION} ({@code true}): redacts every string in the document with sdk-core's
 *       {@link SecretRedactor#defaults()}, recursively through objects and arrays with each
 *       property's name as the key of the key rules (an array's elements under the array's name);
 *       an object, array, number or boolean under a secret or PII key is replaced whole. A
 *       top-level {@code actor} is written as its keyed hash and the payloads of a payload-free
 *       kind as their omission marker, as {@code logconv redact} writes them. The hash key is read
 *       as the SDK reads it: the system property {@value SecretRedactor#HASH_KEY_PROPERTY} of the
 *       OpenSearch node, else the environment variable {@value SecretRedactor#HASH_KEY_ENV}, else a
 *       random key per node start. {@code false} only reports.
 *   <li>{@value #TARGET_FIELD_OPTION} ({@value #DEFAULT_TARGET_FIELD}): where {@value #CONFORMS}
 *       (boolean: no findings) and {@value #FINDINGS} (the rule ids, in the validator's order, each
 *       once) are written. A top-level field of this name is not the application's.
 *   <li>{@value #AUDIT_INDEX_OPTION} (none): an event whose {@code audit} is the JSON boolean {@code
 *       true} is routed to this index ({@code _index}).
 * </ul>
 *
 * <p>The findings are {@code logconv validate}'s rule ids for the application's line: with {@value
 * #FIELD_OPTION}, that text; without it, the JSON of the document's top-level fields in document
 * order, without the document metadata, the pipeline keys and the target field. (Merged, a key the
 * application itself wrote under a pipeline key's name cannot be told from the pipeline's, so its
 * {@code LV003}/{@code LV004} finding is not given; with {@value #FIELD_OPTION} it is.) An unexpected
 * failure of the processor itself adds {@value #INTERNAL_ERROR} to the findings and lets the
 * document through. Thread-safe: each indexing thread has its own validator and buffers.
 */
public final class LogconvProcessor extends AbstractProcessor {
  /** The processor's type, the name a pipeline gives it. */
  public static final String TYPE = "logconv";

  public static final String FIELD_OPTION = "field";
  public static final String PIPELINE_KEYS_OPTION = "pipeline_keys";
  public static final String REDACT_OPTION = "redact";
  public static final String TARGET_FIELD_OPTION = "target_field";
  public static final String AUDIT_INDEX_OPTION = "audit_index";

  /** Default of {@value #TARGET_FIELD_OPTION}. */
  public static final String DEFAULT_TARGET_FIELD = "logconv";
  /** Key of the verdict under the target field: true if the line has no findings. */
  public static final String CONFORMS = "conforms";
  /** Key of the rule ids under the target field. */
  public static final String FINDINGS = "findings";

  /**
   * The finding of a failure of the processor itself (not of one of the validator's checks, which
   * reports its own failures under its own id): the document is indexed as far as it was
   * processed.
   */
  public static final String INTERNAL_ERROR = "LP001";

  /** The record time that the CRI and Docker parsers (Fluent Bit, fluentd) add. */
  static final String RECORD_TIME = "time";

  /** Default of {@value #PIPELINE_KEYS_OPTION}: {@link Conventions#PIPELINE_KEYS} and {@code time}. */
  public static final Set<String> DEFAULT_PIPELINE_KEYS = defaultPipelineKeys();

  private static final Set<String> METADATA_KEYS = metadataKeys();

  private static final JsonFactory JSON =
      JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();

  /** A thread's buffer is dropped after a document larger than this, not kept at that size. */
  private static final int KEPT_BUFFER_BYTES = 1 << 20;

  private static final ThreadLocal<Worker> WORKERS = ThreadLocal.withInitial(Worker::new);

  private final String field;
  private final Set<String> pipelineKeys;
  private final boolean redact;
  private final String targetField;
  private final String auditIndex;
  private final SecretRedactor redactor;

  LogconvProcessor(
      String tag,
      String description,
      String field,
      Set<String> pipelineKeys,
      boolean redact,
      String targetField,
      String auditIndex) {
    super(tag, description);
    this.field = field;
    this.pipelineKeys = pipelineKeys;
    this.redact = redact;
    this.targetField = targetField;
    this.auditIndex = auditIndex;
    this.redactor = SecretRedactor.defaults();
  }

  @Override
  public String getType() {
    return TYPE;
  }

  /** {@value #FIELD_OPTION}, or null. */
  public String field() {
    return field;
  }

  /** {@value #PIPELINE_KEYS_OPTION}, unmodifiable. */
  public Set<String> pipelineKeys() {
    return pipelineKeys;
  }

  /** {@value #REDACT_OPTION}. */
  public boolean redacts() {
    return redact;
  }

  /** {@value #TARGET_FIELD_OPTION}. */
  public String targetField() {
    return targetField;
  }

  /** {@value #AUDIT_INDEX_OPTION}, or null. */
  public String auditIndex() {
    return auditIndex;
  }

  @Override
  public IngestDocument execute(IngestDocument document) {
    Worker w = WORKERS.get();
    List<String> ids = w.ids;
    ids.clear();
    Map<String, Object> source = document.getSourceAndMetadata();
    try {
      if (field == null) {
        checkMerged(source, w);
      } else {
        checkField(source, w);
      }
    } catch (RuntimeException e) {
      addOnce(ids, INTERNAL_ERROR);
    } finally {
      w.release();
    }
    if (redact) {
      try {
        redactDocument(source, w);
      } catch (RuntimeException e) {
        addOnce(ids, INTERNAL_ERROR);
      }
    }
    if (auditIndex != null) {
      try {
        if (Boolean.TRUE.equals(source.get(Conventions.AUDIT))) {
          document.setFieldValue(IngestDocument.Metadata.INDEX.getFieldName(), auditIndex);
        }
      } catch (RuntimeException e) {
        addOnce(ids, INTERNAL_ERROR);
      }
    }
    writeVerdict(document, source, ids);
    return document;
  }

  private void writeVerdict(IngestDocument document, Map<String, Object> source, List<String> ids) {
    Map<String, Object> verdict = new LinkedHashMap<>(4);
    verdict.put(CONFORMS, ids.isEmpty());
    verdict.put(FINDINGS, new ArrayList<>(ids));
    try {
      document.setFieldValue(targetField, verdict);
    } catch (RuntimeException e) {
      // A dotted target field whose parent is not an object: the verdict still gets written.
      if (!ids.contains(INTERNAL_ERROR)) {
        ids.add(INTERNAL_ERROR);
        verdict.put(CONFORMS, false);
        verdict.put(FINDINGS, new ArrayList<>(ids));
      }
      source.put(targetField, verdict);
    }
  }

  // ---------------------------------------------------------------- checks

  private void checkMerged(Map<String, Object> source, Worker w) {
    Buffer out = w.bytes;
    out.reset();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : source.entrySet()) {
        String key = e.getKey();
        if (isApplicationKey(key)) {
          g.writeName(key);
          write(g, e.getValue());
        }
      }
      g.writeEndObject();
    }
    w.validator.check(out.array(), 0, out.size(), w.collect);
  }

  private boolean isApplicationKey(String key) {
    return !METADATA_KEYS.contains(key) && !pipelineKeys.contains(key) && !key.equals(targetField);
  }

  private void checkField(Map<String, Object> source, Worker w) {
    Object value = source.get(field);
    if (value instanceof Map<?, ?> parsed) {
      // An earlier processor (json) has parsed the line already: it is checked as its JSON.
      Buffer out = w.bytes;
      out.reset();
      try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
        write(g, parsed);
      }
      w.validator.check(out.array(), 0, out.size(), w.collect);
      source.remove(field);
      merge(parsed, source);
      return;
    }
    String text = value == null ? "" : withoutNewline(String.valueOf(value));
    byte[] line = text.getBytes(StandardCharsets.UTF_8);
    w.validator.check(line, 0, line.length, w.collect);
    Map<String, Object> parsed = parseObject(line);
    if (parsed != null) {
      source.remove(field);
      merge(parsed, source);
    }
  }

  private void merge(Map<?, ?> parsed, Map<String, Object> source) {
    for (Map.Entry<?, ?> e : parsed.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (METADATA_KEYS.contains(key) || key.equals(targetField)) {
        key = Conventions.RENAME_PREFIX + key;
      }
      source.put(key, e.getValue());
    }
  }

  private static String withoutNewline(String s) {
    int n = s.length();
    if (n > 0 && s.charAt(n - 1) == '\n') {
      n--;
      if (n > 0 && s.charAt(n - 1) == '\r') {
        n--;
      }
    }
    return n == s.length() ? s : s.substring(0, n);
  }

  /** The JSON object {@code b} holds, in its key order, or null if it holds anything else. */
  static Map<String, Object> parseObject(byte[] b) {
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), b, 0, b.length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Map<String, Object> m = readObject(p);
      return p.nextToken() == null ? m : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  private static Map<String, Object> readObject(JsonParser p) {
    Map<String, Object> m = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      m.put(key, readValue(p, p.nextToken()));
    }
    return m;
  }

  private static Object readValue(JsonParser p, JsonToken t) {
    return switch (t) {
      case START_OBJECT -> readObject(p);
      case START_ARRAY -> readArray(p);
      case VALUE_STRING -> p.getString();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      default -> null;
    };
  }

  private static List<Object> readArray(JsonParser p) {
    List<Object> list = new ArrayList<>();
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
      list.add(readValue(p, e));
    }
    return list;
  }

  private static void write(JsonGenerator g, Object v) {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Double d) {
      g.writeNumber(d.doubleValue());
    } else if (v instanceof Float f) {
      g.writeNumber(f.floatValue());
    } else if (v instanceof BigInteger bi) {
      g.writeNumber(bi);
    } else if (v instanceof BigDecimal bd) {
      g.writeNumber(bd);
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object e : list) {
        write(g, e);
      }
      g.writeEndArray();
    } else if (v instanceof Object[] array) {
      write(g, Arrays.asList(array));
    } else if (v instanceof byte[] bytes) {
      g.writeBinary(bytes);
    } else {
      g.writeString(v.toString());
    }
  }

  private static String render(Object v) {
    StringWriter s = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), s)) {
      write(g, v);
    }
    return s.toString();
  }

  // ---------------------------------------------------------------- redaction

  private void redactDocument(Map<String, Object> source, Worker w) {
    String freeKind = payloadFreeKind(source.get(Conventions.CONTROLLER_KIND));
    for (Map.Entry<String, Object> e : source.entrySet()) {
      String key = e.getKey();
      if (METADATA_KEYS.contains(key) || key.equals(targetField)) {
        continue;
      }
      Object v = e.getValue();
      Object r;
      if (key.equals(Conventions.ACTOR) && v != null && !(v instanceof Map) && !(v instanceof List)) {
        String text = String.valueOf(v);
        String h = redactor.pseudonym(text, w.scratch).toString();
        r = h.equals(text) ? v : h;
      } else if (freeKind != null && Conventions.PAYLOAD_FIELDS.contains(key) && v != null) {
        r = v instanceof String s && AuditPayload.isOmissionMarker(s) ? v : AuditPayload.omittedFor(freeKind);
      } else {
        r = redactValue(key, v, w);
      }
      if (r != v) {
        e.setValue(r);
      }
    }
  }

  private Object redactValue(String key, Object v, Worker w) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      CharSequence r = redactor.redact(key, s, w.scratch);
      if (r == s) {
        return s;
      }
      String t = r.toString();
      return t.equals(s) ? s : t;
    }
    if (key != null && redactor.isSensitiveKey(key)) {
      // An object, array, number or boolean under a secret or PII key: replaced whole.
      String whole = v instanceof Map || v instanceof List ? render(v) : String.valueOf(v);
      String r = redactor.redactRendered(key, whole, w.scratch).toString();
      return r.equals(whole) ? v : r;
    }
    if (v instanceof Map<?, ?> m) {
      return redactMap(m, w);
    }
    if (v instanceof List<?> list) {
      return redactList(key, list, w);
    }
    return v;
  }

  /**
   * Redacts {@code m} in place; returns {@code m}, or a redacted copy if {@code m} cannot be
   * changed (an unmodifiable map another processor put there), which the caller puts instead.
   */
  @SuppressWarnings("unchecked") // the document's own maps, which OpenSearch lets processors change
  private Map<?, ?> redactMap(Map<?, ?> m, Worker w) {
    for (Map.Entry<Object, Object> e : ((Map<Object, Object>) m).entrySet()) {
      Object v = e.getValue();
      Object r = redactValue(String.valueOf(e.getKey()), v, w);
      if (r != v) {
        try {
          e.setValue(r);
        } catch (UnsupportedOperationException unmodifiable) {
          Map<Object, Object> copy = new LinkedHashMap<>(m);
          copy.put(e.getKey(), r);
          return redactMap(copy, w);
        }
      }
    }
    return m;
  }

  /** Redacts {@code list} in place, or returns a redacted copy, as {@link #redactMap}. */
  @SuppressWarnings("unchecked") // the document's own lists
  private List<?> redactList(String key, List<?> list, Worker w) {
    for (ListIterator<Object> it = ((List<Object>) list).listIterator(); it.hasNext(); ) {
      Object v = it.next();
      Object r = redactValue(key, v, w);
      if (r != v) {
        try {
          it.set(r);
        } catch (UnsupportedOperationException unmodifiable) {
          List<Object> copy = new ArrayList<>(list);
          copy.set(it.previousIndex(), r);
          return redactList(key, copy, w);
        }
      }
    }
    return list;
  }

  /** The entry of {@link Conventions#PAYLOAD_FREE_KINDS} that {@code kind} names, or null. */
  static String payloadFreeKind(Object kind) {
    return kind instanceof CharSequence cs ? Conventions.payloadFreeKind(cs) : null;
  }

  // ---------------------------------------------------------------- helpers

  private static void addOnce(List<String> ids, String id) {
    if (!ids.contains(id)) {
      ids.add(id);
    }
  }

  private static Set<String> defaultPipelineKeys() {
    Set<String> keys = new LinkedHashSet<>(Conventions.PIPELINE_KEYS);
    keys.add(RECORD_TIME);
    return Collections.unmodifiableSet(keys);
  }

  private static Set<String> metadataKeys() {
    Set<String> keys = new HashSet<>();
    for (IngestDocument.Metadata m : IngestDocument.Metadata.values()) {
      keys.add(m.getFieldName());
    }
    return Collections.unmodifiableSet(keys);
  }

  /** A byte buffer whose array the validator reads in place. */
  static final class Buffer extends ByteArrayOutputStream {
    Buffer(int size) {
      super(size);
    }

    byte[] array() {
      return buf;
    }
  }

  /** One thread's validator and buffers, reused for each document that thread processes. */
  private static final class Worker {
    final LineValidator validator =
        new LineValidator(
            SecretScanner.of(SecretRedactor.defaults()), null, Conventions.DEFAULT_MAX_LINE_BYTES);
    final List<String> ids = new ArrayList<>();
    final LineValidator.Findings collect = (rule, message) -> addOnce(ids, rule.id());
    final StringBuilder scratch = new StringBuilder();
    Buffer bytes = new Buffer(4096);

    void release() {
      if (bytes.array().length > KEPT_BUFFER_BYTES) {
        bytes = new Buffer(4096);
      }
      if (scratch.capacity() > KEPT_BUFFER_BYTES) {
        scratch.setLength(0);
        scratch.trimToSize();
      }
    }
  }

  /** Makes {@link LogconvProcessor}s from a pipeline's options; rejects bad ones by name. */
  public static final class Factory implements Processor.Factory {
    @Override
    public LogconvProcessor create(
        Map<String, Processor.Factory> registry,
        String tag,
        String description,
        Map<String, Object> config) {
      String field = ConfigurationUtils.readOptionalStringProperty(TYPE, tag, config, FIELD_OPTION);
      if (field != null && field.isBlank()) {
        throw ConfigurationUtils.newConfigurationException(
            TYPE, tag, FIELD_OPTION, "must be a non-empty field name");
      }
      Set<String> pipelineKeys = DEFAULT_PIPELINE_KEYS;
      List<Object> keys = ConfigurationUtils.readOptionalList(TYPE, tag, config, PIPELINE_KEYS_OPTION);
      if (keys != null) {
        Set<String> given = new LinkedHashSet<>();
        for (Object k : keys) {
          if (!(k instanceof String s) || s.isEmpty()) {
            throw ConfigurationUtils.newConfigurationException(
                TYPE, tag, PIPELINE_KEYS_OPTION, "must be a list of non-empty strings, but holds [" + k + "]");
          }
          given.add(s);
        }
        pipelineKeys = Collections.unmodifiableSet(given);
      }
      boolean redact = ConfigurationUtils.readBooleanProperty(TYPE, tag, config, REDACT_OPTION, true);
      String targetField =
          ConfigurationUtils.readStringProperty(TYPE, tag, config, TARGET_FIELD_OPTION, DEFAULT_TARGET_FIELD);
      if (targetField.isBlank()) {
        throw ConfigurationUtils.newConfigurationException(
            TYPE, tag, TARGET_FIELD_OPTION, "must be a non-empty field name");
      }
      String auditIndex = ConfigurationUtils.readOptionalStringProperty(TYPE, tag, config, AUDIT_INDEX_OPTION);
      if (auditIndex != null) {
        String problem = indexNameProblem(auditIndex);
        if (problem != null) {
          throw ConfigurationUtils.newConfigurationException(TYPE, tag, AUDIT_INDEX_OPTION, problem);
        }
      }
      return new LogconvProcessor(tag, description, field, pipelineKeys, redact, targetField, auditIndex);
    }

    /** Why {@code name} cannot be an index name, or null if it can. */
    static String indexNameProblem(String name) {
      if (name.isEmpty()) {
        return "must be an index name, not empty";
      }
      if (!name.toLowerCase(Locale.ROOT).equals(name)) {
        return "must be lowercase, as index names are: [" + name + "]";
      }
      char first = name.charAt(0);
      if (first == '_' || first == '-' || first == '+') {
        return "must not start with '_', '-' or '+': [" + name + "]";
      }
      if (name.equals(".") || name.equals("..")) {
        return "must not be '.' or '..'";
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (" \\/*?\"<>|,#:".indexOf(c) >= 0) {
          return "must not contain '" + c + "': [" + name + "]";
        }
      }
      return null;
    }
  }
}
