/**
 * Logback adapter: {@link io.logconv.logback.ConventionsEncoder} maps Logback events (SLF4J 2
 * key/values, MDC, markers, throwables) onto sdk-core's event writer, and {@link
 * io.logconv.logback.ConventionsConsoleAppender} writes its lines to stdout with no per-event
 * garbage. No rule logic of its own: everything about the line lives in sdk-core and schema.
 */
package io.logconv.logback;
