/**
 * A signal that aborts when `signal` does or when `ms` have passed, whichever comes first; `clear()` once the work is
 * done. Not `AbortSignal.any([signal, AbortSignal.timeout(ms)])`: node 20 lets the garbage collector take a timeout
 * signal that only a composite refers to, and then it never fires (nodejs/node#57736) — a footer sweep read a page
 * that never ends for ever when the machine was busy. Here the timer holds its controller, so the limit stands.
 */
export function timeLimited(signal: AbortSignal, ms: number): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError')), ms);
  return { signal: AbortSignal.any([signal, controller.signal]), clear: () => clearTimeout(timer) };
}
