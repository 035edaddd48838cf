/**
 * The log-file validator behind {@code logconv validate} and {@code logconv redact}: line sources
 * that unwrap each input format ({@link io.logconv.lint.validate.FormatDetector}, {@link
 * io.logconv.lint.validate.LineSource}), the per-line checks ({@link
 * io.logconv.lint.validate.LineValidator}, ids and docs in {@link
 * io.logconv.lint.validate.ValidatorRules}), the parallel, constant-memory engine ({@link
 * io.logconv.lint.validate.Validator}) and the redacting rewriter ({@link
 * io.logconv.lint.validate.LogRedactor}). Contract facts come from {@code io.logconv.schema};
 * secret detection comes from sdk-core through {@link io.logconv.lint.validate.SecretScanner};
 * output formats belong to {@code io.logconv.lint.report}. Nothing here prints a secret.
 */
package io.logconv.lint.validate;
