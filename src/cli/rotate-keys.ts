import { sql } from 'kysely';
import { auditChainKeyOf } from '../core/audit.ts';
import type { Config } from '../core/config.ts';
import type { AppContext } from '../core/context.ts';
import { HASHED_COLUMNS, ROTATED_TABLES, SEALED_COLUMNS } from '../core/sealed-columns.ts';
import { responsiblePersons, summariseDraft } from '../filing/index.ts';
import { resealStoredFile } from '../materials/storage/index.ts';
import { normaliseRecipient } from '../notify/index.ts';

// `openbeian rotate-keys`: after a new encryption key and/or look-up key was made current (the old ones kept in
// OPENBEIAN_ENCRYPTION_OLD_KEYS / OPENBEIAN_LOOKUP_OLD_KEYS), re-encrypts every sealed column and stored file to the
// current encryption key and re-hashes every look-up column to the current look-up key. Each table is walked by its
// primary key in batches, each batch one transaction, and only rows still on an old key are touched: a run stopped
// half-way is simply started again, and a second run finds nothing to do.

export type RotationOptions = {
  batchSize?: number;
  /** Stop after this many batches in all (tests: a run cut short); the next run carries on. */
  maxBatches?: number;
  /** Count only, change nothing (`--check`). */
  dryRun?: boolean;
  log?: (line: string) => void;
};

export type RotationReport = {
  /** Sealed values (columns and stored files) still under an old encryption key. */
  sealedLeft: number;
  /** Look-up hashes still under an old look-up key that a plain value here can re-hash. */
  hashedLeft: number;
  /** Hashes under an old key whose plain value is nowhere here: they stop matching once that key is removed. */
  orphanHashes: { table: string; column: string; rows: number }[];
  /** Sealed values no configured key opens (their key was removed already). */
  unreadable: number;
  /** Audit rows signed under each encryption key id other than the current one (never re-signed). */
  auditSignedBy: Record<string, number>;
  /** Audit rows naming a person by a hash under an old look-up key (never re-hashed). */
  auditPersonRowsUnderOldKeys: number;
  /** Nothing left to re-encrypt or re-hash: the old keys can be removed (see `verdict`). */
  complete: boolean;
  stoppedEarly: boolean;
  verdict: string[];
};

const DEFAULT_BATCH = 500;

type Row = Record<string, unknown>;

/** The plain values a draft holds that look-up hashes are made from, in every form they are hashed in. */
function draftValues(draft: Record<string, unknown>, into: Set<string>): void {
  const certificate = summariseDraft(draft).certificate;
  if (certificate) {
    into.add(`${certificate.type}:${certificate.number}`);
    into.add(`${certificate.type}:${certificate.number.trim().toUpperCase()}`);
    into.add(certificate.number);
  }
  for (const person of responsiblePersons(draft)) {
    into.add(person.idNumber);
    if (person.mobile) into.add(person.mobile);
  }
}

/**
 * Every plain value found here whose hash some look-up column may hold, turned into a map from each old-key hash to
 * the current one. The hashes cannot be converted without the plain value, so it is recovered from the sealed data.
 */
