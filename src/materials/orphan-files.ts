import type { AppContext } from '../core/context.ts';

/**
 * A stored file nobody refers to any more — its order expired after 45 idle days or was abandoned and deleted, a
 * material was replaced — is an identity document kept for no purpose (PIPL: keep personal data only as long as
 * needed). This removes such files from the file store. A file written less than `graceMs` ago is left for the next
 * run: it races a real upload whose row is not committed yet. Its age is judged by the store's own time (file times,
 * S3 LastModified) against the wall clock, not the application clock, which a demo may have moved.
 */
export async function purgeOrphanFiles(ctx: AppContext, graceMs = 3600_000): Promise<{ checked: number; deleted: number }> {
  const referenced = new Set<string>();
  for (const row of await ctx.db.selectFrom('order_materials').select('sha256').distinct().execute()) referenced.add(row.sha256);
  for (const row of await ctx.db.selectFrom('face_verifications').select('photo_sha256').where('photo_sha256', 'is not', null).distinct().execute()) {
    referenced.add(row.photo_sha256!);
  }
  const youngest = (await ctx.files.now()).getTime() - graceMs;
  let checked = 0;
  let deleted = 0;
  for await (const file of ctx.files.list()) {
    checked += 1;
    if (referenced.has(file.address) || file.modifiedAt.getTime() > youngest) continue;
    await ctx.files.delete(file.address);
    deleted += 1;
  }
  return { checked, deleted };
}
