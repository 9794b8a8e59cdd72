import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { to as copyTo } from 'pg-copy-streams';
import type { Database, Executor } from '../core/db/database.ts';
import { DomainSet, NEEDS_ANALYSIS } from './domain-set.ts';

/**
 * The set of registrable ASCII domains this provider may serve: an approved service (a row in filed_services)
 * whose access is `connected`, under an `active` subject. Kept in memory so the check endpoint never touches the
 * database; loaded once, then patched domain by domain when `filing.services_changed` events arrive.
 *
 * The names live in a `DomainSet` (two typed arrays, no string per name). Exports do not read this index: they
 * stream from the database (`exportConnectedDomains`), sorted there, with the change-feed cursor of their snapshot.
 */
export class ConnectedDomains {
  /** Identifies this process's index in NOTIFY messages, so it skips the echo of its own changes. */
  readonly origin = randomUUID();
  private domains = new DomainSet();
  private loading: Promise<void> | null = null;
  /** Changes seen while a full load runs: the load's snapshot may predate them, so they are replayed onto it. */
  private changedDuringLoad: Map<string, boolean> | null = null;
  private loaded = false;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
  ) {}

  get isReady(): boolean {
    return this.loaded;
  }

  /** Loaded or loading: changes must be applied (and replayed onto a snapshot in progress). */
  get isStarted(): boolean {
    return this.loaded || this.loading !== null;
  }

  get size(): number {
    return this.domains.size;
  }

  /** Bytes of the packed names and their hash table (outside the JavaScript heap). */
  get memoryBytes(): number {
    return this.domains.memoryBytes;
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

  /** 1 when the host or a parent domain is connected, 0 when not, 2 when the host needs the full analysis first. */
  allowsHost(host: string): 0 | 1 | typeof NEEDS_ANALYSIS {
    return this.domains.allowsHost(host);
  }

  /** Sets each domain's state as just read from the database (true = may be served). */
  apply(states: ReadonlyMap<string, boolean>): void {
    for (const [domain, isConnected] of states) {
      this.changedDuringLoad?.set(domain, isConnected);
      if (isConnected) this.domains.add(domain);
      else this.domains.delete(domain);
    }
  }

  private async load(): Promise<void> {
    const started = performance.now();
    const changed = new Map<string, boolean>();
    this.changedDuringLoad = changed;
    try {
      const next = await readAllConnected(this.database);
      for (const [domain, isConnected] of changed) {
        if (isConnected) next.add(domain);
        else next.delete(domain);
      }
      this.domains = next;
      this.loaded = true;
      this.logger.info({ domains: next.size, ms: Math.round(performance.now() - started) }, 'enforcement index loaded');
    } finally {
      this.changedDuringLoad = null;
      this.loading = null;
    }
  }
}

/**
 * THE definition of "may be served", over a service `s` joined to its subject `j` (see `servicesWithSubjects`):
 * every place that needs the set (the index load, the exports, the change feed's snapshot) filters with this.
 * A suspended service (src/compliance/violations) is left out until its suspension is lifted.
 * `readDomainStates` below answers the same question for a few named domains.
 */
function isServed() {
  return sql`s.access_state = 'connected' AND j.status = 'active' AND NOT ${isSuspended()}`;
}

/** A content-violation suspension (SPEC §8) in force: the service keeps its access but is not served meanwhile. */
function isSuspended() {
  return sql<boolean>`EXISTS (SELECT 1 FROM service_suspensions x WHERE x.service_number = s.number AND x.lifted_at IS NULL)`;
}

function servicesWithSubjects() {
  return sql`filed_services s JOIN filed_subjects j ON j.number = s.subject_number`;
}

/** One row per registrable domain of a connected service (a domain two services hold comes twice). */
function connectedDomainNames() {
  return sql`
    SELECT d.name
    FROM ${servicesWithSubjects()}
    CROSS JOIN LATERAL unnest(CASE WHEN s.domain IS NULL OR s.domain = ANY (s.domains) THEN s.domains ELSE array_append(s.domains, s.domain) END) AS d(name)
    WHERE ${isServed()} AND d.name <> ''`;
}

