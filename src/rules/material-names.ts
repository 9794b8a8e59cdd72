// Names of the material kinds, kept free of other imports so the web console can use them too.
import type { Bilingual, MaterialKind } from './draft.ts';

export const MATERIAL_NAMES: Readonly<Record<MaterialKind, Bilingual>> = {
  subject_certificate: { zh: '主体证件', en: 'subject certificate' },
  subject_leader_id: { zh: '主体负责人证件', en: 'subject leader’s ID' },
  service_leader_id: { zh: '网站/App负责人证件', en: 'service leader’s ID' },
  subject_leader_authorization: { zh: '主体负责人授权书', en: 'subject-leader authorisation letter' },
  service_leader_authorization: { zh: '网站/App负责人授权书', en: 'service-leader authorisation letter' },
  domain_certificate: { zh: '域名证书', en: 'domain certificate' },
  handheld_id_photo: { zh: '手持个人证件照片', en: 'photo holding the personal ID' },
  handheld_org_certificate_photo: { zh: '手持单位证件照片', en: 'photo holding the organisation certificate' },
  domain_registrant_proof: { zh: '有关网站备案域名注册人的证明', en: 'statement about the domain registrant' },
  establishment_proof: { zh: '编办证明', en: 'establishment proof (编办证明)' },
  name_change_proof: { zh: '名称变更证明', en: 'proof of the name change' },
  site_construction_plan: { zh: '网站建设方案书', en: 'website construction plan' },
  residence_permit: { zh: '居住证明', en: 'residence permit' },
  business_nature_statement: { zh: '经营性说明书', en: 'business-nature statement' },
  employment_proof: { zh: '工作证明', en: 'employment proof' },
};
