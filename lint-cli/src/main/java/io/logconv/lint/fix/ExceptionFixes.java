package io.logconv.lint.fix;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.LogEvent;
import io.logconv.lint.source.LoggingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code LC010} rewrite: a message that carries only {@code e.getMessage()} (or {@code
 * getLocalizedMessage()}, {@code toString()}) of a caught exception passes the exception itself,
 * last, so the stack trace and causes are logged.
 *
 * <pre>{@code
 * log.error("fetch of {} failed: {}", url, e.getMessage()); // -> log.error("fetch of {} failed", url, e);
 * log.error("fetch failed: " + e.getMessage());            // -> log.error("fetch failed", e);
 * }</pre>
 *
 * <p>Proposed only for SLF4J and Log4j2 classic calls, where {@code e} is evidently a throwable
 * (declared or caught as one), the message is a string literal, and the message-only value is the
 * last argument and fills the last placeholder (or ends the concatenation), followed by nothing
 * but closing punctuation; the separator before it ({@code ": "}, {@code " - "}) goes too, and
 * words that only introduced it ({@code ", due to"}, {@code ". Exception"}).
 */
public final class ExceptionFixes {
  static final String DESCRIPTION = "Pass the exception itself as the last argument";
  /** What ends a message before the removed value: spaces and separators. */
  private static final Pattern BEFORE = Pattern.compile("(?:\\s|:|=|-|,|;|\\(|\\[|'|\\\\\")*$");
  /**
   * Words that only introduced the removed value ({@code ", due to"}, {@code ". Exception"}), gone
   * with it; a word such as {@code error} only after a separator, so {@code "failed with error"}
   * keeps it.
   */
  private static final Pattern INTRODUCER = Pattern.compile(
      "(?i)(?:\\s*[,.;:\\-]\\s*(?:reason|error|exception|message|details?|cause)"
          + "|[\\s,.;:\\-]*\\b(?:due to|because(?: of)?|caused by))$");
  /** What may follow the removed value: closing punctuation only. */
  private static final Pattern AFTER = Pattern.compile("(?:\\s|\\.|\\)|\\]|'|\\\\\")*");

  private ExceptionFixes() {}

  /**
   * The fix of {@code event} whose message-only value is {@code getter} (a call such as {@code
   * e.getMessage()} on the caught exception {@code exception}).
   */
  public static Optional<Fix> exceptionLast(
      LogEvent event, MethodCallExpr getter, NameExpr exception, JavaContext ctx) {
    if (event.fluent() || event.api() == LoggingModel.Api.JUL || event.message().isEmpty()
        || !ctx.logging().isThrowable(exception)) {
      return Optional.empty();
    }
    Expression message = event.message().get();
    List<Expression> args = event.arguments();
    if (message instanceof StringLiteralExpr lit && !(message instanceof TextBlockLiteralExpr)) {
      // log.error("x: {}", e.getMessage()) -> log.error("x", e)
      if (args.isEmpty() || !args.get(args.size() - 1).equals(getter)) {
        return Optional.empty();
      }
      Expression last = args.get(args.size() - 1);
      String raw = lit.getValue();
      String text = lit.asString();
      if (MessageFixes.count(text, "{}") != args.size() || text.contains("\\{}")) {
        return Optional.empty();
      }
      int at = raw.lastIndexOf("{}");
      return withoutValue(raw.substring(0, at), raw.substring(at + 2)).flatMap(newRaw -> {
        List<Replacement> rs = new ArrayList<>();
        ctx.source().replace(lit, "\"" + newRaw + "\"").ifPresent(rs::add);
        ctx.source().replace(last, exception.getNameAsString()).ifPresent(rs::add);
        return rs.size() == 2 ? Optional.of(new Fix(DESCRIPTION, rs)) : Optional.empty();
      });
    }
    if (message instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
        && args.isEmpty()) {
      // log.error("x: " + e.getMessage()) -> log.error("x", e)
      List<Expression> operands = new ArrayList<>();
      Expression e = b;
      while (e instanceof BinaryExpr be && be.getOperator() == BinaryExpr.Operator.PLUS) {
        operands.add(0, be.getRight());
        e = be.getLeft();
      }
      operands.add(0, e);
      int at = operands.indexOf(getter);
      if (at < 1 || at < operands.size() - 2) {
        return Optional.empty();
      }
      StringBuilder before = new StringBuilder();
      StringBuilder after = new StringBuilder();
      if (!literals(operands.subList(0, at), before)
          || !literals(operands.subList(at + 1, operands.size()), after)) {
        return Optional.empty();
      }
      return withoutValue(before.toString(), after.toString())
          .filter(newRaw -> !new StringLiteralExpr(newRaw).asString().contains("{}"))
          .flatMap(newRaw -> ctx.source().replace(message,
              "\"" + newRaw + "\", " + exception.getNameAsString()))
          .map(r -> new Fix(DESCRIPTION, List.of(r)));
    }
    return Optional.empty();
  }

  private static boolean literals(List<Expression> operands, StringBuilder raw) {
    for (Expression e : operands) {
      if (!(e instanceof StringLiteralExpr s) || e instanceof TextBlockLiteralExpr) {
        return false;
      }
      raw.append(s.getValue());
    }
    return true;
  }

  /** The literal's source text with the value between {@code before} and {@code after} removed. */
  private static Optional<String> withoutValue(String before, String after) {
    if (!AFTER.matcher(after).matches()) {
      return Optional.empty();
    }
    String kept = strip(BEFORE, before);
    String shorter = strip(BEFORE, strip(INTRODUCER, kept));
    kept = shorter.isBlank() ? kept : shorter;
    return kept.isBlank() ? Optional.empty() : Optional.of(kept);
  }

  private static String strip(Pattern end, String text) {
    Matcher m = end.matcher(text);
    return m.find() ? text.substring(0, m.start()) : text;
  }
}
