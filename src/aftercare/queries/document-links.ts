import { DOCUMENT_NAMES, type DocumentKind } from '../../rules/index.ts';

/** The download address of a provider document for a filed service or an order (GET /api/v1/documents/{kind}). */
export function documentLink(kind: DocumentKind, ref: { filing: string; service: string } | { order: string; appliesTo?: string }) {
  const query = new URLSearchParams('order' in ref ? { order: ref.order, ...(ref.appliesTo ? { appliesTo: ref.appliesTo } : {}) } : { filing: ref.filing, service: ref.service });
  return { kind, name: DOCUMENT_NAMES[kind], href: `/api/v1/documents/${kind}?${query.toString()}` };
}
