package io.logconv.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.Finding;
import io.logconv.lint.source.LintRule;
import io.logconv.lint.source.SourceLinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Applies a rule's fixes to a before text and checks the after text: exactly the expected one, a
 * second run changes nothing, and (for Java) it compiles against the test classpath, which holds
 * slf4j-api and logconv-schema.
 */
final class FixCheck {
  private final SourceLinter linter;
  private final Map<String, Integer> counts = new TreeMap<>();

  private FixCheck(SourceLinter linter) {
    this.linter = linter;
  }

  static FixCheck of(LintRule... rules) {
    return new FixCheck(SourceLinter.builder().rules(List.of(rules)).build());
  }

  static FixCheck withSchema(LintRule... rules) {
    return new FixCheck(SourceLinter.builder().rules(List.of(rules)).schemaOnClasspath(true).build());
  }

  /** The fixed text of {@code before}, checked to be stable and (for Java) to compile. */
  String fix(String fileName, String before) {
    String after = apply(fileName, before);
    assertThat(apply(fileName, after)).as("a second fix run changes nothing").isEqualTo(after);
    if (fileName.endsWith(".java")) {
      assertThat(compileErrors(fileName, after)).as("the fixed source compiles").isEmpty();
    }
    return after;
  }

  /** The fixes applied by the last {@link #fix} calls, per rule. */
  Map<String, Integer> counts() {
    return counts;
  }

  List<Finding> findings(String fileName, String text) {
    return linter.lintText(fileName, text);
  }

  private String apply(String fileName, String text) {
    return Fixer.fixText(linter, fileName, text, linter.lintText(fileName, text), counts);
  }

  /** javac's errors for {@code source} against the test classpath. */
  static List<String> compileErrors(String fileName, String source) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out;
    try {
      out = Files.createTempDirectory("fixcheck");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavaFileObject file = new SimpleJavaFileObject(
        URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
          "-d", out.toString(), "-proc:none", "-Xlint:none");
      javac.getTask(null, fm, diagnostics, options, null, List.of(file)).call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
      }
    }
    return errors;
  }
}
