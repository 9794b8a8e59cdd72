import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on a module that sits beside the caller: `startModuleWorker(import.meta.url, 'udp-worker',
 * data)`. Built (dist/, plain node) that is `udp-worker.js`. From the TypeScript sources (tsx, vitest) it is
 * `udp-worker.ts`, which a worker thread cannot load by itself: node 20 hands neither `--import tsx` nor tsx's hooks
 * to worker threads, so a bootstrap registers tsx's ESM hooks there first.
 */
export function startModuleWorker(callerUrl: string, name: string, workerData: unknown): Worker {
  const isSource = callerUrl.endsWith('.ts');
  const entry = new URL(`./${name}${isSource ? '.ts' : '.js'}`, callerUrl);
  if (!isSource) return new Worker(entry, { workerData });
  const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

let esmApi: string | undefined;
/** The URL of tsx's ESM API (`tsx/esm/api` under the import condition; require.resolve would give its CJS build). */
function tsxEsmApi(): string {
  if (esmApi) return esmApi;
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  esmApi = pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
  return esmApi;
}
