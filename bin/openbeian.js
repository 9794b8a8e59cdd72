#!/usr/bin/env node
// The `openbeian` command. In production (OPENBEIAN_MODE=production) it runs the JavaScript `npm run build` wrote to
// dist/, in this process, with plain node: no TypeScript loader at run time. Otherwise (demo, test, a fresh clone)
// it runs the TypeScript sources through tsx, so no build step is needed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli', 'main.js');
const marker = join(root, 'dist', 'BUILD');

if (process.env.OPENBEIAN_MODE === 'production') {
  if (!existsSync(built) || !existsSync(marker)) {
    console.error('openbeian: production runs the built JavaScript; run `npm run build` first (it writes dist/).');
    process.exit(2);
  }
  if (newestSource(join(root, 'src')) > statSync(marker).mtimeMs) {
    console.warn('openbeian: src/ has changed since the last `npm run build`; running the older build in dist/.');
  }
  await import(pathToFileURL(built).href);
} else {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

/** Newest modification time under a folder (0 when it is not there, e.g. an install without sources). */
function newestSource(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}
