/**
 * Audit events as Kubernetes' audit model describes them: the {@link
 * io.logconv.core.audit.AuditPolicy} that decides each event's {@link io.logconv.schema.AuditLevel},
 * and the {@link io.logconv.core.audit.AuditPayload} written only at the levels that write it.
 */
package io.logconv.core.audit;
