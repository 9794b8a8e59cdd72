import { sql } from 'kysely';
import type { AppContext } from '../../../core/context.ts';
import { AppError } from '../../../core/errors.ts';
import type { SweepKind } from '../../codes.ts';
import { toSweepView, type SweepView } from '../repo.ts';

export type SweepFilter = { kind?: SweepKind; cursor?: string; limit: number };

type Cursor = { c: string; id: string };

function readCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof parsed.c === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.c)) && /^[0-9a-f-]{36}$/.test(parsed.id)) return { c: parsed.c, id: parsed.id };
  } catch {
    // fall through to the field error
  }
  throw AppError.field('VALIDATION_FAILED', 'query.cursor', '翻页游标无效，请从第一页重新查询', 'The cursor is not valid; start again from the first page');
}

const writeCursor = (createdAt: Date, id: string): string => Buffer.from(JSON.stringify({ c: createdAt.toISOString(), id })).toString('base64url');

/** Recent sweep runs, newest first; keyset pages like the findings queue. */
export async function listSweeps(ctx: AppContext, filter: SweepFilter): Promise<{ items: SweepView[]; nextCursor: string | null }> {
  let query = ctx.db.selectFrom('compliance_sweeps').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit + 1);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.cursor) {
    const after = readCursor(filter.cursor);
    query = query.where(sql<boolean>`(created_at, id) < (${new Date(after.c)}, ${after.id}::uuid)`);
  }
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return { items: page.map(toSweepView), nextCursor: rows.length > filter.limit && last ? writeCursor(last.created_at, last.id) : null };
}

/** One run, or NOT_FOUND. */
export async function getSweep(ctx: AppContext, id: string): Promise<SweepView> {
  const row = await ctx.db.selectFrom('compliance_sweeps').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { sweep: id });
  return toSweepView(row);
}
