import type { AppContext } from '../core/context.ts';
import { publishChange } from './change-feed.ts';
import { ConnectedDomains, readDomainStates } from './connected-domains.ts';

export { ConnectedDomains } from './connected-domains.ts';
export { registrableDomainOfHost, type HostVerdict } from './host.ts';
export { ALLOWLIST_FORMATS, allowlistChunks, renderAllowlist, type AllowlistFormat } from './allowlist.ts';

export const SERVICES_CHANGED = 'filing.services_changed';

/** The filing context's event: which subject changed and which registrable ASCII domains it touched. */
type ServicesChanged = { subjectNumber: string | null; domains: string[] };

const indexes = new WeakMap<AppContext, ConnectedDomains>();

/** The one index of a running platform (one per context, so tests can run several platforms in one process). */
export function connectedDomainsOf(ctx: AppContext): ConnectedDomains {
  let index = indexes.get(ctx);
  if (!index) {
    index = new ConnectedDomains(ctx.db, ctx.logger);
    indexes.set(ctx, index);
  }
  return index;
}

function parseServicesChanged(payload: Record<string, unknown>): ServicesChanged {
  const domains = Array.isArray(payload.domains) ? payload.domains.filter((d): d is string => typeof d === 'string').map((d) => d.toLowerCase()) : [];
  return { subjectNumber: typeof payload.subjectNumber === 'string' ? payload.subjectNumber : null, domains };
}

/**
 * Subscribes the connected-domain index to filing changes. The handler re-reads the touched domains through the
 * outbox transaction (never ctx.db: on PGlite that would wait for itself) and patches the set; the background loop
 * polls the outbox every second, which bounds how stale the index can be. The data it reads was committed by the
 * filing transaction, so patching before the outbox row commits is safe, and a retried event patches the same way.
 */
export function registerEnforcementHandlers(ctx: AppContext): void {
  ctx.outbox.on(SERVICES_CHANGED, async (event, tx) => {
    const change = parseServicesChanged(event.payload);
    const index = connectedDomainsOf(ctx);
    // A process that serves no checks (worker only) has no index to patch; others still hear the NOTIFY.
    if (index.isStarted) index.apply(await readDomainStates(tx, change.subjectNumber, change.domains));
    if (ctx.database.kind === 'postgres') await publishChange(tx, index.origin, change.subjectNumber, change.domains);
  });
}
