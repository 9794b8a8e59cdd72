import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Executor, Tx } from './db/database.ts';

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
  /** Keyed hashes (`cipher.lookupHash`) of the ID numbers of the people whose personal data this row is about. */
  personKeys?: string[];
};

// Tamper evidence (MLPS level 3 "audit record protection"): every row carries a keyed hash over its content and the
// hash of the row before it in its stream. The stream is the entity the row is about (`order:<id>`, `user:<id>` …):
// writers on different entities never wait for each other, and one entity's history is one chain. The key is derived
// from the field-encryption key, which lives outside the database, so someone who can only write to the database
// cannot forge a consistent chain. `openbeian audit verify` walks every chain and names the first broken link.

/** Namespace of the advisory locks that serialise writers of one stream (the second key is the stream's hash). */
const STREAM_LOCK = 727_274_002;

type ChainKeys = { currentId: string; keys: Map<string, Buffer> };
let chainKeys: ChainKeys | null = null;

const deriveKey = (key: Buffer): Buffer => createHmac('sha256', key).update('audit-chain').digest();

/** The audit-chain key derived from a field-encryption key: what OPENBEIAN_AUDIT_OLD_KEYS keeps once that key is gone. */
export const auditChainKeyOf = deriveKey;

/**
 * Called once per context with the field-encryption key ring; old keys keep verifying rows written before a rotation.
 * `oldChainKeys` (OPENBEIAN_AUDIT_OLD_KEYS, already derived) verify rows of encryption keys removed since: the audit
 * log is never re-signed, and keeping only the derived key lets the old encryption key go.
 */
export function configureAuditChain(ring: { currentKeyId: string; keys: Record<string, Buffer> }, oldChainKeys: Record<string, Buffer> = {}): void {
  const keys = new Map(Object.entries(oldChainKeys));
  for (const [id, key] of Object.entries(ring.keys)) keys.set(id, deriveKey(key));
  chainKeys = { currentId: ring.currentKeyId, keys };
}

type ChainedRow = {
  stream: string;
  seq: number;
  prevHash: string | null;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  requestId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  data: unknown;
  personKeys: string[];
};

/** JSON with object keys sorted, so the same value hashes the same after a round trip through jsonb. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function rowHash(keyId: string, row: ChainedRow): string {
  const key = chainKeys?.keys.get(keyId);
  if (!key) throw new Error(`no audit chain key ${keyId}`);
  const content = canonical([
    row.stream,
    row.seq,
    row.prevHash,
    row.at.toISOString(),
    row.actorId,
    row.actorRole,
    row.requestId,
    row.entityType,
    row.entityId,
    row.action,
    row.fromStatus,
    row.toStatus,
    row.reason,
    row.data,
    row.personKeys,
  ]);
  return `${keyId}:${createHmac('sha256', key).update(content).digest('hex')}`;
}

async function appendChained(tx: Tx, actor: Actor, at: Date, entry: AuditEntry): Promise<void> {
  if (!chainKeys) throw new Error('configureAuditChain was not called');
  const stream = `${entry.entityType}:${entry.entityId}`;
  await sql`SELECT pg_advisory_xact_lock(${STREAM_LOCK}, hashtext(${stream}))`.execute(tx);
  const last = await tx.selectFrom('audit_log').select(['seq', 'hash']).where('stream', '=', stream).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  // Round-tripped through JSON as the database will store it (dates become strings, undefined disappears).
  const data = JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>;
  const row: ChainedRow = {
    stream,
    seq: (last?.seq ?? 0) + 1,
    prevHash: last?.hash ?? null,
    at: new Date(at.getTime()),
    actorId: actor.userId,
    actorRole: actor.role,
    requestId: actor.requestId,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    reason: entry.reason ?? null,
    data,
    personKeys: entry.personKeys ?? [],
  };
  await tx
    .insertInto('audit_log')
    .values({
      at: row.at,
      actor_id: row.actorId,
      actor_role: row.actorRole,
      request_id: row.requestId,
      entity_type: row.entityType,
      entity_id: row.entityId,
      action: row.action,
      from_status: row.fromStatus,
      to_status: row.toStatus,
      reason: row.reason,
      data: JSON.stringify(data),
      person_keys: row.personKeys,
      stream,
      seq: row.seq,
      prev_hash: row.prevHash,
      hash: rowHash(chainKeys.currentId, row),
    })
    .execute();
}

/**
 * Written inside the same transaction as the change it describes, so there is never one without the other. Given the
 * database rather than a transaction (a read being recorded), it opens one of its own for the chain.
 */
