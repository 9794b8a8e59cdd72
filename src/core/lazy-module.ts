import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A dependency that only some requests or jobs use (the sweeps' HTTP client and HTML parser, the SMTP client, the
 * password estimator's dictionaries), loaded on first use instead of at start: each one loaded at start adds tens to
 * hundreds of milliseconds to `npm start`. Synchronous, so the code that uses it keeps its shape; the type comes from
 * a type-only import at the call site.
 */
export function lazyModule<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(specifier) as T);
}
