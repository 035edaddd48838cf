package io.logconv.lint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import io.logconv.core.redact.MatchSink;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.Severity;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.KeyValue;
import io.logconv.lint.source.LogEvent;
import io.logconv.lint.source.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** LC006: a secret-looking key, identifier or string literal reaches log output. */
@RuleInfo(
    id = "LC006",
    name = "secret-logged",
    severity = Severity.ERROR,
    summary = "Secret-like key, variable, getter or literal logged",
    rationale =
        "Secrets must never leave the process. The SDK redacts by key and by value at run time,"
            + " but only what its detectors recognise; a password in a message or under an"
            + " innocent key gets through. Reported: keys such as `password`, `token`, `api_key`;"
            + " variables, fields and getters such as `dbPassword`, `getToken()`, `credentials`"
            + " passed to a logging call (not when only dereferenced, as in"
            + " `secret.getMetadata().getName()`); and string literals that sdk-core's secret"
            + " detectors match. Messages never repeat the secret.",
    bad = """
        log.info("connecting as {} with {}", user, config.getPassword());
        """,
    good = """
        log.info("connecting as {}", user);
        """)
public final class SecretLoggedRule extends JavaRule<MethodCallExpr> {
  private final BiConsumer<CharSequence, MatchSink> scanner;

  public SecretLoggedRule() {
    this(SecretRedactor.defaults()::scan);
  }

  /** With another literal scanner, so tests can check the wiring without real detectors. */
  SecretLoggedRule(BiConsumer<CharSequence, MatchSink> scanner) {
    super(MethodCallExpr.class);
    this.scanner = scanner;
  }

  @Override
  protected void check(MethodCallExpr call, JavaContext ctx) {
    Optional<KeyValue> kv = ctx.logging().keyValue(call);
    if (kv.isPresent()) {
      Optional<String> key = ctx.logging().constantString(kv.get().key());
      if (key.isPresent() && Names.isSecretLike(key.get())) {
        ctx.report(kv.get().key(), "value logged under secret-like key '" + key.get() + "'");
      } else {
        checkValue(kv.get().value(), ctx);
      }
      return;
    }
    Optional<LogEvent> event = ctx.logging().event(call);
    if (event.isPresent()) {
      List<Expression> logged = new ArrayList<>(event.get().arguments());
      event.get().message().ifPresent(m -> logged.add(0, m));
      for (Expression e : logged) {
        // key/value sites among the arguments are checked when the walk reaches them
        if (!(e instanceof MethodCallExpr m && ctx.logging().keyValue(m).isPresent())) {
          checkValue(e, ctx);
        }
      }
    }
  }

  private void checkValue(Expression value, JavaContext ctx) {
    value.walk(node -> {
      String name = secretName(node);
      if (name != null && !isDereferenced(node)) {
        ctx.report(node, "secret-like " + kind(node) + " '" + name + "' is logged");
      } else if (node instanceof StringLiteralExpr || node instanceof TextBlockLiteralExpr) {
        String text = ctx.logging().constantString((Expression) node).orElse("");
        String[] type = new String[1];
        scanner.accept(text, (t, start, end) -> {
          if (type[0] == null) {
            type[0] = t;
          }
        });
        if (type[0] != null) {
          ctx.report(node, "string literal matching the '" + type[0] + "' secret detector is logged");
        }
      }
    });
  }

  private static String secretName(Node node) {
    String name = null;
    if (node instanceof NameExpr n) {
      name = n.getNameAsString();
    } else if (node instanceof FieldAccessExpr f) {
      name = f.getNameAsString();
    } else if (node instanceof MethodCallExpr m && m.getArguments().isEmpty()) {
      name = m.getNameAsString();
    }
    return name != null && Names.isSecretLike(name) ? name : null;
  }

  private static String kind(Node node) {
    return node instanceof MethodCallExpr ? "getter" : "value";
  }

  /** True if the node is only the target of a further call or field read ({@code token.length()}). */
  // JavaParser's Node.equals is structural; here the very same node is meant.
  @SuppressWarnings("ReferenceEquality")
  private static boolean isDereferenced(Node node) {
    Optional<Node> parent = node.getParentNode();
    if (parent.isEmpty()) {
      return false;
    }
    if (parent.get() instanceof MethodCallExpr m) {
      return m.getScope().filter(s -> s == node).isPresent();
    }
    if (parent.get() instanceof FieldAccessExpr f) {
      return f.getScope() == node;
    }
    return false;
  }
}