async function plainValueMap(ctx: AppContext): Promise<Map<string, string>> {
  const values = new Set<string>();
  const sources: { table: string; column: string; read: (plain: string) => void }[] = [
    { table: 'orders', column: 'draft', read: (plain) => draftValues(JSON.parse(plain) as Record<string, unknown>, values) },
    { table: 'order_decisions', column: 'draft', read: (plain) => draftValues(JSON.parse(plain) as Record<string, unknown>, values) },
    { table: 'filed_subjects', column: 'draft', read: (plain) => draftValues(JSON.parse(plain) as Record<string, unknown>, values) },
    { table: 'sim_submissions', column: 'payload', read: (plain) => draftValues(((JSON.parse(plain) as { draft?: Record<string, unknown> }).draft ?? {}), values) },
    { table: 'sent_messages', column: 'recipient', read: (plain) => values.add(normaliseRecipient(plain)) },
    { table: 'sim_sms_challenges', column: 'mobile', read: (plain) => values.add(plain) },
    { table: 'id_checks', column: 'mobile', read: (plain) => values.add(plain) },
    { table: 'misuse_reports', column: 'mobile', read: (plain) => values.add(plain) },
    { table: 'login_name_challenges', column: 'mobile', read: (plain) => values.add(plain) },
  ];
  for (const source of sources) {
    const primaryKey = ROTATED_TABLES.find((t) => t.table === source.table)!.primaryKey;
    let after: unknown = null;
    for (;;) {
      const rows = (
        await sql<Row>`SELECT ${sql.ref(primaryKey)} AS pk, ${sql.ref(source.column)} AS value FROM ${sql.table(source.table)}
          WHERE ${sql.ref(source.column)} IS NOT NULL ${after === null ? sql`` : sql`AND ${sql.ref(primaryKey)} > ${after}`}
          ORDER BY ${sql.ref(primaryKey)} LIMIT 2000`.execute(ctx.db)
      ).rows;
      for (const row of rows) {
        try {
          source.read(ctx.cipher.decrypt(String(row.value)));
        } catch {
          // Unreadable or not JSON: counted by the re-encryption pass, nothing to learn here.
        }
      }
      if (rows.length < 2000) break;
      after = rows[rows.length - 1]!.pk;
    }
  }
  const map = new Map<string, string>();
  for (const value of values) {
    if (!value.trim()) continue;
    const [current, ...old] = ctx.cipher.lookupHashes(value);
    for (const hash of old) map.set(hash, current!);
  }
  return map;
}

/** SQL that is true when a row still has a value under an old key in one of the table's registered columns. */
function staleCondition(ctx: AppContext, table: string) {
  const sealedPrefix = `${ctx.cipher.encryptionKeyId}.%`;
  const hashPrefix = `${ctx.cipher.lookupKeyId}:%`;
  const parts = [
    ...SEALED_COLUMNS.filter((c) => c.table === table).map((c) => sql`(${sql.ref(c.column)} IS NOT NULL AND ${sql.ref(c.column)} <> '' AND ${sql.ref(c.column)} NOT LIKE ${sealedPrefix})`),
    ...HASHED_COLUMNS.filter((c) => c.table === table).map((c) =>
      c.array
        ? sql`(${sql.ref(c.column)} IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(${sql.ref(c.column)}) AS k(v) WHERE k.v NOT LIKE ${hashPrefix}))`
        : sql`(${sql.ref(c.column)} IS NOT NULL AND ${sql.ref(c.column)} <> '' AND ${sql.ref(c.column)} NOT LIKE ${hashPrefix})`,
    ),
  ];
  return sql`(${sql.join(parts, sql` OR `)})`;
}

type Counters = { sealedLeft: number; hashedLeft: number; unreadable: number; orphans: Map<string, number> };

/** The new values of one row's registered columns (only those that change), counting what cannot be done. */
function rotateRow(ctx: AppContext, table: string, row: Row, map: Map<string, string>, counters: Counters): Row {
  const changes: Row = {};
  for (const { column } of SEALED_COLUMNS.filter((c) => c.table === table)) {
    const sealed = row[column];
    if (typeof sealed !== 'string' || sealed === '' || ctx.cipher.isCurrent(sealed)) continue;
    try {
      changes[column] = ctx.cipher.encrypt(ctx.cipher.decryptToBuffer(sealed));
    } catch {
      counters.unreadable += 1;
    }
  }
  const rehash = (hash: string, column: string): string => {
    if (hash === '' || ctx.cipher.isCurrentLookup(hash)) return hash;
    const current = map.get(hash);
    if (current) return current;
    const name = `${table}.${column}`;
    counters.orphans.set(name, (counters.orphans.get(name) ?? 0) + 1);
    return hash;
  };
  for (const { column, array } of HASHED_COLUMNS.filter((c) => c.table === table)) {
    const value = row[column];
    if (value === null || value === undefined) continue;
    if (array) {
      const before = value as string[];
      const after = before.map((hash) => rehash(hash, column));
      if (after.some((hash, i) => hash !== before[i])) changes[column] = after;
    } else {
      const after = rehash(String(value), column);
      if (after !== value) changes[column] = after;
    }
  }
  return changes;
}

