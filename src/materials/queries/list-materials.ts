import type { AppContext } from '../../core/context.ts';
import type { Executor } from '../../core/db/database.ts';
import type { Material, MaterialKind } from '../../rules/draft.ts';

export type MaterialView = {
  id: string;
  kind: MaterialKind;
  appliesTo: string | null;
  issuedOn: string | null;
  file: { format: string; bytes: number; width?: number; height?: number; colour?: 'colour' | 'grayscale' };
  sha256: string;
  findings: unknown[];
  uploadedAt: string;
};

/** The current (not replaced) materials of an order. */
export async function listMaterials(ctx: AppContext, orderId: string, executor: Executor = ctx.db): Promise<MaterialView[]> {
  const rows = await executor.selectFrom('order_materials').selectAll().where('order_id', '=', orderId).where('replaced_at', 'is', null).orderBy('created_at').execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as MaterialKind,
    appliesTo: row.applies_to,
    issuedOn: row.issued_on,
    file: {
      format: row.format,
      bytes: row.bytes,
      width: row.width ?? undefined,
      height: row.height ?? undefined,
      colour: (row.colour as 'colour' | 'grayscale' | null) ?? undefined,
    },
    sha256: row.sha256,
    findings: row.findings,
    uploadedAt: row.created_at.toISOString(),
  }));
}

/** Uploaded materials in the draft's own shape, so the pre-check judges what was really uploaded. */
export function asDraftMaterials(materials: MaterialView[]): Material[] {
  return materials.map((m) => ({
    kind: m.kind,
    ...(m.appliesTo ? { appliesTo: m.appliesTo } : {}),
    ...(m.issuedOn ? { issuedOn: m.issuedOn } : {}),
    file: m.file,
  }));
}
