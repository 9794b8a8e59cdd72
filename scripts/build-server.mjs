#!/usr/bin/env node
// `npm run build:server`: compiles src/ to plain JavaScript in dist/ (tsc, one .js per .ts, imports rewritten to
// .js), and copies what the code reads at run time beside it (the SQL migrations). Production runs dist/ with plain
// node: no TypeScript loader at run time.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outDir = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : dist;

rmSync(outDir, { recursive: true, force: true });
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
// Run by `npm ci` too (postinstall, so that a fresh clone's first `npm start` runs compiled JavaScript): there a
// failed build is a warning, never a failed install, and `npm start` runs the sources through tsx instead.
const afterInstall = process.argv.includes('--postinstall');
if (afterInstall && !existsSync(tsc)) {
  console.warn('build:server skipped: typescript is not installed (npm start runs the sources through tsx)');
  process.exit(0);
}
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir], { stdio: 'inherit' });
if (compiled.status !== 0) {
  if (afterInstall) {
    rmSync(outDir, { recursive: true, force: true });
    console.warn('build:server failed after install; npm start runs the sources through tsx');
    process.exit(0);
  }
  process.exit(compiled.status ?? 1);
}

const migrations = join('core', 'db', 'migrations');
mkdirSync(join(outDir, migrations), { recursive: true });
for (const name of readdirSync(join(root, 'src', migrations)).filter((n) => n.endsWith('.sql'))) {
  cpSync(join(root, 'src', migrations, name), join(outDir, migrations, name));
}
if (!existsSync(join(outDir, 'cli', 'main.js'))) {
  console.error('build:server: dist/cli/main.js is missing after tsc');
  process.exit(1);
}
// bin/openbeian.js runs dist/ in production only when this marker says the build finished.
writeFileSync(join(outDir, 'BUILD'), `${new Date().toISOString()}\n`);
console.log(`server built to ${outDir}`);
