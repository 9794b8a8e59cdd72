import { SYSTEM_ACTOR } from '../core/audit.ts';
import type { Config } from '../core/config.ts';
import type { Database } from '../core/db/database.ts';
import { isAppError, ERROR_CODES } from '../core/errors.ts';

const USAGE = 'usage: openbeian sweep dns|footer|registrar';

/**
 * `openbeian sweep <kind>`: starts a sweep (or joins the one of this kind already queued or running, e.g. started
 * from the console), runs its batches here to the end, printing `done/total` after each, then a summary. A server
 * running at the same time may share the batches: each is counted once (run-sweep-batch.ts).
 */
/** `given` is an open database (tests); otherwise the one the settings name is opened and closed. */
export async function runSweepCommand(config: Config, args: string[], print: (line: string) => void = console.log, given?: Database): Promise<number> {
  const kind = args[0];
  const { SWEEP_KINDS } = await import('../compliance/codes.ts');
  if (!kind || !(SWEEP_KINDS as readonly string[]).includes(kind)) {
    console.error(USAGE);
    return 2;
  }
  const [{ openDatabase }, { migrate }, { createContext }, { createLogger }, compliance] = await Promise.all([
    import('../core/db/database.ts'),
    import('../core/db/migrate.ts'),
    import('../core/context.ts'),
    import('../core/logger.ts'),
    import('../compliance/index.ts'),
  ]);
  const database = given ?? (await openDatabase(config));
  const ctx = createContext(config, database, createLogger(config.logLevel));
  compliance.configureRectificationWorkdays(config.compliance.rectificationWorkdays);
  try {
    if (!given) await migrate(database.db);
    const { sweep, isNew } = await compliance.startSweep(ctx, SYSTEM_ACTOR, { kind: kind as (typeof SWEEP_KINDS)[number] });
    print(`sweep ${kind}: ${isNew ? 'started' : 'joined'} ${sweep.id}, ${sweep.total} domain(s)`);
    let view = sweep;
    while (view.status === 'queued' || view.status === 'running') {
      view = await compliance.runSweepBatch(ctx, sweep.id);
      print(`${view.done}/${view.total}`);
    }
    print(`sweep ${kind} ${view.status}: checked ${view.done - view.failed}, failed ${view.failed}, opened ${view.findings}, closed ${view.closed}${view.error ? ` (${view.error})` : ''}`);
    return view.status === 'done' ? 0 : 1;
  } catch (error) {
    if (isAppError(error) && error.code === 'SWEEP_NOT_CONFIGURED') {
      const setting = (error.details as { setting?: string | null }).setting;
      console.error(`sweep ${kind}: ${ERROR_CODES.SWEEP_NOT_CONFIGURED.en.replace(' (the missing setting is in details.setting)', '')}${setting ? `: set ${setting}` : ''}`);
      return 3;
    }
    throw error;
  } finally {
    await compliance.closeSweepCheckers(ctx);
    if (!given) await database.close();
  }
}
