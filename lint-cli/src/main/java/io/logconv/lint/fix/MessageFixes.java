package io.logconv.lint.fix;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
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

/**
 * The {@code LC008} rewrite: a message built by concatenation, {@code String.format(...)} or
 * {@code "...".formatted(...)} becomes a constant format with {@code {}} placeholders and the
 * values as arguments, before a trailing throwable.
 *
 * <pre>{@code
 * log.warn("retry " + n + " of " + max, e);          // -> log.warn("retry {} of {}", n, max, e);
 * log.info(String.format("scaled %s to %d", d, r));  // -> log.info("scaled {} to {}", d, r);
 * }</pre>
 *
 * <p>No fix is proposed where the result could log something else: a format with anything but
 * {@code %s} and {@code %d} (width, precision, {@code %n}, {@code %%}, argument indexes), a
 * format whose argument count differs from its specifiers, text that already holds {@code {}} or
 * ends in a backslash before a value (SLF4J's escape), a text block, a concatenation that may be
 * an arithmetic sum, a call with format arguments of its own, a value that is itself a throwable
 * (it would become the event's exception), java.util.logging, and Log4j2 formatter loggers.
 */
public final class MessageFixes {
  static final String DESCRIPTION = "Use a constant message with {} placeholders and the values as arguments";

  private MessageFixes() {}

  /** A piece of the new message: literal text (source form), a constant's source, or a value. */
  private record Part(Kind kind, String source, String value, Expression expr, String before) {
    Part(Kind kind, String source, String value, Expression expr) {
      this(kind, source, value, expr, null);
    }
  }

  /** A piece of the message expression: a literal's content (source form) or a constant. */
  private static final class Piece {
    final boolean literal;
    final StringBuilder code;
    final String before;

    Piece(boolean literal, String code, String before) {
      this.literal = literal;
      this.code = new StringBuilder(code);
      this.before = before;
    }
  }

  private enum Kind {
    TEXT,
    CONSTANT,
    VALUE
  }

  /** The fix of {@code event}'s {@code message}, if it can be rewritten exactly. */
  public static Optional<Fix> placeholders(LogEvent event, Expression message, JavaContext ctx) {
    if (!event.usesBracePlaceholders() || formatterLogger(event, ctx)) {
      return Optional.empty();
    }
    List<Expression> args = event.arguments();
    boolean trailingThrowable = args.size() == 1 && ctx.logging().isThrowable(args.get(0));
    if (!args.isEmpty() && (!trailingThrowable || event.fluent())) {
      return Optional.empty();
    }
    List<Part> parts = new ArrayList<>();
    if (message instanceof BinaryExpr b) {
      if (!concatenation(b, ctx, parts)) {
        return Optional.empty();
      }
    } else if (message instanceof MethodCallExpr m) {
      if (!format(m, ctx, parts)) {
        return Optional.empty();
      }
    } else {
      return Optional.empty();
    }
    Part last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
    for (Part p : parts) {
      last = p.kind() == Kind.VALUE ? p : last;
    }
    if (!trailingThrowable && last != null && last.kind() == Kind.VALUE
        && ctx.logging().isThrowable(last.expr())) {
      return Optional.empty(); // it would become the event's exception instead of text
    }
    return render(parts).flatMap(code -> ctx.source().replace(message, code))
        .map(r -> new Fix(DESCRIPTION, List.of(r)));
  }

  private static boolean formatterLogger(LogEvent event, JavaContext ctx) {
    return event.api() == LoggingModel.Api.LOG4J2 && ctx.source().text().contains("FormatterLogger");
  }

  // ------------------------------------------------------------ concatenation

  private static boolean concatenation(BinaryExpr b, JavaContext ctx, List<Part> parts) {
    List<Expression> operands = new ArrayList<>();
    Expression e = b;
    while (e instanceof BinaryExpr be && be.getOperator() == BinaryExpr.Operator.PLUS) {
      operands.add(0, be.getRight());
      e = be.getLeft();
    }
    operands.add(0, e);
    // a + b + "x" adds a and b first unless one of them is a string
    if (!isString(operands.get(0), ctx) && !isString(operands.get(1), ctx)) {
      return false;
    }
    for (int k = 0; k < operands.size(); k++) {
      Expression op = operands.get(k);
      String before = k == 0 ? null : between(operands.get(k - 1), op, ctx);
      if (op instanceof TextBlockLiteralExpr) {
        return false;
      } else if (op instanceof StringLiteralExpr s) {
        parts.add(new Part(Kind.TEXT, s.getValue(), s.asString(), s, before));
      } else if ((op instanceof NameExpr || op instanceof FieldAccessExpr)
          && ctx.logging().constantString(op).isPresent()) {
        String src = ctx.source().slice(op).orElse(null);
        if (src == null) {
          return false;
        }
        parts.add(new Part(Kind.CONSTANT, src, ctx.logging().constantString(op).get(), op, before));
      } else {
        Expression inner = op instanceof EnclosedExpr en ? en.getInner() : op;
        String src = ctx.source().slice(inner).orElse(null);
        if (src == null) {
          return false;
        }
        parts.add(new Part(Kind.VALUE, src, null, inner, before));
      }
    }
    return true;
  }