/** Runs the rotation (or, with `dryRun`, counts what it would do) and says whether the old keys can go. */
export async function rotateKeys(ctx: AppContext, options: RotationOptions = {}): Promise<RotationReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const dryRun = options.dryRun ?? false;
  const log = options.log ?? (() => {});
  const counters: Counters = { sealedLeft: 0, hashedLeft: 0, unreadable: 0, orphans: new Map() };
  let batches = 0;
  let stoppedEarly = false;
  const map = await plainValueMap(ctx);

  for (const { table, primaryKey } of ROTATED_TABLES) {
    const columns = [...SEALED_COLUMNS, ...HASHED_COLUMNS].filter((c) => c.table === table).map((c) => c.column);
    const stale = staleCondition(ctx, table);
    const total = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(ctx.db)).rows[0]!.n);
    const pending = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${stale}`.execute(ctx.db)).rows[0]!.n);
    let done = total - pending;
    log(`${table}: ${done}/${total}`);
    let after: unknown = null;
    while (!stoppedEarly) {
      if (options.maxBatches !== undefined && batches >= options.maxBatches) {
        stoppedEarly = true;
        break;
      }
      const batch = await ctx.db.transaction().execute(async (tx) => {
        const rows = (
          await sql<Row>`SELECT ${sql.ref(primaryKey)} AS pk, ${sql.join(columns.map((c) => sql.ref(c)))} FROM ${sql.table(table)}
            WHERE ${stale} ${after === null ? sql`` : sql`AND ${sql.ref(primaryKey)} > ${after}`}
            ORDER BY ${sql.ref(primaryKey)} LIMIT ${batchSize} ${dryRun ? sql`` : sql`FOR UPDATE`}`.execute(tx)
        ).rows;
        let rotated = 0;
        for (const row of rows) {
          const changes = rotateRow(ctx, table, row, map, counters);
          const names = Object.keys(changes);
          if (names.length === 0) continue;
          const sealedChanged = names.some((n) => SEALED_COLUMNS.some((c) => c.table === table && c.column === n));
          const hashedChanged = names.some((n) => HASHED_COLUMNS.some((c) => c.table === table && c.column === n));
          if (dryRun) {
            if (sealedChanged) counters.sealedLeft += 1;
            if (hashedChanged) counters.hashedLeft += 1;
            continue;
          }
          const sets = names.map((name) => {
            const value = changes[name];
            return Array.isArray(value) ? sql`${sql.ref(name)} = ${sql`ARRAY[${sql.join(value as string[])}]::text[]`}` : sql`${sql.ref(name)} = ${value}`;
          });
          await sql`UPDATE ${sql.table(table)} SET ${sql.join(sets)} WHERE ${sql.ref(primaryKey)} = ${row.pk}`.execute(tx);
          rotated += 1;
        }
        return { rows, rotated };
      });
      if (batch.rows.length === 0) break;
      batches += 1;
      after = batch.rows[batch.rows.length - 1]!.pk;
      done += batch.rotated;
      log(`${table}: ${done}/${total}`);
      if (batch.rows.length < batchSize) break;
    }
    if (stoppedEarly) break;
  }

  if (!stoppedEarly) {
    const files = await rotateFiles(ctx, { batchSize, dryRun, log });
    counters.sealedLeft += files.left;
    counters.unreadable += files.unreadable;
  }

  if (!dryRun && !stoppedEarly) {
    // What this run could not change is counted by a dry pass over what is left.
    return { ...(await rotateKeys(ctx, { batchSize, dryRun: true })) };
  }

  const auditSignedBy: Record<string, number> = {};
  const signed = await sql<{ key_id: string; n: string }>`SELECT split_part(hash, ':', 1) AS key_id, count(*) AS n FROM audit_log
    WHERE hash IS NOT NULL AND hash NOT LIKE ${`${ctx.cipher.encryptionKeyId}:%`} GROUP BY 1 ORDER BY 1`.execute(ctx.db);
  for (const row of signed.rows) auditSignedBy[row.key_id] = Number(row.n);
  const auditPersonRowsUnderOldKeys = Number(
    (
      await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log WHERE EXISTS (SELECT 1 FROM unnest(person_keys) AS k(v) WHERE k.v NOT LIKE ${`${ctx.cipher.lookupKeyId}:%`})`.execute(ctx.db)
    ).rows[0]!.n,
  );
  const orphanHashes = [...counters.orphans].map(([name, rows]) => {
    const [table, column] = name.split('.') as [string, string];
    return { table, column, rows };
  });
  const complete = !stoppedEarly && counters.sealedLeft === 0 && counters.hashedLeft === 0 && counters.unreadable === 0;
  const report: RotationReport = {
    sealedLeft: counters.sealedLeft,
    hashedLeft: counters.hashedLeft,
    orphanHashes,
    unreadable: counters.unreadable,
    auditSignedBy,
    auditPersonRowsUnderOldKeys,
    complete,
    stoppedEarly,
    verdict: [],
  };
  report.verdict = verdictOf(ctx.config, report);
  return report;
}

