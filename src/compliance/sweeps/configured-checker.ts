import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import type { SweepKind } from '../codes.ts';
import type { SweepChecker } from './checker.ts';
import { SWEEP_CHECKERS } from './registry.ts';

/** The setting each kind needs, named in SWEEP_NOT_CONFIGURED so the provider knows what to set. */
export const SWEEP_SETTINGS: Record<SweepKind, string | null> = {
  dns: 'OPENBEIAN_ACCESS_CIDRS',
  // The footer sweep needs no setting: it fetches the filed home pages.
  footer: null,
  registrar: 'OPENBEIAN_RDAP_URL or OPENBEIAN_REGISTRAR_FEED',
};

// One checker per process and kind, kept between batches: the DNS checker's cache lives as long as its answers' TTLs.
const checkers = new WeakMap<AppContext, Map<SweepKind, SweepChecker>>();

function notConfigured(kind: SweepKind, isBuilt: boolean): AppError {
  return new AppError('SWEEP_NOT_CONFIGURED', isBuilt ? { kind, setting: SWEEP_SETTINGS[kind] } : { kind, setting: null, reason: 'no checker for this kind in this version' });
}

/** Whether a kind can run here, without opening anything: for the console's start buttons. */
export function sweepAvailability(ctx: AppContext, kind: SweepKind): { isConfigured: boolean; setting: string | null } {
  const factory = SWEEP_CHECKERS[kind];
  if (!factory) return { isConfigured: false, setting: null };
  if (checkers.get(ctx)?.has(kind)) return { isConfigured: true, setting: null };
  const checker = factory(ctx);
  if (!checker) return { isConfigured: false, setting: SWEEP_SETTINGS[kind] };
  remember(ctx, checker);
  return { isConfigured: true, setting: null };
}

function remember(ctx: AppContext, checker: SweepChecker): void {
  const byKind = checkers.get(ctx) ?? new Map<SweepKind, SweepChecker>();
  byKind.set(checker.kind, checker);
  checkers.set(ctx, byKind);
}

/** The kind's checker, or SWEEP_NOT_CONFIGURED (503) naming the missing setting. */
export function configuredChecker(ctx: AppContext, kind: SweepKind): SweepChecker {
  const known = checkers.get(ctx)?.get(kind);
  if (known) return known;
  const factory = SWEEP_CHECKERS[kind];
  if (!factory) throw notConfigured(kind, false);
  const checker = factory(ctx);
  if (!checker) throw notConfigured(kind, true);
  remember(ctx, checker);
  return checker;
}

/** Releases what this process's checkers opened (the CLI at its end, a platform when it stops). */
export async function closeSweepCheckers(ctx: AppContext): Promise<void> {
  const byKind = checkers.get(ctx);
  checkers.delete(ctx);
  for (const checker of byKind?.values() ?? []) await checker.close?.();
}
