/**
 * The source linter's engine: {@link io.logconv.lint.source.SourceLinter} finds files, parses each
 * once with JavaParser (or the JDK's XML parser for {@code logback.xml}), dispatches nodes to the
 * rules that subscribe to their kind, filters findings through {@code @SuppressWarnings} and the
 * {@link io.logconv.lint.source.Baseline}, and caches per-file results by content. {@link
 * io.logconv.lint.source.LoggingModel} is the shared knowledge of what a logging call is, the one
 * rules ask; behind it {@code TypeResolver} tells which type a name denotes, {@code LoggingApis}
 * lists the logging APIs as data, {@code CallClassifier} tells logging calls and key/value sites
 * from those two, and {@code ConstantFolder} folds string and enum constants.
 *
 * <p>This package owns the mechanics and nothing about the conventions themselves: rules live in
 * {@code io.logconv.lint.rules}, contract facts in {@code io.logconv.schema}, secret detectors in
 * sdk-core, and output formats in the reporters.
 */
package io.logconv.lint.source;
