import { sql } from 'kysely';
import type { AppContext } from '../../../core/context.ts';
import { AppError } from '../../../core/errors.ts';
import type { FindingCode } from '../../codes.ts';
import { toFindingView, type FindingView } from '../repo.ts';
import type { FindingStatus } from '../status.ts';

export type FindingFilter = { status?: FindingStatus; code?: FindingCode; subject?: string; cursor?: string; limit: number };

/** Findings without a deadline sort after every dated one. */
const NO_DEADLINE = new Date('9999-12-31T00:00:00Z');

type Cursor = { d: string; id: string };

function readCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof parsed.d === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.d)) && /^[0-9a-f-]{36}$/.test(parsed.id)) return { d: parsed.d, id: parsed.id };
  } catch {
    // fall through to the field error
  }
  throw AppError.field('VALIDATION_FAILED', 'query.cursor', '翻页游标无效，请从第一页重新查询', 'The cursor is not valid; start again from the first page');
}

const writeCursor = (deadline: Date | null, id: string): string => Buffer.from(JSON.stringify({ d: (deadline ?? NO_DEADLINE).toISOString(), id })).toString('base64url');

/**
 * The findings queue: earliest deadline first (so overdue findings lead), then by id; keyset pagination, so a page
 * stays right while sweeps add findings behind it.
 */
export async function listFindings(ctx: AppContext, filter: FindingFilter): Promise<{ items: FindingView[]; nextCursor: string | null }> {
  const due = sql<Date>`coalesce(deadline, ${NO_DEADLINE})`;
  let query = ctx.db.selectFrom('compliance_findings').selectAll().orderBy(due).orderBy('id').limit(filter.limit + 1);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.code) query = query.where('code', '=', filter.code);
  if (filter.subject) query = query.where('subject_number', '=', filter.subject);
  if (filter.cursor) {
    const after = readCursor(filter.cursor);
    query = query.where(sql<boolean>`(${due}, id) > (${new Date(after.d)}, ${after.id}::uuid)`);
  }
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const now = ctx.clock.now();
  return { items: page.map((row) => toFindingView(row, now)), nextCursor: rows.length > filter.limit && last ? writeCursor(last.deadline, last.id) : null };
}
