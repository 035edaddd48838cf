package io.logconv.core.redact;

/** The fixed parts of replacement text; shared so that detectors recognise earlier output. */
final class Replacements {
  static final String REDACTED_PREFIX = "[REDACTED:";
  static final String HASH_PREFIX = "h:";
  static final int HASH_HEX_DIGITS = 12;
  static final int HASH_LENGTH = HASH_PREFIX.length() + HASH_HEX_DIGITS;

  /** Below this many letters and digits, {@link RedactionMode#MASK} hides everything. */
  static final int MASK_MIN_ALNUM = 12;

  static final int MASK_KEEP = 4;

  private Replacements() {}
}
