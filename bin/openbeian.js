#!/usr/bin/env node
// The `openbeian` command (and `npm start`). It runs the JavaScript that `npm run build` (or `npm ci`, after
// install) compiled to dist/, in this process, with plain node: no TypeScript loader at run time, and about 1.5 s
// less to start than compiling the sources on the way. In production that build is required. Elsewhere (demo, test)
// the build is used only while it is newer than every source; once a source changes, the TypeScript sources run
// through tsx, so an edit is never hidden behind an old build.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli', 'main.js');
const marker = join(root, 'dist', 'BUILD');
const hasBuild = existsSync(built) && existsSync(marker);
const isFresh = () => Math.max(newest(join(root, 'src')), newest(join(root, 'tsconfig.build.json'))) < statSync(marker).mtimeMs;

if (process.env.OPENBEIAN_MODE === 'production') {
  if (!hasBuild) {
    console.error('openbeian: production runs the built JavaScript; run `npm run build` first (it writes dist/).');
    process.exit(2);
  }
  if (!isFresh()) console.warn('openbeian: src/ has changed since the last `npm run build`; running the older build in dist/.');
  await import(pathToFileURL(built).href);
} else if (hasBuild && isFresh()) {
  await import(pathToFileURL(built).href);
} else {
  // A signal sent to this process alone (a process manager's stop, `kill PID`) must reach the platform, or it would
  // keep running without its parent; a terminal's Ctrl-C reaches both, and the child's answer to it is what counts.
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)));
}

/** Newest modification time of a file or under a folder (0 when it is not there, e.g. an install without sources). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}
