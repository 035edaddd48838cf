package io.logconv.core.redact;

/**
 * A built-in detector of digit sequences (cards, SSNs, phone numbers) whose digit triggers are
 * gated by the scanner: it counts the digits of the run starting at the trigger (digits with single
 * separators) once per position and calls the detector only if there are enough. Most numbers in
 * logs (durations, ports, ids, timestamps, UUID groups) never reach a detector.
 */
interface DigitRunDetector extends ValueDetector {
  /** The fewest digits a match can have. */
  int minDigits();
}
