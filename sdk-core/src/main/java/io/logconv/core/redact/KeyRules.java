package io.logconv.core.redact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Key rules: which JSON keys (or words before {@code =}/{@code :} in text) hold secrets or PII. A
 * key is normalised char by char (ASCII lowercase, {@code _ - .} and spaces dropped) and matches a
 * rule when the normalised key ends with the rule's normalised name: {@code db_password}, {@code
 * dbPassword} and {@code DB-PASSWORD} end with {@code password}; {@code password_policy}, {@code
 * token_endpoint}, {@code secret_name} and {@code key_id} end with no rule and stay. The longest
 * matching rule wins ({@code aws_secret_access_key} before {@code access_key}). Matching never
 * allocates: no lowercase copy of the key is made.
 *
 * <p>Tools that judge keys without writing a line (the linter) ask the built-in rules, those of
 * {@link SecretRedactor#defaults()}, through {@link #classify} and {@link #builtInRules}:
 *
 * <pre>{@code
 * KeyRules.classify("db_password");    // SECRET
 * KeyRules.classify("given_name");     // PII
 * KeyRules.classify("passwordPolicy"); // NONE
 * }</pre>
 */
public final class KeyRules {
  /** One rule: normalised name, the type it reports, and whether it is personal data. */
  static final class Rule {
    final String normalized;
    final String type;
    final boolean pii;

    /** {@code [REDACTED:<type>]}, made once. */
    final String replacement;

    /** The second-to-last char of the normalised name, or 0: a cheap first test. */
    final char penultimate;

    Rule(String normalized, String type, boolean pii) {
      this.normalized = normalized;
      this.type = type;
      this.pii = pii;
      this.replacement = Replacements.REDACTED_PREFIX + type + ']';
      this.penultimate = normalized.length() > 1 ? normalized.charAt(normalized.length() - 2) : 0;
    }
  }

  /** Secret rules of the contract: normalised name, then type. */
  static final String[][] SECRET_RULES = {
    {"password", "password"},
    {"passwd", "password"},
    {"pwd", "password"},
    {"passphrase", "password"},
    {"secret", "secret"},
    {"secretkey", "secret_key"},
    {"signingkey", "secret_key"},
    {"encryptionkey", "secret_key"},
    {"token", "token"},
    {"apikey", "api_key"},
    {"authorization", "authorization"},
    {"cookie", "cookie"},
    {"privatekey", "private_key"},
    {"clientsecret", "client_secret"},
    {"credentials", "credentials"},
    {"credential", "credentials"},
    {"accesskey", "access_key"},
    {"awssecretaccesskey", "aws_secret_access_key"},
    {"sessionid", "session_id"},
  };

  /** PII rules: values are hashed by default, so that they can still be correlated. */
  static final String[][] PII_RULES = {
    {"user", "user"},
    {"username", "username"},
    {"userid", "user_id"},
    {"email", "email"},
    {"emailaddress", "email"},
    {"phone", "phone"},
    {"phonenumber", "phone"},
    {"firstname", "person_name"},
    {"lastname", "person_name"},
    {"fullname", "person_name"},
    {"givenname", "person_name"},
    {"familyname", "person_name"},
    {"dateofbirth", "date_of_birth"},
    {"birthdate", "date_of_birth"},
    {"dob", "date_of_birth"},
    {"ssn", "ssn"},
  };

  /** Rules by the last char of their normalised name ('a'..'z' then '0'..'9'), longest first. */
  private final Rule[][] byLastChar = new Rule[36][];

  private final List<Rule> rules;

  KeyRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    List<List<Rule>> buckets = new ArrayList<>();
    for (int i = 0; i < byLastChar.length; i++) {
      buckets.add(new ArrayList<>());
    }
    for (Rule r : rules) {
      buckets.get(bucket(r.normalized.charAt(r.normalized.length() - 1))).add(r);
    }
    for (int i = 0; i < byLastChar.length; i++) {
      List<Rule> b = buckets.get(i);
      b.sort(Comparator.comparingInt((Rule r) -> r.normalized.length()).reversed());
      byLastChar[i] = b.isEmpty() ? null : b.toArray(new Rule[0]);
    }
  }

  List<Rule> rules() {
    return rules;
  }

  /** Normalises a rule name given in any spelling ({@code "DB-Pass"} to {@code "dbpass"}). */
  static String normalize(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isSeparator(c)) {
        sb.append(Text.lower(c));
      }
    }
    return sb.toString();
  }

  static boolean isSeparator(char c) {
    return c == '_' || c == '-' || c == '.' || c == ' ';
  }

  private static int bucket(char c) {
    if (Text.isLower(c)) {
      return c - 'a';
    }
    if (Text.isDigit(c)) {
      return 26 + (c - '0');
    }
    return -1;
  }

  /** The rule covering {@code key}, or null. */
  Rule find(CharSequence key) {
    return key == null ? null : find(key, 0, key.length());
  }

  /** The rule covering {@code key[start, end)}, or null. */
  Rule find(CharSequence key, int start, int end) {
    int last = end - 1;
    while (last >= start && isSeparator(key.charAt(last))) {
      last--;
    }
    if (last < start) {
      return null;
    }
    char c = Text.lower(key.charAt(last));
    int b = bucket(c);
    if (b < 0) {
      return null;
    }
    Rule[] candidates = byLastChar[b];
    if (candidates == null) {
      return null;
    }
    int p = last - 1;
    while (p >= start && isSeparator(key.charAt(p))) {
      p--;
    }
    char penultimate = p >= start ? Text.lower(key.charAt(p)) : 0;
    for (Rule r : candidates) {
      if ((r.penultimate == 0 || r.penultimate == penultimate)
          && endsWith(key, start, last, r.normalized)) {
        return r;
      }
    }
    return null;
  }

  /** Whether {@code key[start, last]}, normalised, ends with {@code normalized}. */
  private static boolean endsWith(CharSequence key, int start, int last, String normalized) {
    int i = last;
    for (int k = normalized.length() - 1; k >= 0; k--) {
      while (i >= start && isSeparator(key.charAt(i))) {
        i--;
      }
      if (i < start || Text.lower(key.charAt(i)) != normalized.charAt(k)) {
        return false;
      }
      i--;
    }
    return true;
  }

  /** What the key rules make of a value under a key. */
  public enum Kind {
    /** A secret rule covers the key: the value is replaced whole, {@code [REDACTED:<type>]}. */
    SECRET,
    /** A personal-data rule covers the key: the value is hashed by default. */
    PII,
    /** No rule covers the key: only the value detectors look at the value. */
    NONE
  }

  /**
   * What the built-in rules make of a value under {@code key} as it is written on the line (a key
   * an application gives may first be repaired, see {@code KeyPolicy}). Allocation-free.
   */
  public static Kind classify(String key) {
    Rule r = BuiltIn.RULES.find(key);
    if (r == null) {
      return Kind.NONE;
    }
    return r.pii ? Kind.PII : Kind.SECRET;
  }

  /** True if a built-in rule covers {@code key[start, end)}. Allocation-free. */
  static boolean coveredByBuiltIn(CharSequence key, int start, int end) {
    return BuiltIn.RULES.find(key, start, end) != null;
  }

  /** The built-in rules' normalised names and kinds, secret rules first, in table order. */
  public static Map<String, Kind> builtInRules() {
    return BuiltIn.NAMES;
  }

  /** The built-in rules, made on first use by a tool; the writer never asks for them. */
  private static final class BuiltIn {
    static final Map<String, Kind> NAMES;
    static final KeyRules RULES;

    static {
      Map<String, Kind> names = new LinkedHashMap<>();
      List<Rule> rules = new ArrayList<>();
      for (String[] r : SECRET_RULES) {
        rules.add(new Rule(r[0], r[1], false));
        names.put(r[0], Kind.SECRET);
      }
      for (String[] r : PII_RULES) {
        rules.add(new Rule(r[0], r[1], true));
        names.put(r[0], Kind.PII);
      }
      NAMES = Collections.unmodifiableMap(names);
      RULES = new KeyRules(rules);
    }
  }
}
