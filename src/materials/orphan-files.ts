import { opendir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../core/context.ts';

/**
 * A stored file nobody refers to any more — its order expired after 45 idle days or was abandoned and deleted, a
 * material was replaced — is an identity document kept for no purpose (PIPL: keep personal data only as long as
 * needed). This removes such files. A file younger than `graceMs` (by the file system's own time, since it races a
 * real upload whose row is not committed yet) is left for the next run.
 */
export async function purgeOrphanFiles(ctx: AppContext, graceMs = 3600_000): Promise<{ checked: number; deleted: number }> {
  const root = join(ctx.config.dataDir, 'files');
  const referenced = new Set<string>();
  for (const row of await ctx.db.selectFrom('order_materials').select('sha256').distinct().execute()) referenced.add(row.sha256);
  for (const row of await ctx.db.selectFrom('face_verifications').select('photo_sha256').where('photo_sha256', 'is not', null).distinct().execute()) {
    referenced.add(row.photo_sha256!);
  }
  const youngest = Date.now() - graceMs;
  let checked = 0;
  let deleted = 0;
  for await (const path of filesUnder(root)) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!/^[0-9a-f]{64}$/.test(name)) continue;
    checked += 1;
    if (referenced.has(name)) continue;
    const info = await stat(path).catch(() => null);
    if (!info || info.mtimeMs > youngest) continue;
    await unlink(path).catch(() => undefined);
    deleted += 1;
  }
  return { checked, deleted };
}

async function* filesUnder(directory: string): AsyncGenerator<string> {
  const entries = await opendir(directory).catch(() => null);
  if (!entries) return;
  for await (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}
