import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db, Executor } from '../core/db/database.ts';

/** Position of `value` in an ascending array, or where it would be inserted. */
function lowerBound(list: readonly string[], value: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The set of registrable ASCII domains this provider may serve: an approved service (a row in filed_services)
 * whose access is `connected`, under an `active` subject. Kept in memory so the check endpoint never touches the
 * database; loaded once, then patched domain by domain when `filing.services_changed` events arrive.
 *
 * Beside the Set (for checks) it keeps the same names sorted (for exports): the database sorts them during the
 * load and each change is a binary-search splice, so an export never sorts two million strings on the event loop.
 */
export class ConnectedDomains {
  /** Identifies this process's index in NOTIFY messages, so it skips the echo of its own changes. */
  readonly origin = randomUUID();
  private domains = new Set<string>();
  private sortedDomains: string[] = [];
  private loading: Promise<void> | null = null;
  /** Changes seen while a full load runs: the load's snapshot may predate them, so they are replayed onto it. */
  private changedDuringLoad: Map<string, boolean> | null = null;
  private loaded = false;
  private version = 0;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
  ) {}

  get isReady(): boolean {
    return this.loaded;
  }

  /** Loaded or loading: changes must be applied (and replayed onto a snapshot in progress). */
  get isStarted(): boolean {
    return this.loaded || this.loading !== null;
  }

  /** Grows with every change; with `origin` it makes an ETag for the allowlist export. */
  get changeCount(): number {
    return this.version;
  }

  get size(): number {
    return this.domains.size;
  }

  /** Starts the first load if none ran; resolves when a snapshot is in memory. A failed load is retried on the next call. */
  ready(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    return (this.loading ??= this.load());
  }

  /** Replaces the whole set from the database, e.g. after the change feed was interrupted. Serves the old set meanwhile. */
  reload(): Promise<void> {
    return (this.loading ??= this.load());
  }

  has(domain: string): boolean {
    return this.domains.has(domain);
  }

  /** The domains in ascending code-unit order. A live view: copy it before yielding to the event loop. */
  sorted(): readonly string[] {
    return this.sortedDomains;
  }

  /** Sets each domain's state as just read from the database (true = may be served). */
  apply(states: ReadonlyMap<string, boolean>): void {
    for (const [domain, isConnected] of states) {
      this.changedDuringLoad?.set(domain, isConnected);
      this.put(this.domains, this.sortedDomains, domain, isConnected);
    }
    if (states.size > 0) this.version += 1;
  }

  private put(set: Set<string>, sorted: string[], domain: string, isConnected: boolean): void {
    if (set.has(domain) === isConnected) return;
    const at = lowerBound(sorted, domain);
    if (isConnected) {
      set.add(domain);
      sorted.splice(at, 0, domain);
    } else {
      set.delete(domain);
      sorted.splice(at, 1);
    }
  }

  private async load(): Promise<void> {
    const started = performance.now();
    const changed = new Map<string, boolean>();
    this.changedDuringLoad = changed;
    try {
      const sorted = await readAllConnected(this.db);
      const next = new Set(sorted);
      for (const [domain, isConnected] of changed) this.put(next, sorted, domain, isConnected);
      this.domains = next;
      this.sortedDomains = sorted;
      this.loaded = true;
      this.version += 1;
      this.logger.info({ domains: next.size, ms: Math.round(performance.now() - started) }, 'enforcement index loaded');
    } finally {
      this.changedDuringLoad = null;
      this.loading = null;
    }
  }
}

/**
 * Every connected domain, distinct and sorted, in one string folded by the database: two million names arrive as
 * one 30 MB text instead of two million row objects, a hash join reads both tables once, and the sort happens in
 * PostgreSQL. COLLATE "C" orders bytes, which for ASCII names is JavaScript's order too. Domains are ASCII, so a
 * space cannot occur inside one.
 */
async function readAllConnected(db: Db): Promise<string[]> {
  const list = await db.transaction().execute(async (tx) => {
    // Enough memory to sort two million names in memory instead of on disk (3 s instead of 6 s here).
    await sql`SET LOCAL work_mem = '256MB'`.execute(tx);
    const { rows } = await sql<{ list: string | null }>`
      SELECT string_agg(DISTINCT d.name COLLATE "C", ' ' ORDER BY d.name COLLATE "C") AS list
      FROM filed_services s
      JOIN filed_subjects j ON j.number = s.subject_number
      CROSS JOIN LATERAL unnest(array_append(s.domains, s.domain)) AS d(name)
      WHERE s.access_state = 'connected' AND j.status = 'active' AND d.name <> ''`.execute(tx);
    return rows[0]?.list;
  });
  return list ? list.split(' ') : [];
}

/**
 * Reads, inside the caller's transaction, whether each domain touched by a change may now be served. The
 * candidates are the domains named by the event plus every domain of the subject (a cancelled subject takes them
 * all), and a domain stays allowed when any other connected service still holds it.
 */
export async function readDomainStates(executor: Executor, subjectNumber: string | null, named: readonly string[]): Promise<Map<string, boolean>> {
  const candidates = new Set(named);
  if (subjectNumber) {
    const own = await executor.selectFrom('filed_services').select(['domain', 'domains']).where('subject_number', '=', subjectNumber).execute();
    for (const service of own) for (const domain of [service.domain, ...service.domains]) if (domain) candidates.add(domain);
  }
  const states = new Map<string, boolean>([...candidates].map((domain) => [domain, false]));
  if (candidates.size === 0) return states;
  const list = [...candidates];
  // Two steps for the planner's sake: it cannot estimate `domains && $1` and, joined, may pick a full scan.
  const holding = await executor
    .selectFrom('filed_services')
    .select('number')
    .where((eb) => eb.or([eb('domain', 'in', list), sql<boolean>`domains && ${list}::text[]`]))
    .execute();
  if (holding.length === 0) return states;
  const holders = await executor
    .selectFrom('filed_services as s')
    .innerJoin('filed_subjects as j', 'j.number', 's.subject_number')
    .select(['s.domain', 's.domains'])
    .where('s.number', 'in', holding.map((h) => h.number))
    .where('s.access_state', '=', 'connected')
    .where('j.status', '=', 'active')
    .execute();
  for (const holder of holders) {
    for (const domain of [holder.domain, ...holder.domains]) if (domain && states.has(domain)) states.set(domain, true);
  }
  return states;
}
