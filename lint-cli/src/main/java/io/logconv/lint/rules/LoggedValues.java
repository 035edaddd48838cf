package io.logconv.lint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Optional;

/**
 * Which parts of a logged expression reach the line: what LC006 and LC007 judge. A name that is
 * only tested ({@code password == null ? "<null>" : "<hidden>"}, {@code token != null}) or handed
 * to a call that masks, hashes, counts or compares it ({@code mask(token)}, {@code
 * sha256(password)}) is not written.
 */
final class LoggedValues {
  private LoggedValues() {}

  /** Calls whose argument comes out hidden, counted or compared, not as it went in. */
  private static final java.util.regex.Pattern MASKING = java.util.regex.Pattern.compile(
      "(?i).*(?:mask|redact|hash|digest|sha\\d|md5|crc|obfusc|saniti|hide|anonymi|encrypt|fingerprint|length|size"
          + "|count|empty|blank|present|equals|matches|contains|startsWith|endsWith|compare|check"
          + "|verify|valid).*");

  /**
   * True if the value of {@code node} can reach the output of {@code root}: not only as a
   * condition ({@code password == null ? "<null>" : "<hidden>"}), a comparison or a test, and not
   * through a call that masks, hashes, counts or compares it ({@code mask(token)}).
   */
  // JavaParser's Node.equals is structural; here the very nodes on the path are meant.
  @SuppressWarnings("ReferenceEquality")
  static boolean reachesOutput(Node node, Node root) {
    Node child = node;
    for (Optional<Node> p = node.getParentNode(); p.isPresent() && child != root;
        p = p.get().getParentNode()) {
      Node parent = p.get();
      if (parent instanceof ConditionalExpr c && c.getCondition() == child) {
        return false;
      }
      if (parent instanceof BinaryExpr b && b.getOperator() != BinaryExpr.Operator.PLUS) {
        return false;
      }
      if (parent instanceof com.github.javaparser.ast.expr.UnaryExpr
          || parent instanceof com.github.javaparser.ast.expr.InstanceOfExpr) {
        return false;
      }
      if (parent instanceof MethodCallExpr m && m.getScope().orElse(null) != child
          && MASKING.matcher(m.getNameAsString()).matches()) {
        return false;
      }
      child = parent;
    }
    return true;
  }

}
