import { sql } from 'kysely';
import type { AppContext } from '../core/context.ts';
import type { Tx } from '../core/db/database.ts';
import { CHANGE_CHANNEL, publishChange } from './change-feed.ts';
import { ChangeSignal, lockChangeLog, recordChanges } from './change-log.ts';
import { ConnectedDomains, readDomainStates } from './connected-domains.ts';

export { ConnectedDomains } from './connected-domains.ts';
export { exportAllowlist, type ExportSnapshot } from './export.ts';
export { DomainSet } from './domain-set.ts';
export { registrableDomainOfHost, type HostVerdict } from './host.ts';
export { ALLOWLIST_FORMATS, allowlistChunks, renderAllowlist, type AllowlistFormat } from './allowlist.ts';
export { readChangesSince } from './change-log.ts';

export const SERVICES_CHANGED = 'filing.services_changed';

/** The filing context's event: which subject changed and which registrable ASCII domains it touched. */
type ServicesChanged = { subjectNumber: string | null; domains: string[] };

type Enforcement = { index: ConnectedDomains; signal: ChangeSignal };
const perContext = new WeakMap<AppContext, Enforcement>();

function enforcementOf(ctx: AppContext): Enforcement {
  let found = perContext.get(ctx);
  if (!found) {
    found = { index: new ConnectedDomains(ctx.database, ctx.logger), signal: new ChangeSignal() };
    perContext.set(ctx, found);
  }
  return found;
}

/** The one index of a running platform (one per context, so tests can run several platforms in one process). */
export function connectedDomainsOf(ctx: AppContext): ConnectedDomains {
  return enforcementOf(ctx).index;
}

/** Wakes this process's long polls of the change feed. */
export function changeSignalOf(ctx: AppContext): ChangeSignal {
  return enforcementOf(ctx).signal;
}

function parseServicesChanged(payload: Record<string, unknown>): ServicesChanged {
  const domains = Array.isArray(payload.domains) ? payload.domains.filter((d): d is string => typeof d === 'string').map((d) => d.toLowerCase()) : [];
  return { subjectNumber: typeof payload.subjectNumber === 'string' ? payload.subjectNumber : null, domains };
}

/**
 * Subscribes enforcement to filing changes. The handler re-reads the touched domains through the outbox
 * transaction (never ctx.db: on PGlite that would wait for itself), appends their states to the change feed for
 * edges, and patches this process's index. The data it reads was committed by the filing transaction, so patching
 * before the outbox row commits is safe, and a retried event patches the same way.
 */
export function registerEnforcementHandlers(ctx: AppContext): void {
  ctx.outbox.on(SERVICES_CHANGED, 'enforcement.change-log', async (event, tx) => {
    const change = parseServicesChanged(event.payload);
    const { index, signal } = enforcementOf(ctx);
    await lockChangeLog(tx);
    const states = await readDomainStates(tx, change.subjectNumber, change.domains);
    await recordChanges(tx, states, ctx.clock.now());
    // A process that serves no checks (worker only) has no index to patch; others still hear the NOTIFY.
    if (index.isStarted) index.apply(states);
    if (ctx.database.kind === 'postgres') await publishChange(tx, index.origin, change.subjectNumber, change.domains);
    // PGlite: a long poll woken now reads after this transaction (one connection, taken in turn). PostgreSQL: it may
    // read too early and find nothing, and is woken again by the NOTIFY, which arrives after the commit.
    signal.notify();
  });
}

/**
 * A bulk load (`openbeian import`) that added many connected services at once: instead of one event per subject,
 * the loader's own transaction appends every newly served domain to the change feed (under the feed's lock, as the
 * handler does) and asks every listening process for a full reload. `domainsSql` selects one column of ASCII
 * registrable domains (repeats allowed); only domains of services that just became served belong in it.
 */
export async function recordBulkAllowed(ctx: AppContext, tx: Tx, domainsSql: string, at: Date): Promise<void> {
  await lockChangeLog(tx);
  await sql`INSERT INTO enforcement_changes (domain, allowed, changed_at)
    SELECT DISTINCT d.name, true, ${at}::timestamptz FROM (${sql.raw(domainsSql)}) AS d(name) WHERE d.name <> ''`.execute(tx);
  if (ctx.database.kind === 'postgres') await sql`SELECT pg_notify(${CHANGE_CHANNEL}, ${JSON.stringify({ origin: connectedDomainsOf(ctx).origin, reload: true })})`.execute(tx);
}

/** After the bulk load committed: this process's index reloads and its long polls of the change feed wake. */
export async function afterBulkAllowed(ctx: AppContext): Promise<void> {
  const { index, signal } = enforcementOf(ctx);
  signal.notify();
  if (index.isStarted) await index.reload();
}
