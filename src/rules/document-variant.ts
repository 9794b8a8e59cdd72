// Which variant of a provider document a province uses, read from its template rule (SEED-003 §2).

import { PROVINCE_RULES } from './data/province-rules.ts';
import { isProvinceCode } from './data/provinces.ts';
import type { MaterialKind } from './draft.ts';
import { DOCUMENT_FOR_MATERIAL, type DocumentKind, type DocumentVariant } from './documents.ts';

/** The province's variant of a letter, read from its template rule (e.g. "service-leader-authorization/shanghai"). */
export function documentVariant(kind: DocumentKind, province: string): DocumentVariant {
  if (!isProvinceCode(province)) return 'national';
  const material = (Object.entries(DOCUMENT_FOR_MATERIAL) as [MaterialKind, DocumentKind][]).find(([, k]) => k === kind)?.[0];
  const template = material ? PROVINCE_RULES[province].templates.value[material] : undefined;
  const variant = template?.split('/')[1];
  return variant === 'gansu' || variant === 'shanghai' ? variant : 'national';
}
