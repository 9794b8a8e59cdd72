/**
 * What a machine token may do. A closed list: a route names the scope it needs, an admin picks scopes at issue.
 * - `enforcement:read`: the allowlist export and the change feed (the enforcement edge, export cron jobs).
 */
export const TOKEN_SCOPES = ['enforcement:read'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A token's lifecycle: it is active until an admin revokes it or its expiry passes; neither can be undone. */
export const TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

export function tokenStatus(row: { revoked_at: Date | null; expires_at: Date | null }, now: Date): TokenStatus {
  if (row.revoked_at) return 'revoked';
  if (row.expires_at && row.expires_at.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** Tokens start with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'obt_';
