import { sql } from 'kysely';
import { getDomain } from 'tldts';
import type { Executor } from '../../../core/db/database.ts';
import type { FieldCipher } from '../../../core/personal-data.ts';
import type { RegistrarData } from './port.ts';
import { endOfBeijingDay } from './rules.ts';

export type FeedRow = { domain: string; holder: string; realNameVerified: boolean; expiresOn: string; line: number };

/** The registered domain a filed host belongs to (www.a.example.com.cn → example.com.cn); registrars know those. */
export function registeredDomain(host: string): string {
  const name = host.trim().toLowerCase().replace(/\.$/, '');
  return getDomain(name, { allowPrivateDomains: false }) ?? name;
}

/** Writes imported rows, one per domain (a later row for the same domain replaces the earlier one). */
export async function saveFeedRows(executor: Executor, cipher: FieldCipher, file: string, at: Date, rows: readonly FeedRow[]): Promise<void> {
  const byDomain = new Map(rows.map((row) => [row.domain, row]));
  if (byDomain.size === 0) return;
  await executor
    .insertInto('registrar_feed_records')
    .values(
      [...byDomain.values()].map((row) => ({
        domain: row.domain,
        holder_enc: cipher.encrypt(row.holder),
        real_name_verified: row.realNameVerified,
        expires_on: row.expiresOn,
        source_file: file,
        source_line: row.line,
        imported_at: at,
      })),
    )
    .onConflict((conflict) =>
      conflict.column('domain').doUpdateSet((eb) => ({
        holder_enc: eb.ref('excluded.holder_enc'),
        real_name_verified: eb.ref('excluded.real_name_verified'),
        expires_on: eb.ref('excluded.expires_on'),
        source_file: eb.ref('excluded.source_file'),
        source_line: eb.ref('excluded.source_line'),
        imported_at: eb.ref('excluded.imported_at'),
      })),
    )
    .execute();
}

/** The feed as a RegistrarData source: what the last imported file said of the domain, if any file did. */
export function createFeedRegistrarData(executor: Executor, cipher: FieldCipher): RegistrarData {
  return {
    name: 'feed',
    async lookup(domain) {
      const name = registeredDomain(domain);
      try {
        const row = await executor
          .selectFrom('registrar_feed_records')
          .select(['holder_enc', 'real_name_verified', sql<string>`expires_on::text`.as('expires_on'), 'source_file', 'source_line', 'imported_at'])
          .where('domain', '=', name)
          .executeTakeFirst();
        if (!row) return { kind: 'not-found', detail: `no feed record for ${name}` };
        return {
          kind: 'found',
          record: {
            holder: cipher.decrypt(row.holder_enc),
            realNameVerified: row.real_name_verified,
            expiresAt: endOfBeijingDay(row.expires_on),
            source: { kind: 'feed', file: row.source_file, line: row.source_line, importedAt: new Date(row.imported_at).toISOString() },
          },
        };
      } catch (error) {
        return { kind: 'failed', reason: `feed record for ${name}: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}