/** Re-encrypts the stored files (order materials, face photos) still under an old encryption key. */
async function rotateFiles(ctx: AppContext, options: { batchSize: number; dryRun: boolean; log: (line: string) => void }): Promise<{ left: number; unreadable: number }> {
  const addresses = sql<{ address: string }>`SELECT sha256 AS address FROM order_materials UNION SELECT photo_sha256 FROM face_verifications WHERE photo_sha256 IS NOT NULL`;
  const total = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM (${addresses}) AS a`.execute(ctx.db)).rows[0]!.n);
  let seen = 0;
  let left = 0;
  let unreadable = 0;
  let after = '';
  for (;;) {
    const rows = (await sql<{ address: string }>`SELECT address FROM (${addresses}) AS a WHERE address > ${after} ORDER BY address LIMIT ${options.batchSize}`.execute(ctx.db)).rows;
    for (const { address } of rows) {
      const outcome = await resealStoredFile(ctx, address, { dryRun: options.dryRun });
      if (outcome === 'resealed' && options.dryRun) left += 1;
      if (outcome === 'unreadable') unreadable += 1;
    }
    seen += rows.length;
    if (!options.dryRun) options.log(`files: ${seen}/${total}`);
    if (rows.length < options.batchSize) break;
    after = rows[rows.length - 1]!.address;
  }
  return { left, unreadable };
}

function verdictOf(config: Config, report: RotationReport): string[] {
  const oldEncryption = Object.keys(config.encryption.keys).filter((id) => id !== config.encryption.currentKeyId);
  const oldLookup = Object.keys(config.lookup.keys).filter((id) => id !== config.lookup.currentKeyId);
  const lines: string[] = [];
  if (report.stoppedEarly) lines.push('stopped before the end: run `openbeian rotate-keys` again to carry on (rows already done are skipped)');
  if (report.sealedLeft > 0) lines.push(`${report.sealedLeft} sealed value(s) still under an old encryption key: keep ${oldEncryption.join(', ') || 'the old keys'} in OPENBEIAN_ENCRYPTION_OLD_KEYS and run rotate-keys`);
  if (report.hashedLeft > 0) lines.push(`${report.hashedLeft} row(s) with look-up hashes under an old key: keep OPENBEIAN_LOOKUP_OLD_KEYS and run rotate-keys`);
  if (report.unreadable > 0) lines.push(`${report.unreadable} sealed value(s) no configured key opens: an encryption key they need was removed; put it back`);
  if (report.complete) {
    lines.push(
      oldEncryption.length > 0
        ? `every sealed column and stored file is under ${config.encryption.currentKeyId}: ${oldEncryption.join(', ')} can be removed from OPENBEIAN_ENCRYPTION_OLD_KEYS`
        : `every sealed column and stored file is under ${config.encryption.currentKeyId}`,
    );
    lines.push(
      oldLookup.length > 0
        ? `every look-up hash is under ${config.lookup.currentKeyId}: ${oldLookup.join(', ')} can be removed from OPENBEIAN_LOOKUP_OLD_KEYS`
        : `every look-up hash is under ${config.lookup.currentKeyId}`,
    );
  }
  for (const orphan of report.orphanHashes) {
    lines.push(`${orphan.table}.${orphan.column}: ${orphan.rows} hash(es) under an old key with no plain value left here to re-hash from; they stop matching once that key is removed`);
  }
  for (const [keyId, rows] of Object.entries(report.auditSignedBy)) {
    if (config.auditOldKeys[keyId] && !config.encryption.keys[keyId]) continue;
    lines.push(`audit_log: ${rows} row(s) signed under ${keyId} (the audit log is never re-signed): before removing ${keyId}, add its audit-chain key to OPENBEIAN_AUDIT_OLD_KEYS (\`openbeian rotate-keys --audit-key ${keyId}\` prints it)`);
  }
  if (report.auditPersonRowsUnderOldKeys > 0) {
    lines.push(`audit_log: ${report.auditPersonRowsUnderOldKeys} row(s) name a person by a hash under an old look-up key (never rewritten); the person audit trail finds them only while that key is in OPENBEIAN_LOOKUP_OLD_KEYS`);
  }
  return lines;
}

