import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context.ts';
import { AppError } from '../core/errors.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WEB = join(ROOT, 'web');
const DIST = join(WEB, 'dist');
// Outside web/ and inside an ignored folder, so a half-done build never shows up in git.
// One per process: several API processes started together on a fresh checkout each build their own copy.
const NEXT = join(ROOT, 'node_modules', '.cache', `openbeian-web-next-${process.pid}`);
const NOT_PAGES = /^\/(api|docs|metrics)(\/|\?|$)/;

// Shown while the console is built: no script (the CSP allows none inline), it reloads itself.
const BUILDING_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>OpenBeian</title></head>
<body style="font-family:sans-serif;padding:48px 16px;text-align:center;color:#222">
<h2>控制台正在构建，请稍候…</h2><p>The console is being built; this page reloads by itself.</p>
<p style="color:#666">API 已可用 / The API is up: <a href="/api/v1/health">/api/v1/health</a> · <a href="/docs">API 文档 / docs</a></p></body></html>`;

type State = { build: Promise<void> | null; builder: ChildProcess | null; indexHtml: string | null };
const state: State = { build: null, builder: null, indexHtml: null };

/** A build still running when the platform stops is stopped with it (it would otherwise outlive `npm start`). */
function stopBuild(): void {
  state.builder?.kill('SIGTERM');
  state.builder = null;
}

/**
 * A fresh clone has no web/dist, and a `git pull` may leave it older than the sources: build in the background so
 * the API answers at once. The build goes to a side directory and replaces web/dist when done, so a console that
 * is already there keeps working meanwhile.
 */
function buildInBackground(ctx: AppContext): void {
  if (state.build) return;
  ctx.logger.info('web console missing or older than its sources: building it in the background');
  state.build = new Promise((resolve) => {
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const child = spawn(
      process.execPath,
      [vite, 'build', '--config', join(WEB, 'vite.config.ts'), '--outDir', NEXT, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: ROOT, stdio: 'ignore' },
    );
    state.builder = child;
    process.once('exit', stopBuild);
    child.on('exit', (code) => {
      process.off('exit', stopBuild);
      if (state.builder !== child) {
        // Stopped with the platform: a half-written build is no use to the next start.
        rmSync(NEXT, { recursive: true, force: true });
        state.build = null;
        return resolve();
      }
      state.builder = null;
      if (code === 0 && existsSync(join(NEXT, 'index.html'))) {
        try {
          rmSync(DIST, { recursive: true, force: true });
          renameSync(NEXT, DIST);
          ctx.logger.info('web console built');
        } catch (error) {
          // Another process swapped its build in at the same moment: that one serves.
          ctx.logger.warn({ err: error }, 'web console built, but web/dist could not be replaced');
          rmSync(NEXT, { recursive: true, force: true });
        }
      } else {
        ctx.logger.error({ code }, 'web console build failed; run `npm run build:web` to see why');
      }
      state.indexHtml = null; // read the new index.html on the next request
      state.build = null;
      resolve();
    });
    child.on('error', (error) => {
      ctx.logger.error({ err: error }, 'could not start the web console build');
      state.build = null;
      resolve();
    });
  });
}

function newestSource(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newestSource(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
    ),
  );
}

/** No build yet, or sources changed since. */
function isBuildStale(): boolean {
  const built = join(DIST, 'index.html');
  if (!existsSync(built)) return true;
  return existsSync(join(WEB, 'src')) && newestSource(join(WEB, 'src')) > statSync(built).mtimeMs;
}

function readIndex(): string | null {
  const file = join(DIST, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/**
 * Serves the built web console: hashed assets under /assets with a year's cache, and index.html for every other
 * GET outside /api, /docs and /metrics so client-side routes survive a reload. Registered last in the app.
 */
export async function webUiRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Tests build the console themselves (test/e2e); demo builds it when it is missing or stale, once the API listens
  // (the build takes both cores for a while, and the platform's own start should not compete with it). Production
  // serves what `npm run build` made and starts no build tool at run time.
  if (ctx.config.mode === 'demo' && isBuildStale()) {
    app.addHook('onListen', async () => buildInBackground(ctx));
    app.addHook('onClose', async () => stopBuild());
  }
  if (ctx.config.mode === 'production' && !existsSync(join(DIST, 'index.html'))) {
    ctx.logger.error('the web console is not built: run `npm run build` before starting in production');
  }
  mkdirSync(join(DIST, 'assets'), { recursive: true });
  state.indexHtml = null;
  await app.register(fastifyStatic, {
    root: join(DIST, 'assets'),
    prefix: '/assets/',
    // A wildcard under /assets only (never over /), so the files a background build writes later are found too.
    wildcard: true,
    index: false,
    maxAge: '365d',
    immutable: true,
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (NOT_PAGES.test(request.url)) throw new AppError('NOT_FOUND');
    state.indexHtml ??= readIndex();
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    // Nothing to show yet: a build is under way (or the last one failed, and a restart tries again).
    return state.indexHtml ?? BUILDING_PAGE;
  });
}
