package io.logconv.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How the rules read identifiers and keys: split into lowercase words ({@code getAccessToken} ->
 * {@code [get, access, token]}, {@code api_key} -> {@code [api, key]}), then judged by their last
 * words, so {@code accessToken} is secret-like while {@code tokenCount}, {@code secretName} and
 * {@code isTokenValid} are not.
 */
final class Names {
  private static final Set<String> SECRET_TAILS =
      Set.of(
          "password", "passwd", "pwd", "passphrase", "secret", "token", "credential",
          "credentials", "apikey", "authorization", "cookie", "privatekey", "bearer");
  private static final Set<String> SECRET_PAIRS =
      Set.of("api key", "private key", "access key", "secret key", "client secret", "set cookie");
  /** Tokens that are paging or protocol cursors, not credentials. */
  private static final Set<String> NOT_SECRET_BEFORE_TOKEN =
      Set.of("continue", "page", "next", "cancellation", "resume", "sync", "pagination");
  private static final Set<String> PREDICATE_PREFIXES = Set.of("is", "has", "should", "can");
  private static final Set<String> PII_KEYS =
      Set.of(
          "user", "username", "userid", "useremail", "login", "email", "emailaddress", "phone",
          "phonenumber", "mobile", "ssn", "firstname", "lastname", "fullname", "dateofbirth",
          "birthdate");

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
   * True if a variable, field, getter or key with this name evidently holds a secret: {@code
   * password}, {@code dbPassword}, {@code getToken}, {@code credentials}, {@code api_key}.
   */
  static boolean isSecretLike(String name) {
    List<String> w = words(name);
    if (!w.isEmpty() && w.get(0).equals("get") && w.size() > 1) {
      w = w.subList(1, w.size());
    }
    if (w.isEmpty() || PREDICATE_PREFIXES.contains(w.get(0))) {
      return false;
    }
    String last = w.get(w.size() - 1);
    String pair = w.size() > 1 ? w.get(w.size() - 2) + " " + last : "";
    if (SECRET_PAIRS.contains(pair)) {
      return true;
    }
    if (last.equals("token") && w.size() > 1 && NOT_SECRET_BEFORE_TOKEN.contains(w.get(w.size() - 2))) {
      return false;
    }
    return SECRET_TAILS.contains(last);
  }

  /** True if a key names personal data: {@code user_id}, {@code userName}, {@code email}. */
  static boolean isPiiKey(String key) {
    return PII_KEYS.contains(String.join("", words(key)));
  }
}
