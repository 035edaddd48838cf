package io.logconv.core.audit;

import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import io.logconv.schema.Conventions;

/** TEMPORARY stub; replaced by the real policy. */
public final class AuditPolicy {
  public static final AuditPolicy DEFAULT = new AuditPolicy();

  public AuditLevel levelFor(CharSequence apiGroup, CharSequence kind, CharSequence namespace,
      CharSequence name, Action action, CharSequence actor, AuditLevel requested) {
    return requested != null ? requested : AuditLevel.METADATA;
  }

  public boolean omitsPayloadOf(CharSequence kind) {
    return Conventions.isPayloadFreeKind(kind);
  }

  public String omissionReason(CharSequence kind) {
    return Conventions.isPayloadFreeKind(kind) ? Conventions.Kinds.SECRET : null;
  }

  public int payloadLimitBytes() {
    return 4096;
  }
}