export async function writeAudit(executor: Executor, actor: Actor, at: Date, entry: AuditEntry): Promise<void> {
  if (executor.isTransaction) return appendChained(executor as Tx, actor, at, entry);
  await executor.transaction().execute((tx) => appendChained(tx, actor, at, entry));
}

export type AuditChainReport = {
  rows: number;
  streams: number;
  /** Rows written before chaining existed (no stream, no hash, older than every chained row). */
  unchained: number;
  broken: null | { id: number; stream: string | null; seq: number | null; problem: string };
};

const BATCH = 2000;

/** Walks every stream in order and stops at the first row whose link or hash does not hold. */
export async function verifyAuditChain(db: Db): Promise<AuditChainReport> {
  const unchained = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('hash', 'is', null).where('stream', 'is', null).executeTakeFirstOrThrow()).n);
  const report: AuditChainReport = { rows: 0, streams: 0, unchained, broken: null };
  const stripped = await db.selectFrom('audit_log').select(['id', 'stream', 'seq']).where('hash', 'is', null).where('stream', 'is not', null).orderBy('id').limit(1).executeTakeFirst();
  // Rows from before chaining are older than every chained row: one without stream and hash among or after the
  // chained rows was inserted by hand, or had its chain fields wiped to pass as old.
  const firstChained = await db.selectFrom('audit_log').select('id').where('hash', 'is not', null).orderBy('id').limit(1).executeTakeFirst();
  const posing = firstChained
    ? await db.selectFrom('audit_log').select(['id']).where('hash', 'is', null).where('stream', 'is', null).where('id', '>', firstChained.id).orderBy('id').limit(1).executeTakeFirst()
    : undefined;
  let after: { stream: string; seq: number } | null = null;
  let previous: { stream: string; seq: number; hash: string } | null = null;
  for (;;) {
    let query = db.selectFrom('audit_log').selectAll().where('hash', 'is not', null).orderBy('stream').orderBy('seq').limit(BATCH);
    if (after) {
      const from = after;
      query = query.where((eb) => eb.or([eb('stream', '>', from.stream), eb.and([eb('stream', '=', from.stream), eb('seq', '>', from.seq)])]));
    }
    const rows = await query.execute();
    for (const row of rows) {
      const stream = row.stream ?? '';
      const seq = row.seq ?? 0;
      const before: { stream: string; seq: number; hash: string } | null = previous;
      const isNewStream: boolean = before === null || before.stream !== stream;
      if (isNewStream) report.streams += 1;
      const expectedSeq: number = before && !isNewStream ? before.seq + 1 : 1;
      const expectedPrev: string | null = before && !isNewStream ? before.hash : null;
      const fail = (problem: string): AuditChainReport => ({ ...report, broken: { id: row.id, stream: row.stream, seq: row.seq, problem } });
      if (stream !== `${row.entity_type}:${row.entity_id}`) return fail('the row was moved to another stream');
      if (seq !== expectedSeq) return fail(seq > expectedSeq ? `row ${expectedSeq} of this stream is missing` : 'sequence number out of order');
      if (row.prev_hash !== expectedPrev) return fail('the link to the previous row does not match');
      const hash = row.hash!;
      const keyId = hash.split(':', 1)[0]!;
      if (!chainKeys?.keys.has(keyId)) return fail(`signed with unknown key ${keyId}`);
      const expected = rowHash(keyId, {
        stream,
        seq,
        prevHash: row.prev_hash,
        at: row.at,
        actorId: row.actor_id,
        actorRole: row.actor_role,
        requestId: row.request_id,
        entityType: row.entity_type,
        entityId: row.entity_id,
        action: row.action,
        fromStatus: row.from_status,
        toStatus: row.to_status,
        reason: row.reason,
        data: row.data,
        personKeys: row.person_keys,
      });
      if (expected.length !== hash.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(hash))) return fail('the content was changed after it was written');
      report.rows += 1;
      previous = { stream, seq, hash };
    }
    const last: { stream: string; seq: number } | null = previous;
    if (rows.length < BATCH || !last) break;
    after = { stream: last.stream, seq: last.seq };
  }
  if (stripped) return { ...report, broken: { id: stripped.id, stream: stripped.stream, seq: stripped.seq, problem: 'its hash was removed' } };
  if (posing) return { ...report, broken: { id: posing.id, stream: null, seq: null, problem: 'an unchained row written after chaining began (inserted or its chain fields removed)' } };
  return report;
}
