import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../core/config.ts';
import type { AppContext } from '../core/context.ts';
import { connectRegulator } from './connect.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

/** Enough of a context to connect an adapter that is not the simulator. */
function contextWith(env: Record<string, string>): AppContext {
  return { config: loadConfig({ OPENBEIAN_MODE: 'test', ...env }), logger: quiet, clock: { now: () => new Date('2026-11-23T02:00:00Z') } } as unknown as AppContext;
}

async function problemOf(env: Record<string, string>): Promise<string> {
  const error = await connectRegulator(contextWith(env)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems.join('\n');
}

describe('connectRegulator', () => {
  it('loads a provider’s module by path and hands it its own settings', async () => {
    const regulator = await connectRegulator(contextWith({ OPENBEIAN_REGULATOR: './test/support/regulator-modules/echo-settings.ts', OPENBEIAN_REGULATOR_APP_ID: 'zj-42' }));
    expect(regulator.name).toBe('echo');
    const { lastSetup } = await import('../../test/support/regulator-modules/echo-settings.ts');
    expect(lastSetup).toMatchObject({ settings: { APP_ID: 'zj-42' }, mode: 'test' });
    expect(lastSetup!.now().toISOString()).toBe('2026-11-23T02:00:00.000Z');
  });

  it('connects the built-in gateway adapter by name', async () => {
    const regulator = await connectRegulator(contextWith({ OPENBEIAN_REGULATOR: 'http', OPENBEIAN_REGULATOR_URL: 'https://gateway.internal', OPENBEIAN_REGULATOR_KEY: 'k' }));
    expect(regulator.name).toBe('http');
  });

  it.each([
    [{ OPENBEIAN_REGULATOR: './no/such/adapter.js' }, /^OPENBEIAN_REGULATOR: cannot load the adapter module \.\/no\/such\/adapter\.js/],
    [{ OPENBEIAN_REGULATOR: 'openbeian-regulator-that-is-not-installed' }, /^OPENBEIAN_REGULATOR: cannot load the adapter module openbeian-regulator-that-is-not-installed/],
    [{ OPENBEIAN_REGULATOR: './test/support/regulator-modules/no-factory.ts' }, /exports no createRegulator function/],
    [{ OPENBEIAN_REGULATOR: './test/support/regulator-modules/incomplete.ts' }, /lacks changeAccess\(\), poll\(\) or start\(sink\)/],
    [{ OPENBEIAN_REGULATOR: 'http' }, /^OPENBEIAN_REGULATOR: the adapter http refused to start: OPENBEIAN_REGULATOR_URL/],
    [{ OPENBEIAN_REGULATOR: 'http', OPENBEIAN_REGULATOR_URL: 'https://gateway.internal' }, /OPENBEIAN_REGULATOR_KEY is required/],
  ])('stops the start with a message naming the variable: %o', async (env, message) => {
    expect(await problemOf(env)).toMatch(message);
  });

  it('refuses a plain-http gateway elsewhere than this host in production', async () => {
    const context = contextWith({});
    const production = { ...context, config: { ...context.config, mode: 'production' as const, isDevMode: false, regulator: { adapter: 'http', pollSeconds: 30, settings: { URL: 'http://gateway.internal', KEY: 'k' } } } };
    await expect(connectRegulator(production)).rejects.toThrow(/must be https:\/\/ in production/);
    production.config.regulator.settings.URL = 'http://127.0.0.1:9000';
    expect((await connectRegulator(production)).name).toBe('http');
  });

  it('refuses the simulator outside demo and test mode', async () => {
    const context = contextWith({});
    const production = { ...context, config: { ...context.config, mode: 'production' as const, isDevMode: false } };
    await expect(connectRegulator(production)).rejects.toThrow(/the simulator runs only in demo and test mode/);
  });
});
