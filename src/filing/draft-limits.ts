import { AppError, type FieldProblem } from '../core/errors.ts';

/**
 * The longest text a draft field may hold. The draft is stored as typed and judged by the pre-check, but a saved
 * draft is encrypted, kept and shown to reviewers: a whole web page pasted into one field is refused at that field.
 * Generous on purpose: an App's public key (RSA-4096, base64) is about 800 characters.
 */
export const DRAFT_TEXT_MAX = 2000;

/** Every text in the draft longer than DRAFT_TEXT_MAX, by draft path ("services[0].remarks"). */
export function overlongTexts(value: unknown, path = ''): { path: string; length: number }[] {
  if (typeof value === 'string') return value.length > DRAFT_TEXT_MAX ? [{ path, length: value.length }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => overlongTexts(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => overlongTexts(item, path ? `${path}.${key}` : key));
  }
  return [];
}

/** Refuses a save holding an overlong text, naming each field (`draft.<path>`). */
export function assertDraftWithinLimits(draft: Record<string, unknown>): void {
  const fields: FieldProblem[] = overlongTexts(draft).map(({ path, length }) => ({
    path: `draft.${path}`,
    message: {
      zh: `内容过长：最多 ${DRAFT_TEXT_MAX} 个字符，当前 ${length} 个，请精简后再保存`,
      en: `Too long: at most ${DRAFT_TEXT_MAX} characters, this has ${length}; shorten it to save`,
    },
  }));
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields });
}
