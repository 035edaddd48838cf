/** OpenTelemetry trace correlation and log-record bridge (lands with its issue). */
package io.logconv.otel;
