package io.logconv.lint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import io.logconv.core.redact.KeyRules;
import io.logconv.core.redact.MatchSink;
import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.Severity;
import io.logconv.lint.source.JavaContext;
import io.logconv.lint.source.JavaRule;
import io.logconv.lint.source.KeyValue;
import io.logconv.lint.source.LogEvent;
import io.logconv.lint.source.RuleInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/** LC006: a secret-looking key, identifier or string literal reaches log output. */
@RuleInfo(
    id = "LC006",
    name = "secret-logged",
    severity = Severity.ERROR,
    summary = "Secret-like key, variable, getter or literal logged",
    rationale =
        "Secrets must never leave the process. Reported: values logged under a key that"
            + " sdk-core's secret key rules cover (`password`, `db_password`, `token`, `api_key`,"
            + " `session_id`, `signing_key`, ...: the rules the writer, `logconv validate` and"
            + " `logconv redact` apply); variables, fields and getters whose name those rules cover"
            + " (`dbPassword`, `getToken()`, `credentials`), also through a local variable that"
            + " holds one, but not predicates (`isTokenValid()`), paging cursors"
            + " (`nextPageToken`) or a value only dereferenced (`secret.getMetadata().getName()`);"
            + " and string literals that sdk-core's secret detectors match. The severity follows"
            + " what the SDK does at run time. Where its encoder hides the value whatever it looks"
            + " like, the finding is a note, which the Maven gate does not fail on by default:"
            + " under a secret key of SLF4J 2's `addKeyValue` or SLF4J's `MDC.put`, and as a `{}`"
            + " argument of an SLF4J call whose message names a secret just before the placeholder"
            + " (`\"token {}\"`). Everywhere else it is an error, since the secret reaches the line"
            + " unless a value detector happens to know its shape: concatenated into the message,"
            + " as an argument the message does not name, under an innocent key, under a logstash"
            + " `kv(...)` or `Markers.append(...)` key or a Log4j2 `ThreadContext` key (which the"
            + " SDK encoder does not redact by key), or through Log4j2 or java.util.logging. A"
            + " literal is an error wherever it is logged: the secret is in the source. Where logs"
            + " do not go through the SDK encoder, fail on notes too (`failOnSeverity` `note`)."
            + " Findings never repeat the secret.",
    bad = """
        log.info("connecting as {} with {}", user, config.getPassword());
        """,
    good = """
        log.info("connecting as {}", user);
        """)
public final class SecretLoggedRule extends JavaRule<MethodCallExpr> {
  /** How many local variables are followed from a logged name to the initializer holding a secret. */
  private static final int MAX_HOPS = 4;

