package io.logconv.lint.validate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.logconv.schema.LogSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON Schema verdict on a line, by networknt json-schema-validator (draft-04 unless the schema
 * says otherwise). Used for {@code --schema adr} (ADR 0006's schema verbatim) and {@code --schema
 * FILE}; {@link #strict()} is the reference the fast path of {@link LineValidator} is tested
 * against. The schema is compiled once; {@link #check} is thread-safe.
 *
 * <pre>{@code
 * SchemaCheck adr = SchemaCheck.adr();
 * adr.check(bytes, 0, bytes.length, (rule, message) -> ...); // LV016 findings
 * }</pre>
 */
public final class SchemaCheck {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private final Schema schema;
  private final String name;

  private SchemaCheck(Schema schema, String name) {
    this.schema = schema;
    this.name = name;
  }

  /** ADR 0006's schema, verbatim. */
  public static SchemaCheck adr() {
    return fromResource(LogSchemas.ADR_RESOURCE, "ADR 0006 schema");
  }

  /** logconv's strict schema, the one the fast path implements. */
  public static SchemaCheck strict() {
    return fromResource(LogSchemas.STRICT_RESOURCE, "strict schema");
  }

  /**
   * A schema read from a file.
   *
   * @throws IOException if the file cannot be read or is not JSON
   */
  public static SchemaCheck fromFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return compile(MAPPER.readTree(in), file.getFileName().toString());
    } catch (JacksonException e) {
      throw new IOException("schema " + file + " is not valid JSON", e);
    }
  }

  private static SchemaCheck fromResource(String resource, String name) {
    try (InputStream in = LogSchemas.open(resource)) {
      return compile(MAPPER.readTree(in), name);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  private static SchemaCheck compile(JsonNode node, String name) {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    return new SchemaCheck(registry.getSchema(node), name);
  }

  /** Reports each schema error of the line as an {@code LV016} finding. */
  public void check(byte[] b, int off, int len, LineValidator.Findings out) {
    for (String message : errors(b, off, len)) {
      out.add(ValidatorRules.SCHEMA, message);
    }
  }

  /** The schema's error messages for a line that is valid JSON; empty if it conforms. */
  public List<String> errors(byte[] b, int off, int len) {
    JsonNode node;
    try {
      node = MAPPER.readTree(b, off, len);
    } catch (JacksonException e) {
      return List.of(); // not JSON: the caller already reported it
    }
    List<Error> errors = schema.validate(node);
    return errors.stream().map(e -> name + ": " + e.toString()).toList();
  }
}
