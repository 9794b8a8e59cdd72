import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { ApiTokensTable } from '../core/db/schema.ts';
import { tokenStatus, type TokenScope, type TokenStatus } from './scopes.ts';

export type ApiTokenRow = Selectable<ApiTokensTable>;

/** What the admin console lists: never the token or its hash. */
export type ApiTokenView = {
  id: string;
  name: string;
  scopes: TokenScope[];
  hint: string;
  status: TokenStatus;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** Tokens carry 256 random bits, so a fast hash is enough: nobody can search that space, salted or not. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function presentApiToken(row: ApiTokenRow, now: Date): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes as TokenScope[],
    hint: row.token_hint,
    status: tokenStatus(row, now),
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
