// Provider documents (DESIGN §5.10): the letters and proofs OpenBeian fills in as PDF for the owner to print, sign and
// upload. Which template variant a province uses comes from its rules (SEED-003 §2: Gansu's subject-leader letter,
// Shanghai's site-leader letter that may list every domain of one leader). Kept free of the province rules so the
// console can import it; the variant lookup is in document-variant.ts.

import type { Bilingual, MaterialKind } from './draft.ts';

export const DOCUMENT_KINDS = [
  'subject_leader_authorization',
  'service_leader_authorization',
  'domain_holder_proof',
  'employment_proof',
  'business_nature_statement',
  'server_region_proof',
  'site_verification_notice',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type DocumentVariant = 'national' | 'gansu' | 'shanghai';

export const DOCUMENT_NAMES: Readonly<Record<DocumentKind, Bilingual>> = {
  subject_leader_authorization: { zh: '主体负责人授权书', en: 'Subject-leader authorisation letter' },
  service_leader_authorization: { zh: '网站负责人授权书', en: 'Site-leader authorisation letter' },
  domain_holder_proof: { zh: '有关网站备案域名注册人的证明', en: 'Domain registrant proof' },
  employment_proof: { zh: '工作证明', en: 'Employment proof' },
  business_nature_statement: { zh: '经营性说明书', en: 'Business-nature statement' },
  server_region_proof: { zh: '服务器区域证明', en: 'Server-region proof' },
  site_verification_notice: { zh: '网站核验通知书', en: 'Site verification notice' },
};

/** The document that fills in a material the pre-check asks for (the materials step offers it there). */
export const DOCUMENT_FOR_MATERIAL: Readonly<Partial<Record<MaterialKind, DocumentKind>>> = {
  subject_leader_authorization: 'subject_leader_authorization',
  service_leader_authorization: 'service_leader_authorization',
  domain_registrant_proof: 'domain_holder_proof',
  employment_proof: 'employment_proof',
  business_nature_statement: 'business_nature_statement',
};
