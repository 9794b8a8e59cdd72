/**
 * The lifecycle of a sweep run. Started → `queued`; the first batch makes it `running`; the batch that finds no
 * target left makes it `done` (an empty run may go there from `queued`); a batch that fails for good, or a kind that
 * lost its configuration meanwhile, makes it `failed`. Nothing leaves `done` or `failed`: the next run is a new row.
 */
export const SWEEP_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type SweepStatus = (typeof SWEEP_STATUSES)[number];

/** Every status with where it may go, so adding one fails to compile until it is decided here. */
const TRANSITIONS: Record<SweepStatus, readonly SweepStatus[]> = {
  queued: ['running', 'done', 'failed'],
  running: ['done', 'failed'],
  done: [],
  failed: [],
};

/** A sweep in one of these holds its kind: starting the kind again joins it. */
export const ACTIVE_SWEEP_STATUSES = ['queued', 'running'] as const satisfies readonly SweepStatus[];
export const FINAL_SWEEP_STATUSES = ['done', 'failed'] as const satisfies readonly SweepStatus[];

export const canSweepMove = (from: SweepStatus, to: SweepStatus): boolean => TRANSITIONS[from].includes(to);

export function assertSweepTransition(from: SweepStatus, to: SweepStatus): void {
  if (!canSweepMove(from, to)) throw new Error(`a sweep cannot go from ${from} to ${to}`);
}

export const isActiveSweep = (status: SweepStatus): boolean => (ACTIVE_SWEEP_STATUSES as readonly SweepStatus[]).includes(status);
