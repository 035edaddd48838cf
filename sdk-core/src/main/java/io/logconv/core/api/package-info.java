/**
 * The typed conventions API over SLF4J 2's fluent builder ({@link
 * io.logconv.core.api.ConventionsEvent}). The only part of sdk-core that uses SLF4J; the writer
 * itself is backend-free.
 */
package io.logconv.core.api;
