package io.logconv.lint.report;

/**
 * The program that produced a report, as SARIF's {@code tool.driver} and the JSON report name it.
 *
 * <pre>{@code
 * Tool tool = new Tool("logconv", "0.1.0", "https://logconv.io");
 * }</pre>
 */
public record Tool(String name, String version, String informationUri) {}
