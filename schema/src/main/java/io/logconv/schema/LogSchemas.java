package io.logconv.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Where the two JSON Schemas of the contract (and an OpenSearch index template for it) live on the
 * classpath, and how to open them.
 *
 * <p>{@link #ADR_RESOURCE} is ADR 0006's schema verbatim, for "conforms to the ADR" checks. It has
 * two known defects: its {@code not: {required: [...]}} only rejects an object holding all eleven
 * reserved keys at once, and the list includes {@code level}, which the schema also requires.
 * {@link #STRICT_RESOURCE} is logconv's corrected schema: each collector-reserved key is rejected on
 * its own, {@code audit} is a boolean, {@code action}, {@code level} and {@code ts} are constrained,
 * key names must be Loki-safe and an audit event must carry an {@code action}. Both are draft-04.
 *
 * <pre>{@code
 * try (InputStream in = LogSchemas.open(LogSchemas.STRICT_RESOURCE)) {
 *   JsonNode schemaNode = mapper.readTree(in);
 * }
 * }</pre>
 */
public final class LogSchemas {
  /** Classpath resource of ADR 0006's JSON Schema, verbatim. */
  public static final String ADR_RESOURCE = "/io/logconv/schema/adr-0006.schema.json";

  /** Classpath resource of logconv's corrected strict JSON Schema. */
  public static final String STRICT_RESOURCE = "/io/logconv/schema/logconv-strict.schema.json";

  /**
   * Classpath resource of an OpenSearch composable index template for logconv's lines: each
   * {@link Field} mapped by its type ({@code ts} a date, strings keywords or text, {@code audit} a
   * boolean, {@code statusCode} an integer), the audit payloads kept in {@code _source} but never
   * mapped ({@code "enabled": false}), and the {@code logconv} ingest processor's verdict ({@code
   * logconv.conforms}, {@code logconv.findings}). {@code logconv opensearch template} prints it.
   */
  public static final String OPENSEARCH_TEMPLATE_RESOURCE =
      "/io/logconv/schema/opensearch-index-template.json";

  private LogSchemas() {}

  /**
   * Opens one of this class's schema resources.
   *
   * @throws UncheckedIOException if the resource is missing (a broken jar)
   */
  public static InputStream open(String resource) {
    InputStream in = LogSchemas.class.getResourceAsStream(resource);
    if (in == null) {
      throw new UncheckedIOException(
          new IOException("schema resource not found on the classpath: " + resource));
    }
    return in;
  }
}
