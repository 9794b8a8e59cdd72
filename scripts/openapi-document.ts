import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/core/config.ts';
import { openPglite } from '../src/core/db/database.ts';
import { createPlatform } from '../src/platform.ts';
import type { OpenApiDocument } from './api-client-source.ts';

/** The OpenAPI document exactly as the platform serves it, from an in-memory platform in test mode. */
export async function openApiDocumentForClient(): Promise<OpenApiDocument> {
  const dataDir = mkdtempSync(join(tmpdir(), 'openbeian-openapi-'));
  const platform = await createPlatform(loadConfig({ OPENBEIAN_MODE: 'test', LOG_LEVEL: 'silent', OPENBEIAN_DATA_DIR: dataDir }), {
    database: await openPglite(),
    background: false,
  });
  try {
    return (await platform.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApiDocument;
  } finally {
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
