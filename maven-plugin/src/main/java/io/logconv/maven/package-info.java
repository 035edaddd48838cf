/**
 * The logconv Maven plugin: {@code logconv:check}, bound to {@code verify}, lints a module's Java
 * sources and {@code logback.xml} with the source linter and validates the log files its tests
 * wrote; {@code logconv:baseline} accepts the current source findings. Both are thin adapters over
 * {@link io.logconv.lint.source.SourceLinter} and {@link io.logconv.lint.validate.Validator}.
 */
package io.logconv.maven;