const USAGE = `usage: openbeian rotate-keys [--check] [--batch-size N] [--max-batches N]
       openbeian rotate-keys --audit-key KEY_ID`;

/** The command: parses its arguments, opens the database, runs, prints progress and the verdict. */
export async function runRotateKeys(config: Config, args: string[]): Promise<number> {
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const known = new Set(['--check', '--batch-size', '--max-batches', '--audit-key']);
  const unknown = args.filter((arg, i) => arg.startsWith('--') && !known.has(arg) && !(i > 0 && ['--batch-size', '--max-batches', '--audit-key'].includes(args[i - 1]!)));
  if (unknown.length > 0) {
    console.error(`rotate-keys: unknown option ${unknown[0]}\n${USAGE}`);
    return 2;
  }
  const auditKey = option('--audit-key');
  if (args.includes('--audit-key')) {
    const key = auditKey ? config.encryption.keys[auditKey] : undefined;
    if (!key) {
      console.error(`rotate-keys: --audit-key needs the id of a configured encryption key (${Object.keys(config.encryption.keys).join(', ')})`);
      return 2;
    }
    console.log(`${auditKey}:${auditChainKeyOf(key).toString('hex')}`);
    return 0;
  }
  const number = (name: string): number | undefined | null => {
    const value = option(name);
    if (value === undefined) return args.includes(name) ? null : undefined;
    return /^[1-9]\d{0,6}$/.test(value) ? Number(value) : null;
  };
  const batchSize = number('--batch-size');
  const maxBatches = number('--max-batches');
  if (batchSize === null || maxBatches === null) {
    console.error(`rotate-keys: --batch-size and --max-batches take a whole number from 1\n${USAGE}`);
    return 2;
  }
  const [{ openDatabase }, { migrate }, { createContext }, { createLogger }] = await Promise.all([
    import('../core/db/database.ts'),
    import('../core/db/migrate.ts'),
    import('../core/context.ts'),
    import('../core/logger.ts'),
  ]);
  const database = await openDatabase(config);
  try {
    await migrate(database.db);
    const ctx = createContext(config, database, createLogger('warn'));
    try {
      const check = args.includes('--check');
      const report = await rotateKeys(ctx, { batchSize, maxBatches, dryRun: check, log: (line) => console.log(line) });
      if (check) console.log(`rotate-keys --check: ${report.sealedLeft} sealed value(s) and ${report.hashedLeft} row(s) of look-up hashes still under old keys`);
      for (const line of report.verdict) console.log(`rotate-keys: ${line}`);
      return report.complete ? 0 : 1;
    } finally {
      await ctx.files.close();
    }
  } finally {
    await database.close();
  }
}
