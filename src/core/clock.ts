/**
 * Time comes from one injectable clock so deadlines (SMS 24 h, review SLAs, 45-day expiry) can be tested and
 * demonstrated by moving a virtual clock instead of waiting.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class VirtualClock implements Clock {
  private offsetMs = 0;

  constructor(
    private readonly base: Clock = systemClock,
    start?: Date,
  ) {
    if (start) this.offsetMs = start.getTime() - base.now().getTime();
  }

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the virtual clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }

  get offset(): number {
    return this.offsetMs;
  }
}

/** Today's date (YYYY-MM-DD) in Asia/Shanghai, where every filing rule is judged. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