  /** Said of a secret in an argument that the SDK writer hides whole. */
  private static final String HIDDEN_ARGUMENT =
      "; the message names a secret before its placeholder, so the SDK encoder hides the argument";

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
      checkPair(kv.get(), ctx);
      return;
    }
    Optional<LogEvent> event = ctx.logging().event(call);
    if (event.isEmpty()) {
      return;
    }
    LogEvent e = event.get();
    Optional<Expression> message = e.message();
    String format = message.flatMap(ctx.logging()::constantString).orElse(null);
    message.ifPresent(m -> checkValue(m, null, ctx));
    List<Expression> args = e.arguments();
    for (int i = 0; i < args.size(); i++) {
      Expression a = args.get(i);
      // key/value sites among the arguments are checked when the walk reaches them
      if (!(a instanceof MethodCallExpr m && ctx.logging().keyValue(m).isPresent())) {
        checkValue(a, SdkRedaction.hidesArgument(e, format, i) ? HIDDEN_ARGUMENT : null, ctx);
      }
    }
  }

  private void checkPair(KeyValue kv, JavaContext ctx) {
    String key = ctx.logging().constantString(kv.key()).orElse(null);
    if (key == null || SdkRedaction.classify(key) != KeyRules.Kind.SECRET) {
      checkValue(kv.value(), null, ctx);
      return;
    }
    String why = SdkRedaction.whyNotByKey(kv, ctx.logging());
    if (why == null) {
      ctx.report(kv.key(), Severity.NOTE, "value logged under secret key '" + key
          + "'; the SDK encoder writes [REDACTED:" + SdkRedaction.type(key) + "] in its place");
    } else {
      ctx.report(kv.key(), "value logged under secret key '" + key + "', not redacted by key"
          + " because " + why);
    }
  }

  /**
   * Reports the secrets in a logged expression: as notes with {@code hidden} (why the SDK hides
   * them) when it is non-null, else at the rule's severity. Literals always at the rule's; a
   * match that takes in a placeholder, as {@code "password: {}"} does, is the argument's and not
   * the literal's. Only what reaches the output counts: not a condition, a comparison or the
   * argument of a masking call.
   */
  private void checkValue(Expression value, String hidden, JavaContext ctx) {
    value.walk(node -> {
      if (!(node instanceof StringLiteralExpr || node instanceof TextBlockLiteralExpr)
          && !LoggedValues.reachesOutput(node, value)) {
        return;
      }
      String name = isDereferenced(node) || isNumberOrConstant(node, ctx) ? null : secretName(node);
      String kube = isDereferenced(node) ? null : kubernetesSecretObject(node, ctx);
      if (kube != null) {
        ctx.report(node, kube);
      } else if (name != null) {
        report(ctx, node, hidden, "secret-like " + kind(node) + " '" + name + "' is logged");
      } else if (node instanceof NameExpr n && !isDereferenced(n) && !isNumberOrConstant(n, ctx)) {
        Node source = heldSecret(n, 0);
        if (source != null && !isNumberOrConstant(source, ctx)) {
          report(ctx, node, hidden, "'" + n.getNameAsString() + "' is logged and holds secret-like "
              + kind(source) + " '" + secretName(source) + "'");
        }
      } else if (node instanceof StringLiteralExpr || node instanceof TextBlockLiteralExpr) {
        String text = ctx.logging().constantString((Expression) node).orElse("");
        String type = literalSecret(text);
        if (type != null) {
          ctx.report(node, "string literal matching the '" + type + "' secret detector is logged");
        }
      }
    });
  }

  /**
   * The type of the first secret the detectors find in a literal, or null. Personal data the
   * detectors find is LC007's; a match that takes in a placeholder ({@code "Bearer {}"}, {@code
   * "Bearer %s"}, {@code "Bearer {0}"}) is a template for a value, not a secret.
   */
  private String literalSecret(String text) {
    String[] type = new String[1];
    scanner.accept(text, (t, start, end) -> {
      if (type[0] == null && !SdkRedaction.isPersonalDataType(t)
          && !takesInPlaceholder(text, start, end)) {
        type[0] = t;
      }
    });
    return type[0];
  }

  private static final java.util.regex.Pattern PLACEHOLDER =
      java.util.regex.Pattern.compile("\\{\\d*}|%[-#+ 0,(]*\\d*(?:\\.\\d+)?[sSdxX]|\\$\\{[^}]*}");

  /** True if a placeholder of any formatter overlaps {@code [start, end)} of {@code text}. */
  private static boolean takesInPlaceholder(String text, int start, int end) {
    java.util.regex.Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (m.end() > start && m.start() < end) {
        return true;
      }
    }
    return false;
  }

  /** Kubernetes client types whose whole object logged writes its data. */
  private static final Set<String> KUBERNETES_SECRET_TYPES = Set.of(
      "io.fabric8.kubernetes.api.model.Secret",
      "io.fabric8.kubernetes.api.model.ConfigMap",
      "io.kubernetes.client.openapi.models.V1Secret",
      "io.kubernetes.client.openapi.models.V1ConfigMap");

  private static final Set<String> DATA_GETTERS = Set.of("getData", "getStringData", "getBinaryData");

  /**
   * The finding for a whole Kubernetes Secret or ConfigMap (fabric8 or the official client), or
   * its data map, logged; null if {@code node} is neither.
   */
  private static String kubernetesSecretObject(Node node, JavaContext ctx) {
    if (node instanceof NameExpr n) {
      String kind = kubernetesKind(n, ctx);
      return kind == null ? null : "whole " + kind + " '" + n.getNameAsString()
          + "' is logged: its toString() writes every data value; log its namespace and name";
    }
    if (node instanceof MethodCallExpr m && DATA_GETTERS.contains(m.getNameAsString())
        && m.getArguments().isEmpty() && m.getScope().orElse(null) instanceof NameExpr n) {
      String kind = kubernetesKind(n, ctx);
      return kind == null ? null : "the data of " + kind + " '" + n.getNameAsString()
          + "' are logged; log its namespace and name";
    }
    return null;
  }

  private static String kubernetesKind(NameExpr n, JavaContext ctx) {
    Optional<String> type = ctx.logging().declaredType(n);
    if (type.isEmpty()) {
      return null;
    }
    for (String c : ctx.logging().typeCandidates(type.get())) {
      if (KUBERNETES_SECRET_TYPES.contains(c)) {
        String simple = c.substring(c.lastIndexOf('.') + 1);
        return (simple.startsWith("V1") ? simple.substring(2) : simple);
      }
    }
    return null;
  }

  /**
   * True if {@code node} evidently is no credential whatever its name: a number or a boolean
   * ({@code long sessionId}, ZooKeeper's {@code getSessionId()}), or a constant in upper snake case
   * ({@code IMAGE_PULL_SECRET}), which names a key, a variable or a resource.
   */
  private static boolean isNumberOrConstant(Node node, JavaContext ctx) {
    if (node instanceof Expression e && ctx.logging().isNumber(e)) {
      return true;
    }
    String name = node instanceof NameExpr n ? n.getNameAsString()
        : node instanceof FieldAccessExpr f ? f.getNameAsString() : null;
    return name != null && name.length() > 1 && name.equals(name.toUpperCase(java.util.Locale.ROOT))
        && name.chars().anyMatch(Character::isLetter);
  }

  private static void report(JavaContext ctx, Node node, String hidden, String message) {
    if (hidden == null) {
      ctx.report(node, message);
    } else {
      ctx.report(node, Severity.NOTE, message + hidden);
    }
  }

  /**
   * The secret-like name or getter whose value {@code e} passes on whole, or null: {@code e} itself,
   * a part of a concatenation or either branch of a conditional, or what the local variable it
   * names was initialized with ({@code String bearer = "Bearer " + config.getApiToken();}),
   * followed up to {@value #MAX_HOPS} locals deep. A value that goes through a call ({@code
   * check(token)}, {@code token.strip()}) is not followed: what comes out need not be the secret.
   */
  private static Node heldSecret(Expression e, int hops) {
    if (e instanceof EnclosedExpr x) {
      return heldSecret(x.getInner(), hops);
    }
    if (e instanceof CastExpr x) {
      return heldSecret(x.getExpression(), hops);
    }
    if (e instanceof ConditionalExpr x) {
      Node then = heldSecret(x.getThenExpr(), hops);
      return then != null ? then : heldSecret(x.getElseExpr(), hops);
    }
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      Node left = heldSecret(b.getLeft(), hops);
      return left != null ? left : heldSecret(b.getRight(), hops);
    }
    if (secretName(e) != null) {
      return e;
    }
    if (e instanceof NameExpr n && hops < MAX_HOPS) {
      Expression init = localInitializer(n);
      return init == null ? null : heldSecret(init, hops + 1);
    }
    return null;
  }

  /**
   * The initializer of the local variable {@code usage} refers to, declared earlier in an
   * enclosing block; null when the name is a parameter, a field, declared elsewhere or without an
   * initializer.
   */
  // JavaParser's Node.equals is structural; here the very statement holding the usage is meant.
  @SuppressWarnings("ReferenceEquality")
  private static Expression localInitializer(NameExpr usage) {
    String name = usage.getNameAsString();
    Node child = usage;
    for (Optional<Node> p = usage.getParentNode(); p.isPresent(); p = p.get().getParentNode()) {
      Node scope = p.get();
      if (scope instanceof BlockStmt block) {
        Expression init = null;
        boolean declared = false;
        for (Statement st : block.getStatements()) {
          if (st == child) {
            break;
          }
          if (st instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr v) {
            for (VariableDeclarator d : v.getVariables()) {
              if (d.getNameAsString().equals(name)) {
                declared = true;
                init = d.getInitializer().orElse(null);
              }
            }
          }
        }
        if (declared) {
          return init;
        }
      } else if (scope instanceof LambdaExpr l) {
        if (l.getParameters().stream().anyMatch(param -> param.getNameAsString().equals(name))) {
          return null;
        }
      } else if (scope instanceof CallableDeclaration<?> || scope instanceof TypeDeclaration<?>) {
        return null; // a parameter or field from here on, not followed
      }
      child = scope;
    }
    return null;
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
