import type { AppContext } from '../../core/context.ts';
import type { SweepKind } from '../codes.ts';
import type { CheckedDomain } from '../findings/record-sweep-observations.ts';

/** One connected domain of a filed service, with what the sweeps need to judge it. */
export type SweepTarget = {
  domain: string;
  subjectNumber: string;
  /** The service's number (e.g. 浙ICP备2026000001号-1). */
  serviceNumber: string;
  /** The province of the filing (the footer rule differs: Guangdong shows the subject number). */
  province: string;
  /** The subject's holder as filed (name and certificate number), for the registrar comparison. */
  holderName: string;
  /** The service's 公安 number once the footer must show it (30 days after the owner recorded it), else null. */
  policeNumber: string | null;
};

/**
 * What each sweep kind plugs into the sweep runner: a check of one target that never throws — a failed look-up
 * comes back as `outcome: 'failed'` with the reason, so the sweep records it and goes on — and how many targets
 * it may check at once.
 */
export type SweepChecker = {
  kind: SweepKind;
  concurrency: number;
  /**
   * Services per batch (one job, one transaction, one cursor move) unless OPENBEIAN_SWEEP_BATCH_SIZE says otherwise:
   * a batch should be seconds of work whatever the kind — 500 web pages, or 10 000 domains' DNS answers. Absent: 500.
   */
  batchSize?: number;
  check(target: SweepTarget, signal: AbortSignal): Promise<CheckedDomain>;
  /** Releases sockets, caches, servers it opened. */
  close?(): Promise<void>;
};

/** Services per batch when neither OPENBEIAN_SWEEP_BATCH_SIZE nor the checker says. */
export const DEFAULT_SWEEP_BATCH_SIZE = 500;

/** How many services a batch of this checker's sweep takes: the operator's setting first, then the checker's own. */
export const sweepBatchSize = (ctx: AppContext, checker: SweepChecker): number => ctx.config.compliance.sweepBatchSize ?? checker.batchSize ?? DEFAULT_SWEEP_BATCH_SIZE;

/** `null` when the kind lacks what it needs (a resolver's networks, a registrar source): the sweep is not configured. */
export type SweepCheckerFactory = (ctx: AppContext) => SweepChecker | null;
