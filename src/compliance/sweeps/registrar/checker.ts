import type { Clock } from '../../../core/clock.ts';
import type { SweepChecker, SweepCheckerFactory } from '../checker.ts';
import { createFeedRegistrarData, registeredDomain } from './feed-store.ts';
import type { RegistrarData, RegistrationRecord } from './port.ts';
import { createRdapRegistrarData } from './rdap.ts';
import { holderForEvidence, judgeRegistration } from './rules.ts';

export type RegistrarCheckerOptions = { sources: RegistrarData[]; clock: Clock; concurrency?: number };

export const REGISTRAR_CONCURRENCY = 8;

/**
 * The registrar sweep's check of one connected domain: the first source that knows its registered domain (the
 * feed before RDAP) is judged by ./rules.ts with the clock's time. A source that fails makes the target not checked;
 * a domain no source knows is not checked either (an absent record is not evidence of anything).
 */
export function createRegistrarChecker(options: RegistrarCheckerOptions): SweepChecker {
  return {
    kind: 'registrar',
    concurrency: options.concurrency ?? REGISTRAR_CONCURRENCY,
    async check(target, signal) {
      const base = { domain: target.domain, subjectNumber: target.subjectNumber, serviceNumber: target.serviceNumber };
      const name = registeredDomain(target.domain);
      const unknown: string[] = [];
      for (const source of options.sources) {
        const found = await source.lookup(name, signal).catch((error: unknown) => ({ kind: 'failed' as const, reason: String(error) }));
        if (found.kind === 'failed') return { ...base, outcome: 'failed', error: `${source.name}: ${found.reason}` };
        if (found.kind === 'not-found') {
          unknown.push(`${source.name}: ${found.detail}`);
          continue;
        }
        const now = options.clock.now();
        const problems = judgeRegistration(found.record, target.holderName, now);
        return { ...base, outcome: 'checked', observations: problems.map((problem) => ({ code: problem.code, evidence: evidenceOf(name, found.record, target.holderName, now) })) };
      }
      return { ...base, outcome: 'failed', error: `no registrar record for ${name} (${unknown.join('; ')})` };
    },
    async close() {
      await Promise.all(options.sources.map((source) => source.close?.()));
    },
  };
}

function evidenceOf(name: string, record: RegistrationRecord, filedHolder: string, now: Date): Record<string, unknown> {
  return {
    registeredDomain: name,
    source: record.source,
    holder: record.holder === null ? null : holderForEvidence(record.holder),
    filedHolder: holderForEvidence(filedHolder),
    realNameVerified: record.realNameVerified,
    expiresAt: record.expiresAt?.toISOString() ?? null,
    checkedAt: now.toISOString(),
  };
}

/** Configured when the provider imports registrar feeds (OPENBEIAN_REGISTRAR_FEED) or names an RDAP service. */
export const registrarCheckerFactory: SweepCheckerFactory = (ctx) => {
  const sources: RegistrarData[] = [];
  if (ctx.config.sweepChecks.registrarFeed) sources.push(createFeedRegistrarData(ctx.db, ctx.cipher));
  if (ctx.config.compliance.rdapUrl) sources.push(createRdapRegistrarData({ baseUrl: ctx.config.compliance.rdapUrl }));
  return sources.length === 0 ? null : createRegistrarChecker({ sources, clock: ctx.clock });
};
