package io.logconv.lint;

import java.util.Locale;
import java.util.Set;

/**
 * Small pieces of English shared by the messages of findings, so that every rule words the same
 * thing the same way: the indefinite article before a type or key name ({@code an api_key},
 * {@code an email}, {@code a password}, {@code an ssn}).
 *
 * <pre>{@code
 * "holds " + Wording.withArticle("api_key"); // "holds an api_key"
 * }</pre>
 */
public final class Wording {
  /** Names read letter by letter whose first letter sounds like a vowel ("an ssn", "an http_url"). */
  private static final Set<String> SPELLED_WITH_VOWEL_SOUND =
      Set.of("ssn", "sms", "smtp", "ssh", "ssl", "http", "html", "rsa", "nhs", "mac", "mfa", "lan");

  /** Words starting with a vowel letter but a consonant sound ("a user", "a uuid", "a one_time"). */
  private static final Set<String> VOWEL_WITH_CONSONANT_SOUND =
      Set.of("user", "url", "uri", "uuid", "uid", "unique", "uniform", "unicode", "one", "once");

  private Wording() {}

  /** {@code noun} with "a" or "an" before it, by how its first word sounds. */
  public static String withArticle(String noun) {
    return article(noun) + " " + noun;
  }

  /** "a" or "an" for {@code noun}. */
  public static String article(String noun) {
    if (noun == null || noun.isEmpty()) {
      return "a";
    }
    String lower = noun.toLowerCase(Locale.ROOT);
    int end = 0;
    while (end < lower.length() && Character.isLetter(lower.charAt(end))) {
      end++;
    }
    String first = lower.substring(0, end);
    if (SPELLED_WITH_VOWEL_SOUND.contains(first)) {
      return "an";
    }
    for (String w : VOWEL_WITH_CONSONANT_SOUND) {
      if (first.startsWith(w)) {
        return "a";
      }
    }
    return "aeiou".indexOf(lower.charAt(0)) >= 0 ? "an" : "a";
  }
}
