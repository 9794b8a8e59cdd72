import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { newId, newToken } from '../../core/ids.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import { hashApiToken, presentApiToken, type ApiTokenView } from '../repo.ts';
import { TOKEN_PREFIX, type TokenScope } from '../scopes.ts';

export type IssueApiTokenInput = { name: string; scopes: TokenScope[]; expiresInDays?: number | null };

/**
 * Issues a token for a machine (SPEC: machines authenticate as machines). The token itself is returned once and
 * only its SHA-256 is stored; the list shows its first characters to tell tokens apart.
 */
export async function issueApiToken(ctx: AppContext, actor: Actor, input: IssueApiTokenInput): Promise<{ token: string; item: ApiTokenView }> {
  const token = `${TOKEN_PREFIX}${newToken(32)}`;
  const now = ctx.clock.now();
  const id = newId();
  const scopes = [...new Set(input.scopes)].sort();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 24 * 3600_000) : null;
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('api_tokens')
      .values({
        id,
        name: input.name.trim(),
        scopes,
        token_hash: hashApiToken(token),
        token_hint: token.slice(0, TOKEN_PREFIX.length + 6),
        created_by: actor.userId,
        created_at: now,
        expires_at: expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(tx, actor, now, { entityType: 'api_token', entityId: id, action: 'issue', toStatus: 'active', data: { name: row.name, scopes, expiresAt: expiresAt?.toISOString() ?? null } });
    await enqueueEvent(tx, now, { topic: 'api_token.issued', aggregateType: 'api_token', aggregateId: id, payload: { id, scopes } });
    return { token, item: presentApiToken(row, now) };
  });
}
