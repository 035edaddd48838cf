package io.logconv.maven;

import io.logconv.lint.source.SourceLinter;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * One {@code <loggerWrapper>} of the plugin's {@code <loggerWrappers>}: a logging wrapper from
 * outside the module (a library's), whose calls the linter then checks like logging calls. Wrappers
 * declared in the module itself are found from their bodies without configuration. Maven fills it
 * from the POM.
 *
 * <pre>{@code
 * <loggerWrappers>
 *   <loggerWrapper>
 *     <type>io.strimzi.operator.common.ReconciliationLogger</type>
 *     <methods>*</methods>          <!-- or debugCr,infoCr,warnCr -->
 *     <skip>1</skip>                 <!-- the reconciliation before the message -->
 *   </loggerWrapper>
 * </loggerWrappers>
 * }</pre>
 */
public final class LoggerWrapper {
  private String type;
  private String methods = "*";
  private int skip;

  /** An empty entry, as Maven creates it before setting its fields. */
  public LoggerWrapper() {}

  /** An entry with every field given. */
  public LoggerWrapper(String type, String methods, int skip) {
    this.type = type;
    this.methods = methods;
    this.skip = skip;
  }

  /** The wrapper's fully qualified type name. */
  public String getType() {
    return type;
  }

  /** Sets the type. */
  public void setType(String type) {
    this.type = type;
  }

  /** Its logging methods, comma-separated; {@code *} (the default) for every level-named one. */
  public String getMethods() {
    return methods;
  }

  /** Sets the methods. */
  public void setMethods(String methods) {
    this.methods = methods;
  }

  /** The number of leading context arguments before the message (default 0). */
  public int getSkip() {
    return skip;
  }

  /** Sets the number of leading arguments. */
  public void setSkip(int skip) {
    this.skip = skip;
  }

  /** Adds {@code wrappers} to {@code builder}, or fails naming the entry that is wrong. */
  static SourceLinter.Builder configure(List<LoggerWrapper> wrappers, SourceLinter.Builder builder)
      throws MojoExecutionException {
    for (LoggerWrapper w : wrappers) {
      String spec = w.type + ":" + (w.methods == null ? "*" : w.methods.replace(" ", "")) + ":" + w.skip;
      try {
        builder.loggerWrapper(spec);
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException("logconv: <loggerWrapper> " + e.getMessage(), e);
      }
    }
    return builder;
  }
}
