import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { SYSTEM_ACTOR, writeAudit, type Actor } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId } from '../../../core/ids.ts';
import { registeredDomain, saveFeedRows, type FeedRow } from './feed-store.ts';

export type ImportFeedInput = { file: string; format?: 'csv' | 'jsonl'; actor?: Actor };
export type SkippedRow = { line: number; problem: string };
export type ImportFeedResult = { file: string; imported: number; skipped: SkippedRow[] };

const BATCH = 500;

const YES = new Set(['true', '1', 'yes', 'y', '是', '已实名', 'verified']);
const NO = new Set(['false', '0', 'no', 'n', '否', '未实名', 'unverified']);

const rowSchema = z.object({
  domain: z
    .string({ error: 'domain: required / 必填' })
    .trim()
    .toLowerCase()
    .regex(/^(?=.{1,253}$)([a-z0-9\u00a1-\uffff]([a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?\.)+[a-z\u00a1-\uffff]{2,63}$/, 'domain: not a domain name / 不是域名'),
  holder: z.string({ error: 'holder: required / 必填' }).trim().min(1, 'holder: required / 必填').max(200, 'holder: at most 200 characters / 最多 200 字'),
  realNameVerified: z.union([z.boolean(), z.string(), z.number()], { error: 'realNameVerified: required (true or false) / 必填（true 或 false）' }).transform((value, context) => {
    const text = String(value).trim().toLowerCase();
    if (YES.has(text)) return true;
    if (NO.has(text)) return false;
    context.addIssue({ code: 'custom', message: `realNameVerified: ${JSON.stringify(value)} is not true or false / 应为 true 或 false` });
    return z.NEVER;
  }),
  expiresOn: z
    .string({ error: 'expiresOn: required (YYYY-MM-DD) / 必填（YYYY-MM-DD）' })
    .trim()
    .refine(isCalendarDate, 'expiresOn: must be a date YYYY-MM-DD / 应为日期 YYYY-MM-DD'),
});

/** 2027-02-28 yes; 2027-02-30 and 2027-13-01 no. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * `openbeian registrar-feed import FILE`: a registrar's file of domains, read as a stream (CSV with a header line
 * `domain,holder,realNameVerified,expiresOn`, or JSON Lines with those members). A bad row is reported with its line
 * number and skipped; the others are imported, in batches, each domain replacing what an earlier file said.
 */
export async function importRegistrarFeed(ctx: AppContext, input: ImportFeedInput): Promise<ImportFeedResult> {
  const format = input.format ?? (/\.(jsonl|ndjson|json)$/i.test(input.file) ? 'jsonl' : 'csv');
  const file = basename(input.file);
  const at = ctx.clock.now();
  const skipped: SkippedRow[] = [];
  let imported = 0;
  let batch: FeedRow[] = [];
  const flush = async () => {
    await saveFeedRows(ctx.db, ctx.cipher, file, at, batch);
    imported += batch.length;
    batch = [];
  };
  const accept = async (raw: unknown, line: number) => {
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      skipped.push({ line, problem: parsed.error.issues.map((issue) => issue.message).join('; ') });
      return;
    }
    const { domain, holder, realNameVerified, expiresOn } = parsed.data;
    batch.push({ domain: registeredDomain(domain), holder, realNameVerified, expiresOn, line });
    if (batch.length >= BATCH) await flush();
  };

  if (format === 'csv') await readCsv(input.file, accept, skipped);
  else await readJsonLines(input.file, accept, skipped);
  await flush();

  await writeAudit(ctx.db, input.actor ?? SYSTEM_ACTOR, at, {
    action: 'compliance.registrar_feed.import',
    entityType: 'registrar_feed',
    entityId: newId(),
    fromStatus: null,
    toStatus: null,
    data: { file, imported, skipped: skipped.length },
  });
  skipped.sort((a, b) => a.line - b.line);
  return { file, imported, skipped };
}

type Accept = (raw: unknown, line: number) => Promise<void>;

async function readCsv(path: string, accept: Accept, skipped: SkippedRow[]): Promise<void> {
  const parser = createReadStream(path).pipe(
    parse({
      columns: (header: string[]) => header.map((name) => name.trim()),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error) skipped.push({ line: Number((error as { lines?: unknown }).lines), problem: `not a CSV row: ${error.message}` });
        return undefined;
      },
    }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    await accept(record, info.lines);
  }
}

async function readJsonLines(path: string, accept: Accept, skipped: SkippedRow[]): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) {
    number += 1;
    const trimmed = text.replace(/^\uFEFF/, '').trim();
    if (!trimmed) continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      skipped.push({ line: number, problem: 'not JSON / 不是 JSON' });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      skipped.push({ line: number, problem: 'not a JSON object: write one object per line (JSON Lines) / 不是 JSON 对象：请每行一个对象' });
      continue;
    }
    await accept(value, number);
  }
}
