import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderApiClient, type OpenApiDocument } from '../scripts/api-client-source.ts';
import { testDatabases } from './support/databases.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every API path the console builds by hand, with template parts (`${id}`) turned into OpenAPI parameters. */
function pathsBuiltByHand(): string[] {
  const found = new Set<string>();
  for (const file of consoleSources()) {
    for (const match of readFileSync(file, 'utf8').matchAll(/[`'](\/api\/v1\/[^`'?\s]*)/g)) {
      const path = match[1]!.replace(/\$\{[^}]+\}/g, '{param}').replace(/\/$/, '');
      found.add(path);
    }
  }
  return [...found].sort();
}

/** Every operation the console names through the generated route table (`call('GET /api/v1/…')`). */
function operationsNamedByConsole(): { method: string; path: string }[] {
  const found = new Map<string, { method: string; path: string }>();
  for (const file of consoleSources()) {
    for (const match of readFileSync(file, 'utf8').matchAll(/'(GET|POST|PUT|DELETE|PATCH) (\/api\/v1\/[^'\s]*)'/g)) {
      found.set(`${match[1]} ${match[2]}`, { method: match[1]!, path: match[2]! });
    }
  }
  return [...found.values()];
}

/** The console's own source files, without the generated route table (it lists every operation). */
function consoleSources(): string[] {
  return sourceFiles(join(process.cwd(), 'web', 'src')).filter((file) => !file.endsWith(join('api', 'generated.ts')));
}

describe('the console and the OpenAPI document', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform(testDatabases()[0]!);
  });
  afterAll(async () => {
    await platform.stop();
  });

  it('has a generated route table that matches the API as it is now (npm run gen:api)', async () => {
    const document = (await platform.client().get('/api/v1/openapi.json')).json() as OpenApiDocument;
    const committed = readFileSync(join(process.cwd(), 'web', 'src', 'api', 'generated.ts'), 'utf8');
    expect(committed).toBe(renderApiClient(document));
  });

  it('names only operations the API documents', async () => {
    const paths = (await platform.client().get('/api/v1/openapi.json')).json().paths as Record<string, Record<string, unknown>>;
    const named = operationsNamedByConsole();
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter(({ method, path }) => !paths[path]?.[method.toLowerCase()])).toEqual([]);
  });

  it('calls only paths the API documents, where it builds a path by hand', async () => {
    const documented = Object.keys((await platform.client().get('/api/v1/openapi.json')).json().paths as Record<string, unknown>).map((p) =>
      p.replace(/\{[^}]+\}/g, '{param}'),
    );
    // A template part may stand for a parameter or for a verb chosen at run time (…/review/${id}/${action}).
    const isDocumented = (path: string) => {
      const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{param\\?\}/g, '[^/]+')}$`);
      return documented.some((doc) => pattern.test(doc));
    };
    expect(pathsBuiltByHand().filter((path) => !isDocumented(path))).toEqual([]);
  });
});
