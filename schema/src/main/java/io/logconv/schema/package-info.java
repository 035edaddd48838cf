/**
 * The log contract in machine-readable form: {@link io.logconv.schema.Conventions} (field names,
 * reserved keys, field order, key pattern), {@link io.logconv.schema.Action}, {@link
 * io.logconv.schema.Level}, and the two JSON Schemas located by {@link
 * io.logconv.schema.LogSchemas}. This package owns contract facts and nothing else: no I/O beyond
 * opening its own resources, no dependencies.
 */
package io.logconv.schema;
