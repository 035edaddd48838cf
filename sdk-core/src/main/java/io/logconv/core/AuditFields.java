package io.logconv.core;

import io.logconv.core.audit.AuditPayload;
import io.logconv.core.audit.AuditPolicy;
import io.logconv.schema.Action;
import io.logconv.schema.AuditLevel;
import io.logconv.schema.Conventions;

/**
 * Applies the audit policy to the event in {@link EventFields}, once all its fields are in: on an
 * audit event, the policy's level decides whether the line is written at all, {@code auditLevel}
 * is set to it, and each payload is left out, replaced by an omission marker (a {@code Secret} or
 * {@code ConfigMap}), or computed and marked to be written within the payload limit. Outside an
 * audit event no payload supplier is called. Allocation-free for an event with no payload.
 */
final class AuditFields {
  private static final int AUDIT = EventFields.leadingSlot(Conventions.AUDIT);
  private static final int ACTION = EventFields.leadingSlot(Conventions.ACTION);
  private static final int NAMESPACE = EventFields.leadingSlot(Conventions.NAMESPACE);
  private static final int KIND = EventFields.leadingSlot(Conventions.CONTROLLER_KIND);
  private static final int NAME = EventFields.leadingSlot(Conventions.NAME);
  private static final int API_GROUP = EventFields.leadingSlot(Conventions.API_GROUP);
  private static final int ACTOR = EventFields.leadingSlot(Conventions.ACTOR);
  private static final int AUDIT_LEVEL = EventFields.leadingSlot(Conventions.AUDIT_LEVEL);

  private final AuditPolicy policy;

  /** The last omission reason and its marker, as kinds repeat. */
  private String reason;

  private String marker;

  AuditFields(AuditPolicy policy) {
    this.policy = policy;
  }

  /**
   * Applies the policy; false if the event is not to be written ({@code None}). Call after {@link
   * EventFields#resolve()}, which has settled whether the event is an audit event.
   */
  boolean resolve(EventFields f) {
    int ai = f.leadingIndex[AUDIT];
    boolean audit = ai != EventFields.NONE && Boolean.TRUE.equals(f.values[ai]);
    CharSequence kind = text(f, KIND);
    if (!audit) {
      notAudit(f, kind);
      return true;
    }
    int li = f.leadingIndex[AUDIT_LEVEL];
    AuditLevel requested = li == EventFields.NONE ? null : (AuditLevel) f.values[li];
    int ac = f.leadingIndex[ACTION];
    AuditLevel level =
        policy.levelFor(
            text(f, API_GROUP),
            kind,
            text(f, NAMESPACE),
            text(f, NAME),
            ac == EventFields.NONE ? null : (Action) f.values[ac],
            text(f, ACTOR),
            requested);
    if (level == null) {
      level = AuditLevel.METADATA;
    }
    if (!level.writesEvent()) {
      return false;
    }
    if (li == EventFields.NONE) {
      li = f.add(Conventions.AUDIT_LEVEL, level);
    }
    if (li != EventFields.NONE) {
      f.values[li] = level.label();
    }
    payload(f, 0, level.writesRequest(), kind);
    payload(f, 1, level.writesResponse(), kind);
    return true;
  }

  private void payload(EventFields f, int which, boolean written, CharSequence kind) {
    int i = f.payloadIndex[which];
    if (i == EventFields.NONE || f.skip[i]) {
      return;
    }
    if (!written) {
      f.skip[i] = true; // never computed
      return;
    }
    String omitted = omission(kind);
    if (omitted != null) {
      omit(f, i, omitted);
      return;
    }
    if (f.values[i] instanceof AuditPayload p) {
      f.values[i] = p.get();
    }
    f.payloadLimited[which] = true;
  }

  /**
   * Outside an audit event: a payload supplier is not called, a {@code Secret}'s payload is still
   * not written, and a level asked for is written by its name.
   */
  private void notAudit(EventFields f, CharSequence kind) {
    for (int which = 0; which < 2; which++) {
      int i = f.payloadIndex[which];
      if (i == EventFields.NONE || f.skip[i]) {
        continue;
      }
      if (f.values[i] instanceof AuditPayload) {
        f.skip[i] = true;
        continue;
      }
      String omitted = omission(kind);
      if (omitted != null) {
        omit(f, i, omitted);
      }
    }
    int li = f.leadingIndex[AUDIT_LEVEL];
    if (li != EventFields.NONE && f.values[li] instanceof AuditLevel l) {
      if (l.writesEvent()) {
        f.values[li] = l.label();
      } else {
        f.skip[li] = true;
        f.leadingIndex[AUDIT_LEVEL] = EventFields.NONE;
      }
    }
  }

  private static void omit(EventFields f, int i, String marker) {
    f.values[i] = marker;
    f.kinds[i] = EventFields.OBJECT;
  }

  /** The omission marker for a kind whose payloads are not written, or null. */
  private String omission(CharSequence kind) {
    String r = policy.omissionReason(kind);
    if (r == null) {
      return null;
    }
    if (!r.equals(reason)) {
      marker = AuditPayload.omittedFor(r);
      reason = r;
    }
    return marker;
  }

  /** The text of leading field {@code slot}, or null when the event does not carry it. */
  private static CharSequence text(EventFields f, int slot) {
    int i = f.leadingIndex[slot];
    if (i == EventFields.NONE) {
      return null;
    }
    return switch (f.kinds[i]) {
      case EventFields.LONG -> Long.toString(f.longs[i]);
      case EventFields.DOUBLE -> Double.toString(f.doubles[i]);
      default -> {
        Object v = f.values[i];
        if (v == null || v instanceof CharSequence) {
          yield (CharSequence) v;
        }
        // As the line writes it (a number, an enum; a structure without recursing forever).
        StringBuilder sb = new StringBuilder();
        MessageTemplate.appendArgument(sb, v, null);
        yield sb;
      }
    };
  }
}
