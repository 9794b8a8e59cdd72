import type { Executor } from './db/database.ts';

/** Who did something and in which request; passed into every command. */
export type Actor = { userId: string | null; role: string | null; requestId: string | null };

export const SYSTEM_ACTOR: Actor = { userId: null, role: 'system', requestId: null };

export type AuditEntry = {
  entityType: string;
  entityId: string;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
};

/** Written inside the same transaction as the change it describes, so there is never one without the other. */
export async function writeAudit(executor: Executor, actor: Actor, at: Date, entry: AuditEntry): Promise<void> {
  await executor
    .insertInto('audit_log')
    .values({
      at,
      actor_id: actor.userId,
      actor_role: actor.role,
      request_id: actor.requestId,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      action: entry.action,
      from_status: entry.fromStatus ?? null,
      to_status: entry.toStatus ?? null,
      reason: entry.reason ?? null,
      data: JSON.stringify(entry.data ?? {}),
    })
    .execute();
}
