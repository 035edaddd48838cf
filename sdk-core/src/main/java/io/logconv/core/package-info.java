/**
 * The write path's core: {@link io.logconv.core.EventWriter} turns one event into one conformant
 * JSON line in a reused UTF-8 {@link io.logconv.core.JsonBuffer}, following the shape fixed once in
 * a {@link io.logconv.core.LineFormat}; {@link io.logconv.core.KeyPolicy} repairs keys and {@link
 * io.logconv.core.redact.Redactor} hides secrets as they are written. No logging backend and no runtime
 * dependency but {@code logconv-schema}.
 */
package io.logconv.core;
