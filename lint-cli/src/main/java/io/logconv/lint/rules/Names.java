package io.logconv.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How the rules read Java identifiers: split into lowercase words ({@code getAccessToken} -> {@code
 * [get, access, token]}), then judged by sdk-core's secret key rules ({@link SdkRedaction}), which
 * match a name's normalised end, so {@code accessToken} and {@code dbPassword} are secret-like while
 * {@code tokenCount} and {@code secretName} are not. Keys are not judged here: a key is what the
 * SDK says it is. What is added here is about identifiers only, where a name says more about the
 * value than a key does: a predicate ({@code isTokenValid}, {@code hasPassword}) holds a boolean,
 * and a paging or protocol cursor ({@code nextPageToken}, {@code continueToken}) is no credential.
 * The SDK would redact a key spelled like either, since a key carries no such grammar.
 */
final class Names {
  /** First words of a method or variable that holds a boolean about the rest of its name. */
  private static final Set<String> PREDICATE_PREFIXES = Set.of("is", "has", "should", "can");

  /** Words before {@code token} in the name of a paging or protocol cursor. */
  private static final Set<String> CURSOR_WORDS =
      Set.of("continue", "page", "next", "cancellation", "resume", "sync", "pagination");

  /** The SDK's rule type for tokens, the only type a cursor name ends with. */
  private static final String TOKEN_TYPE = "token";

  private Names() {}

  /** Lowercase words of an identifier or key, split at case changes, digits and separators. */
  static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(w, out);
        continue;
      }
      boolean boundary =
          Character.isUpperCase(c)
              && i > 0
              && (Character.isLowerCase(name.charAt(i - 1))
                  || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))
                      && Character.isUpperCase(name.charAt(i - 1))));
      if (boundary) {
        flush(w, out);
      }
      w.append(Character.toLowerCase(c));
    }
    flush(w, out);
    return out;
  }

  private static void flush(StringBuilder w, List<String> out) {
    if (w.length() > 0) {
      out.add(w.toString());
      w.setLength(0);
    }
  }

  /**
   * True if a variable, field or getter with this name evidently holds a secret: a secret key rule
   * covers the name ({@code password}, {@code dbPassword}, {@code getToken}, {@code credentials},
   * {@code sessionId}), and it is neither a predicate nor a cursor.
   */
  static boolean isSecretLike(String name) {
    String type = SdkRedaction.secretTypeOfName(name);
    if (type == null) {
      return false;
    }
    List<String> w = words(name);
    if (!w.isEmpty() && w.get(0).equals("get")) {
      w = w.subList(1, w.size());
    }
    if (w.isEmpty() || PREDICATE_PREFIXES.contains(w.get(0))) {
      return false;
    }
    return !(type.equals(TOKEN_TYPE) && w.size() > 1 && CURSOR_WORDS.contains(w.get(w.size() - 2)));
  }
}
