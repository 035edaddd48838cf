package io.logconv.core.redact;

/**
 * A redactor's trigger test, for a writer that runs it inside its own pass over a text's chars
 * (the event writer does, while it escapes them), so that a text with nothing to hide is read once.
 *
 * <p>The promise: take each position {@code i} of a text whose char {@code c} has class {@code k =
 * classOf(c)}, and call it a word start as {@link #isWordStart} says. If {@link #matchesAt} is false at every
 * position where {@code k} has {@link #TRIGGER_ANYWHERE}, or has {@link #TRIGGER_AT_WORD_START} at
 * a word start, then the redactor's {@code redact} returns the text unchanged under any key its key
 * rules do not cover. At other positions nothing needs to be asked.
 *
 * <pre>{@code
 * Prefilter p = SecretRedactor.defaults().prefilter();
 * p.classOf('@');                      // TRIGGER_ANYWHERE (e-mail addresses)
 * p.matchesAt(text, chars, n, 4, true); // does a detector match from chars[4]?
 * }</pre>
 */
public final class Prefilter {
  /** Class bit: the char continues a word (ASCII letters, digits, {@code _}). */
  public static final int WORD = ValueScanner.WORD;

  /** Class bit: a detector's trigger starts with this char, wherever it is. */
  public static final int TRIGGER_ANYWHERE = ValueScanner.TRIGGER_ANYWHERE;

  /** Class bit: a detector's trigger starts with this char, at a word start only. */
  public static final int TRIGGER_AT_WORD_START = ValueScanner.TRIGGER_AT_WORD_START;

  /**
   * The test of a redactor that hides nothing in text ({@link Redactor#NONE}): no char triggers,
   * so the writer copies every text without asking the redactor.
   */
  public static final Prefilter NOTHING_TO_HIDE = new Prefilter(null, false);

  /**
   * The test of a redactor that has none of its own (the default of {@link Redactor#prefilter}):
   * every char may trigger, so the writer passes every text to {@link Redactor#redact}.
   */
  public static final Prefilter EVERY_TEXT = new Prefilter(null, true);

  private final ValueScanner scanner;
  private final boolean everyText;

  /** {@link ValueScanner#continuation} for each pair of ASCII chars, indexed {@code c << 7 | next}. */
  private final byte[] pairs = new byte[128 * 128];

  Prefilter(ValueScanner scanner) {
    this(scanner, false);
  }

  private Prefilter(ValueScanner scanner, boolean everyText) {
    this.scanner = scanner;
    this.everyText = everyText;
    if (everyText) {
      java.util.Arrays.fill(pairs, (byte) (TRIGGER_ANYWHERE | TRIGGER_AT_WORD_START));
    } else if (scanner != null) {
      for (char c = 0; c < 128; c++) {
        if ((scanner.classOf(c) & (TRIGGER_ANYWHERE | TRIGGER_AT_WORD_START)) != 0) {
          for (char next = 0; next < 128; next++) {
            pairs[c << 7 | next] = (byte) scanner.continuation(c, next);
          }
        }
      }
    }
  }

  /**
   * A cheaper test to run before {@link #matchesAt}, for an ASCII char {@code c} followed by an
   * ASCII char {@code next}: the trigger bits ({@link #TRIGGER_ANYWHERE}, {@link
   * #TRIGGER_AT_WORD_START}) of the triggers starting with {@code c} that may go on with {@code
   * next}. Where it answers 0 for the bit that applies, {@link #matchesAt} is false.
   */
  public int triggersGoingOn(char c, char next) {
    return pairs[c << 7 | next];
  }

  /**
   * The one definition of a word start, which triggers marked {@link #TRIGGER_AT_WORD_START} need:
   * position {@code i} of {@code chars}, scanned from {@code from}, is a word start if it is {@code
   * from} (the text's start, or the end of a replacement), or the char before it does not continue
   * a word ({@link #WORD}: ASCII letters, digits, {@code _}), or the char two before it is a
   * backslash: the char after an escape such as the {@code \n} of embedded JSON starts a word, as
   * after a real newline. The redactor's own scan computes the same incrementally.
   */
  public static boolean isWordStart(char[] chars, int from, int i) {
    if (i == from) {
      return true;
    }
    char before = chars[i - 1];
    return !(before < 128 && Text.isWordChar(before)) || (i - 2 >= from && chars[i - 2] == '\\');
  }

  /** The class bits of {@code c}; no {@link #WORD} bit beyond ASCII. */
  public int classOf(char c) {
    if (scanner == null) {
      int word = c < 128 && Text.isWordChar(c) ? WORD : 0;
      return everyText ? word | TRIGGER_ANYWHERE : word;
    }
    return scanner.classOf(c) & (WORD | TRIGGER_ANYWHERE | TRIGGER_AT_WORD_START);
  }

  /**
   * True if a detector matches a trigger starting at {@code at}. Never throws: a failing detector
   * answers true, and the redactor then deals with the text.
   *
   * @param text the text
   * @param chars a copy of its chars in {@code [0, length)}
   * @param length its length
   * @param at a position whose char triggers (see the class promise)
   * @param wordStart whether {@code at} is a word start
   */
  public boolean matchesAt(
      CharSequence text, char[] chars, int length, int at, boolean wordStart) {
    if (scanner == null) {
      return everyText;
    }
    try {
      char c = chars[at];
      return scanner.matchAt(text, chars, length, 0, at, c, scanner.classOf(c), wordStart) >= 0;
    } catch (RuntimeException e) {
      return true;
    }
  }
}
