import { drainBackgroundWork, type AppContext } from './context.ts';

/** Polls the outbox and the job table. Several processes may run this: claims use SKIP LOCKED. */
export function startBackgroundLoop(ctx: AppContext, intervalMs = 1000): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = drainBackgroundWork(ctx)
      .catch((error: unknown) => ctx.logger.error({ err: error }, 'background work failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
