package io.logconv.core.redact;

import java.util.List;

/**
 * A built-in detector of digit sequences (cards, SSNs, phone numbers) whose digit triggers are
 * gated by the scanner: it counts the digits of the run starting at the trigger (digits with single
 * separators) once per position and calls the detector only if there are enough. Most numbers in
 * logs (durations, ports, ids, timestamps, UUID groups) never reach a detector.
 */
interface DigitRunDetector extends ValueDetector {
  /** The ten digits, each a trigger. */
  List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  /** The fewest digits a match can have. */
  int minDigits();

  /** A digit starts a candidate. */
  @Override
  default List<String> triggers() {
    return DIGITS;
  }

  /** Only at a word start: digits inside an identifier or a longer number are not a match. */
  @Override
  default boolean wordStartOnly() {
    return true;
  }
}