  /** The source between two operands, such as {@code " + "} or a line break and {@code "+ "}. */
  private static String between(Expression left, Expression right, JavaContext ctx) {
    Optional<int[]> l = ctx.source().offsets(left);
    Optional<int[]> r = ctx.source().offsets(right);
    if (l.isEmpty() || r.isEmpty() || r.get()[0] < l.get()[1]) {
      return " + ";
    }
    return ctx.source().text().substring(l.get()[1], r.get()[0]);
  }

  private static boolean isString(Expression e, JavaContext ctx) {
    return e instanceof StringLiteralExpr
        || e instanceof TextBlockLiteralExpr
        || ((e instanceof NameExpr || e instanceof FieldAccessExpr)
            && ctx.logging().constantString(e).isPresent());
  }

  // ------------------------------------------------------------ String.format, formatted

  private static boolean format(MethodCallExpr m, JavaContext ctx, List<Part> parts) {
    StringLiteralExpr pattern;
    List<Expression> args;
    String name = m.getNameAsString();
    Optional<Expression> scope = m.getScope();
    if (name.equals("formatted") && scope.isPresent()
        && scope.get() instanceof StringLiteralExpr s && !(scope.get() instanceof TextBlockLiteralExpr)) {
      pattern = s;
      args = m.getArguments();
    } else if (name.equals("format") && scope.isPresent()
        && (scope.get().toString().equals("String") || scope.get().toString().equals("java.lang.String"))
        && !m.getArguments().isEmpty()
        && m.getArgument(0) instanceof StringLiteralExpr s
        && !(m.getArgument(0) instanceof TextBlockLiteralExpr)) {
      pattern = s;
      args = m.getArguments().subList(1, m.getArguments().size());
    } else {
      return false;
    }
    String raw = pattern.getValue();
    String value = pattern.asString();
    if (count(raw, "%") != count(value, "%")) {
      return false; // a % written as an escape
    }
    int arg = 0;
    int from = 0;
    for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', from)) {
      if (i + 1 >= raw.length() || (raw.charAt(i + 1) != 's' && raw.charAt(i + 1) != 'd')) {
        return false;
      }
      if (arg >= args.size()) {
        return false;
      }
      String text = raw.substring(from, i);
      parts.add(new Part(Kind.TEXT, text, new StringLiteralExpr(text).asString(), pattern));
      String src = ctx.source().slice(args.get(arg)).orElse(null);
      if (src == null) {
        return false;
      }
      parts.add(new Part(Kind.VALUE, src, null, args.get(arg)));
      arg++;
      from = i + 2;
    }
    if (arg != args.size()) {
      return false;
    }
    String rest = raw.substring(from);
    parts.add(new Part(Kind.TEXT, rest, new StringLiteralExpr(rest).asString(), pattern));
    return true;
  }

  // ------------------------------------------------------------ output

  /**
   * The new message and its arguments. Literal and constant operands stay where they were, with
   * the source between them (a line break before {@code +} survives); each value becomes {@code
   * {}} in the literal before it (or after it, when a constant or nothing precedes).
   */
  private static Optional<String> render(List<Part> parts) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder format = new StringBuilder(); // the format text the logger sees
    List<String> values = new ArrayList<>();
    int pending = 0; // placeholders waiting for a literal to go into
    Kind prev = null;
    for (Part p : parts) {
      Piece last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
      switch (p.kind()) {
        case TEXT -> {
          if (last != null && last.literal && (p.before() == null || prev == Kind.VALUE)) {
            // the pieces of one format string, or the text on both sides of a value
            last.code.append(p.source());
          } else {
            pieces.add(new Piece(true, "{}".repeat(pending) + p.source(), p.before()));
            pending = 0;
          }
          format.append(p.value());
        }
        case VALUE -> {
          if (endsWithBackslash(format)) {
            return Optional.empty(); // \{} is SLF4J's escape: the value would not be substituted
          }
          if (last != null && last.literal) {
            last.code.append("{}");
          } else {
            pending++;
          }
          format.append("{}");
          values.add(p.source());
        }
        case CONSTANT -> {
          if (pending > 0) {
            pieces.add(new Piece(true, "{}".repeat(pending), null));
            pending = 0;
          }
          pieces.add(new Piece(false, p.source(), p.before()));
          format.append(p.value());
        }
      }
      prev = p.kind();
    }
    if (pending > 0) {
      pieces.add(new Piece(true, "{}".repeat(pending), null));
    }
    if (count(format.toString(), "{}") != values.size() || format.indexOf("\\{}") >= 0) {
      return Optional.empty(); // the text itself holds {} or an escaped one
    }
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < pieces.size(); i++) {
      Piece piece = pieces.get(i);
      if (i > 0) {
        code.append(piece.before == null || !piece.before.contains("+") ? " + " : piece.before);
      }
      code.append(piece.literal ? "\"" + piece.code + "\"" : piece.code);
    }
    if (pieces.isEmpty()) {
      code.append("\"\"");
    }
    for (String v : values) {
      code.append(", ").append(v);
    }
    return Optional.of(code.toString());
  }

  private static boolean endsWithBackslash(CharSequence s) {
    return s.length() > 0 && s.charAt(s.length() - 1) == '\\';
  }

  static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
