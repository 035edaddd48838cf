package io.logconv.core.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * Passwords on the command lines that tools log: {@code mysql -pV} and {@code -p V} (of {@code
 * mysql}, {@code mysqldump}, {@code mysqladmin}, {@code mariadb}), {@code sshpass -p V}, {@code
 * curl -u user:V} and {@code --user user:V}, keytool's {@code -storepass V} and {@code -keypass V}
 * (and their {@code src}/{@code dest} forms, and {@code storepass=V}), and redis' {@code
 * requirepass V} and {@code masterauth V}. The password is replaced (curl's user with it).
 * {@code -p} and {@code -u} count only after the
 * tool's name on the same line ({@code docker run -p 8080:80} and {@code ssh -p 22} are ports);
 * placeholders ({@code -p$MYSQL_PWD}, {@code -storepass:env VAR}) and a curl user without a
 * password are kept.
 *
 * <pre>{@code
 * SecretRedactor.defaults().redact(null, "exec: mysql -u app -pZq8rT2vLp0 -h db", sb);
 * // "exec: mysql -u app -p[REDACTED:password] -h db"
 * }</pre>
 */
final class CommandLineDetector implements ValueDetector {
  static final CommandLineDetector INSTANCE = new CommandLineDetector();

  static final String TYPE = "password";

  private static final String[] PASSWORD_FLAGS = {
    "-storepass", "-keypass", "-srcstorepass", "-deststorepass", "-srckeypass", "-destkeypass",
    "requirepass", "masterauth", "storepass", "keypass"
  };

  private static final String[] MYSQL = {"mysql", "mysqldump", "mysqladmin", "mariadb"};

  private CommandLineDetector() {}

  @Override
  public String type() {
    return TYPE;
  }

  /** The password flags, and the flags that count after a tool's name. */
  private static final List<String> TRIGGERS = triggersOf("-p", "-u", "--user");

  private static List<String> triggersOf(String... flags) {
    List<String> all = new ArrayList<>(List.of(PASSWORD_FLAGS));
    all.addAll(List.of(flags));
    return List.copyOf(all);
  }

  @Override
  public List<String> triggers() {
    return TRIGGERS;
  }

  @Override
  public boolean wordStartOnly() {
    return true;
  }

  @Override
  public long match(CharSequence text, int from, int at) {
    for (String flag : PASSWORD_FLAGS) {
      if (Text.startsWith(text, at, flag)) {
        int end = at + flag.length();
        if (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '=')) {
          return value(text, from, end + 1, false, true);
        }
        return NO_MATCH;
      }
    }
    if (at > 0 && text.charAt(at - 1) == '-') {
      return NO_MATCH; // "--password" is not "-p", "--user-agent" not "-u"
    }
    if (Text.startsWith(text, at, "--user")) {
      return userValue(text, from, at, at + "--user".length());
    }
    if (Text.startsWith(text, at, "-u")) {
      return userValue(text, from, at, at + 2);
    }
    if (Text.startsWith(text, at, "-p")) {
      int i = at + 2;
      if (commandBefore(text, at, MYSQL) && i < text.length() && text.charAt(i) != ' ') {
        return value(text, from, i, false, false); // -pV
      }
      if ((commandBefore(text, at, MYSQL) || commandBefore(text, at, "sshpass"))
          && i < text.length()
          && text.charAt(i) == ' ') {
        return value(text, from, i + 1, false, false); // -p V
      }
    }
    return NO_MATCH;
  }

  /** {@code curl -u user:password} (or {@code --user}): user and password, if it has one. */
  private static long userValue(CharSequence text, int from, int at, int flagEnd) {
    if (!commandBefore(text, at, "curl")
        || flagEnd >= text.length()
        || (text.charAt(flagEnd) != ' ' && text.charAt(flagEnd) != '=')) {
      return NO_MATCH;
    }
    int i = flagEnd + 1;
    char quote = 0;
    if (i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
      quote = text.charAt(i);
      i++;
    }
    int n = text.length();
    int colon = -1;
    for (int j = i; j < n && !ends(text.charAt(j), quote); j++) {
      if (text.charAt(j) == '[' && Text.startsWith(text, j, Replacements.REDACTED_PREFIX)) {
        return NO_MATCH; // an earlier replacement: its colon separates nothing
      }
      if (text.charAt(j) == ':'
          && j > i
          && j - 1 + Replacements.HASH_LENGTH <= n
          && Text.isHash(text, j - 1, j - 1 + Replacements.HASH_LENGTH)) {
        return NO_MATCH; // a hash written earlier ("h:…"): its colon separates nothing either
      }
      if (text.charAt(j) == ':') {
        colon = j;
        break;
      }
    }
    if (colon < 0) {
      return NO_MATCH;
    }
    long password = value(text, from, colon + 1, quote != 0, false);
    // The user goes too: a match never leaves text behind it unscanned, so a second pass over the
    // output finds nothing new in the user part.
    return password == NO_MATCH || i < from ? NO_MATCH : ValueDetector.span(i, ValueDetector.end(password));
  }

  /**
   * The value from {@code start}: quoted or up to a space; placeholders and nothing kept. A
   * placeholder after a flag that needs no context ({@code -storepass}) is closed to the other
   * detectors, as the key/value pair detector closes one; after {@code -p} or {@code -u}, whose
   * meaning depends on the tool's name earlier on the line, it is not.
   */
  private static long value(
      CharSequence text, int from, int start, boolean inQuotes, boolean closeKept) {
    int n = text.length();
    char quote = 0;
    int i = start;
    if (!inQuotes && i < n && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
      quote = text.charAt(i);
      i++;
    } else if (inQuotes) {
      quote = '\'';
    }
    int valueStart = i;
    while (i < n && !ends(text.charAt(i), quote)) {
      if (text.charAt(i) == '[' && Text.startsWith(text, i, Replacements.REDACTED_PREFIX)) {
        break; // earlier output ends the value, so that redacting again finds the same one
      }
      i++;
    }
    if (quote != 0 && !inQuotes && KeyValueDetector.looksLikeStructure(text, valueStart, i)) {
      return NO_MATCH; // the quote closes a JSON string, it opens no value
    }
    if (valueStart < from || i <= valueStart) {
      return NO_MATCH;
    }
    boolean placeholder =
        Text.placeholderEnd(text, valueStart) >= 0
            || Text.charAt(text, valueStart, '$')
            || Text.charAt(text, valueStart, ':')
            || Text.isPlaceholder(text, valueStart, i)
            || Text.isPasswordPlaceholderWord(text, valueStart, i);
    if (placeholder && !KeyValueDetector.exampleHoldingAddress(text, valueStart, i)) {
      return closeKept ? ValueDetector.keep(valueStart, i) : NO_MATCH;
    }
    return ValueDetector.span(valueStart, i);
  }

  private static boolean ends(char c, char quote) {
    if (c == '\n' || c == '\r' || c == '\\') {
      return true;
    }
    return quote != 0 ? c == quote || c == '"' || c == '\'' : c == ' ' || c == '\t' || c == '"'
        || c == '\'' || c == ',';
  }

  /**
   * True if a command's name may follow {@code c}: a space, a path's slash, a quote or backtick, a
   * shell operator. Not {@code =} or {@code :}: {@code password=curl} names no tool, and an earlier
   * replacement of that value must not change what the flags after it mean.
   */
  private static boolean startsCommand(char c) {
    return c == ' ' || c == '\t' || c == '/' || c == '"' || c == '\'' || c == '`' || c == '('
        || c == ';' || c == '|' || c == '&';
  }

  /** True if one of {@code commands} stands as a word on the line before {@code at}. */
  private static boolean commandBefore(CharSequence text, int at, String... commands) {
    int lineStart = at;
    while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && at - lineStart < 512) {
      lineStart--;
    }
    for (String c : commands) {
      for (int i = lineStart; i + c.length() <= at; i++) {
        if (Text.startsWith(text, i, c)
            && (i == lineStart || startsCommand(text.charAt(i - 1)))
            && !Text.isWordChar(text.charAt(i + c.length()))) {
          return true;
        }
      }
    }
    return false;
  }
}
