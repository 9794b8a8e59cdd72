import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../core/config.ts';
import type { AppContext } from '../core/context.ts';
import { createHttpRegulator } from './http-adapter.ts';
import type { Regulator, RegulatorFactory, RegulatorSetup } from './port.ts';
import { createSimulatedRegulator } from './simulator/adapter.ts';

const VARIABLE = 'OPENBEIAN_REGULATOR';

/**
 * The adapter OPENBEIAN_REGULATOR names: `simulator` (demo and test mode only), `http` (the gateway protocol of
 * ./http-adapter.ts), or a module — a path (./regulator/zj.js, /opt/…) or a package name — exporting
 * `createRegulator(setup)` (or a default export). Anything wrong stops the start with a message naming the variable.
 */
export async function connectRegulator(ctx: AppContext): Promise<Regulator> {
  const { adapter, settings } = ctx.config.regulator;
  if (adapter === 'simulator') {
    if (!ctx.config.isDevMode) throw new ConfigError([`${VARIABLE}: the simulator runs only in demo and test mode`]);
    return checked(createSimulatedRegulator(ctx), adapter);
  }
  const factory = adapter === 'http' ? createHttpRegulator : await loadFactory(adapter);
  const setup: RegulatorSetup = { settings, mode: ctx.config.mode, logger: ctx.logger, now: () => ctx.clock.now() };
  let regulator: Regulator;
  try {
    regulator = await factory(setup);
  } catch (error) {
    throw new ConfigError([`${VARIABLE}: the adapter ${adapter} refused to start: ${messageOf(error)}`]);
  }
  return checked(regulator, adapter);
}

async function loadFactory(specifier: string): Promise<RegulatorFactory> {
  const isPath = specifier.startsWith('.') || isAbsolute(specifier) || specifier.startsWith('file:');
  const url = specifier.startsWith('file:') ? specifier : isPath ? pathToFileURL(resolve(specifier)).href : specifier;
  let module: { createRegulator?: unknown; default?: unknown };
  try {
    module = (await import(url)) as typeof module;
  } catch (error) {
    throw new ConfigError([`${VARIABLE}: cannot load the adapter module ${specifier}: ${messageOf(error)}`]);
  }
  const factory = module.createRegulator ?? module.default;
  if (typeof factory !== 'function') {
    throw new ConfigError([`${VARIABLE}: ${specifier} exports no createRegulator function (see docs/regulator.md)`]);
  }
  return factory as RegulatorFactory;
}

function checked(regulator: Regulator, adapter: string): Regulator {
  const problems: string[] = [];
  if (!regulator || typeof regulator !== 'object') throw new ConfigError([`${VARIABLE}: ${adapter} did not return an adapter object`]);
  if (typeof regulator.name !== 'string' || !/^[a-z0-9][a-z0-9._-]{0,39}$/.test(regulator.name)) problems.push('a name of 1–40 of a-z, 0-9, . _ -');
  for (const method of ['submit', 'changeAccess', 'lookup'] as const) {
    if (typeof regulator[method] !== 'function') problems.push(`${method}()`);
  }
  if (typeof regulator.poll !== 'function' && typeof regulator.start !== 'function') problems.push('poll() or start(sink), to learn progress');
  if (problems.length > 0) throw new ConfigError([`${VARIABLE}: the adapter ${adapter} lacks ${problems.join(', ')} (see docs/regulator.md)`]);
  return regulator;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