/** Names of one connected service joined by spaces: its `domain` and any other `domains`. */
function serviceNamesSql() {
  return sql`concat_ws(' ', s.domain, NULLIF(array_to_string(array_remove(s.domains, s.domain), ' '), ''))`;
}

/**
 * Every connected domain into a new `DomainSet`, unsorted and not made distinct (the set ignores repeats), one row
 * per service with its names joined, instead of unnesting: sorting and unnesting two million names cost the
 * database seconds. Domains are ASCII without spaces.
 *
 * - PostgreSQL: `COPY … TO STDOUT`, parsed from the byte stream straight into the set: no string per name, no row
 *   objects, and (unlike a cursor or an aggregate) the join may run in parallel workers.
 * - PGlite: the database folds the names into one text, which the set reads by position.
 */
async function readAllConnected(database: Database): Promise<DomainSet> {
  if (database.kind === 'postgres') return copyAllConnected(database);
  const row = await database.db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ names: string | null; count: string | number }>`
      SELECT string_agg(${serviceNamesSql()}, ' ') AS names, count(*) AS count
      FROM ${servicesWithSubjects()}
      WHERE ${isServed()}`.execute(tx);
    return rows[0];
  });
  const text = row?.names ?? '';
  const set = new DomainSet(Number(row?.count ?? 0), text.length + 1024);
  let start = 0;
  for (let i = 0; i <= text.length; i += 1) {
    if (i === text.length || text.charCodeAt(i) === 32) {
      if (i > start) set.addRange(text, start, i);
      start = i + 1;
    }
  }
  return set;
}

async function copyAllConnected(database: Database): Promise<DomainSet> {
  const client = await database.pool.connect();
  let isBroken = false;
  try {
    // The planner's estimate sizes the set: a wrong guess costs a rehash, not a wrong answer.
    const estimate = await client.query<{ rows: number }>(`SELECT greatest(reltuples, 0)::bigint AS rows FROM pg_class WHERE relname = 'filed_services'`);
    const expected = Number(estimate.rows[0]?.rows ?? 0);
    const set = new DomainSet(expected, expected * 18 + 1024);
    await client.query('BEGIN READ ONLY');
    // Enough memory for the join's hash table in memory instead of on disk.
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query('SET LOCAL jit = off');
    const query = sql`COPY (SELECT ${serviceNamesSql()} FROM ${servicesWithSubjects()} WHERE ${isServed()}) TO STDOUT`.compile(database.db).sql;
    const stream = client.query(copyTo(query));
    let carry: Uint8Array = new Uint8Array(0);
    try {
      for await (const received of stream as AsyncIterable<Buffer>) {
        const chunk = carry.length ? Buffer.concat([carry, received]) : received;
        let start = 0;
        for (let i = 0; i < chunk.length; i += 1) {
          const byte = chunk[i];
          if (byte === 32 || byte === 10) {
            if (i > start) set.addBytes(chunk, start, i);
            start = i + 1;
          }
        }
        carry = chunk.subarray(start);
      }
    } catch (error) {
      isBroken = true;
      throw error;
    }
    if (carry.length) set.addBytes(carry, 0, carry.length);
    await client.query('COMMIT');
    return set;
  } catch (error) {
    if (!isBroken) await client.query('ROLLBACK').catch(() => (isBroken = true));
    throw error;
  } finally {
    client.release(isBroken ? true : undefined);
  }
}

/**
 * Every connected domain once, as rows `(name)` in byte order (COLLATE "C", which for ASCII names is also
 * JavaScript's order): what every export lists.
 */
export function distinctConnectedDomains() {
  return sql<{ name: string }>`SELECT DISTINCT c.name COLLATE "C" AS name FROM (${connectedDomainNames()}) AS c ORDER BY 1`;
}

/** The last change-feed position: every change up to it is in the database state this executor sees. */
export async function changeFeedCursor(executor: Executor): Promise<number> {
  const row = await executor
    .selectFrom('enforcement_changes')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
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
    .where(sql<boolean>`NOT ${isSuspended()}`)
    .execute();
  for (const holder of holders) {
    for (const domain of [holder.domain, ...holder.domains]) if (domain && states.has(domain)) states.set(domain, true);
  }
  return states;
}
