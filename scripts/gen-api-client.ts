// Writes web/src/api/generated.ts from the OpenAPI document of a throwaway in-memory platform.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocumentForClient } from './openapi-document.ts';
import { renderApiClient } from './api-client-source.ts';

const target = join(process.cwd(), 'web', 'src', 'api', 'generated.ts');
writeFileSync(target, renderApiClient(await openApiDocumentForClient()));
console.log(`wrote ${target}`);
