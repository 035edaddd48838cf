/**
 * Redaction of secrets and personal data: key rules, value detectors with prefilters, and
 * replacement modes. The detectors are public so that the log-file validator reuses them.
 */
package io.logconv.core.redact;
