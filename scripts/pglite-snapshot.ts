// Builds the embedded database's start snapshot from the migrations (src/core/db/embedded.ts), so a fresh clone's
// first `npm start` unpacks a migrated data directory instead of running initdb. Run by `npm ci` (postinstall);
// a failure only costs that speed-up, never the install.
import { findSnapshot, buildSnapshot } from '../src/core/db/embedded.ts';

try {
  const found = findSnapshot();
  if (found && found.missing === 0) console.log(`pglite snapshot up to date: ${found.file}`);
  else {
    const started = performance.now();
    const file = await buildSnapshot();
    console.log(`pglite snapshot built in ${((performance.now() - started) / 1000).toFixed(1)} s: ${file}`);
  }
} catch (error) {
  console.warn(`pglite snapshot not built (the first start will run initdb instead): ${String(error)}`);
}
