package io.logconv.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.logconv.schema.LogSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helpers, shared with the adapters: parse a written line strictly and check it against the strict schema. */
public final class Lines {
  public static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  public static final Schema STRICT;

  static {
    try (InputStream in = LogSchemas.open(LogSchemas.STRICT_RESOURCE)) {
      STRICT =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
              .getSchema(MAPPER.readTree(in));
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Lines() {}

  /** The line as text, after checking it is one well-formed, conformant line. */
  public static String text(JsonBuffer buf) {
    byte[] bytes = buf.toByteArray();
    String s = new String(bytes, StandardCharsets.UTF_8);
    assertThat(s).endsWith("\n");
    assertThat(s.indexOf('\n')).as("exactly one line").isEqualTo(s.length() - 1);
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new AssertionError("line is not valid UTF-8: " + s, e);
    }
    return s;
  }

  public static JsonNode parse(JsonBuffer buf) {
    return MAPPER.readTree(text(buf));
  }

  /** Parses one line of text (newline optional) and asserts it conforms to the strict schema. */
  public static JsonNode conforming(String line) {
    assertThat(line.indexOf('\n')).as("one line").isIn(-1, line.length() - 1);
    JsonNode node = MAPPER.readTree(line);
    assertThat(STRICT.validate(node)).as("strict schema errors for %s", line).isEmpty();
    return node;
  }

  /** Parses and asserts the line conforms to the strict schema. */
  public static JsonNode conforming(JsonBuffer buf) {
    JsonNode node = parse(buf);
    List<Error> errors = STRICT.validate(node);
    assertThat(errors).as("strict schema errors for %s", node).isEmpty();
    return node;
  }

  public static List<String> keys(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.properties().forEach(e -> out.add(e.getKey()));
    return out;
  }
}
