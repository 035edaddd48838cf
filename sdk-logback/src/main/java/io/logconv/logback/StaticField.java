package io.logconv.logback;

/**
 * A field written on every line, configured in {@code logback.xml} inside the encoder:
 *
 * <pre>{@code
 * <field><name>service</name><value>component-controller</value></field>
 * }</pre>
 *
 * <p>Values may use Logback substitution ({@code ${HOSTNAME}}, {@code ${VERSION:-dev}}). An event's
 * own field of the same name wins.
 */
public class StaticField {
  private String name;
  private String value = "";

  /** Joran needs a public no-argument constructor. */
  public StaticField() {}

  /** A field named {@code name} with {@code value}. */
  public StaticField(String name, String value) {
    this.name = name;
    this.value = value;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value == null ? "" : value;
  }
}
