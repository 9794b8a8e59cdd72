import { describe, expect, it } from 'vitest';
import { timeLimited } from './time-limit.ts';

describe('a time-limited signal', () => {
  it('aborts when the time has passed, with a timeout reason', async () => {
    const limited = timeLimited(new AbortController().signal, 20);
    await new Promise((resolve) => limited.signal.addEventListener('abort', resolve, { once: true }));
    expect(limited.signal.aborted).toBe(true);
    expect((limited.signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('aborts with the outer signal, and not at all once cleared', async () => {
    const outer = new AbortController();
    const first = timeLimited(outer.signal, 60_000);
    outer.abort('stopped');
    expect(first.signal.aborted).toBe(true);
    first.clear();
    const second = timeLimited(new AbortController().signal, 10);
    second.clear();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(second.signal.aborted).toBe(false);
  });
});
