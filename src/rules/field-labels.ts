// The one table of draft field names as the applicant reads them on the form (issue 12). The console's form labels
// (web/src/i18n.ts `field.*`), its "where" column ("网站 1 · 域名") and the pre-check's messages ("请填写通信地址。")
// all come from here, so a field is called the same everywhere and no message shows a path like
// "subject.certificate.address".

import type { Bilingual } from './draft.ts';

const b = (zh: string, en: string): Bilingual => ({ zh, en });

/** Labels by name; `person.*` fields belong to whichever responsible person the path names. */
export const FIELD_TEXTS = {
  whole: b('整体', 'Overall'),
  province: b('备案省份', 'Filing province'),
  subject: b('主体', 'Subject'),
  'subject.nature': b('主办单位性质', 'Subject nature'),
  'subject.name': b('主办单位名称', 'Organisation name'),
  'subject.personName': b('姓名', 'Name'),
  'subject.previousNames': b('曾用名', 'Former names'),
  'subject.certificate': b('主体证件', 'Subject certificate'),
  'subject.certificate.type': b('证件类型', 'Certificate type'),
  'subject.certificate.number': b('证件号码', 'Certificate number'),
  'subject.certificate.validUntil': b('证件有效期至', 'Certificate valid until'),
  'subject.certificate.address': b('证件住所', 'Certificate address'),
  'subject.mailingAddress': b('通信地址', 'Mailing address'),
  'subject.legalRepresentative': b('法定代表人', 'Legal representative'),
  subjectLeader: b('主体负责人', 'Subject leader'),
  serviceLeader: b('网站 {n} 负责人', 'Leader of service {n}'),
  'person.name': b('姓名', 'Name'),
  'person.idType': b('证件类型', 'ID type'),
  'person.idNumber': b('证件号码', 'ID number'),
  'person.idValidUntil': b('证件有效期至', 'ID valid until'),
  'person.mobile': b('手机号码', 'Mobile'),
  'person.emergencyPhone': b('应急联系电话', 'Emergency phone'),
  'person.email': b('电子邮箱', 'E-mail'),
  services: b('网站与应用', 'Websites & Apps'),
  service: b('服务', 'Service'),
  'service.n': b('网站 {n}', 'Service {n}'),
  'service.kind': b('服务类型', 'Service type'),
  'service.name': b('网站名称', 'Site name'),
  'service.filedNumber': b('网站备案号', 'Service number'),
  'service.homepage': b('首页地址', 'Home page URL'),
  'service.contentTypes': b('服务内容', 'Content type'),
  'service.preApprovals': b('前置审批', 'Pre-approvals'),
  'service.languages': b('网站语言', 'Languages'),
  'service.remarks': b('备注', 'Remarks'),
  'domain.name': b('域名', 'Domain'),
  'domain.holder': b('域名持有者', 'Domain holder'),
  'domain.registrar': b('注册商', 'Registrar'),
  'domain.realNameVerifiedOn': b('实名认证日期', 'Real-name verified on'),
  'domain.expiresOn': b('域名到期日', 'Domain expires on'),
  'access.serviceCode': b('备案服务码', 'Service code'),
  'access.ips': b('服务器公网 IP', 'Server public IP'),
  'app.platforms': b('运行平台', 'Platforms'),
  'app.packageName': b('包名 / Bundle ID', 'Package name / bundle ID'),
  'app.signatureMd5': b('签名 MD5（Android）或 SHA-1（iOS）', 'Signature MD5 (Android) or SHA-1 (iOS)'),
  'app.publicKey': b('公钥', 'Public key'),
  materials: b('材料', 'Materials'),
  'material.kind': b('材料类型', 'Material kind'),
  'material.appliesTo': b('材料所属', 'Material for'),
  'material.issuedOn': b('开具日期', 'Issue date'),
  'material.file': b('文件信息', 'File details'),
  account: b('账号类型', 'Account kind'),
  submittedOn: b('提交日期', 'Submission date'),
} as const satisfies Record<string, Bilingual>;

export type FieldName = keyof typeof FIELD_TEXTS;

/** Path patterns (indexes written as []) to names. */
const BY_PATTERN: Readonly<Record<string, FieldName>> = {
  '': 'whole',
  province: 'province',
  subject: 'subject',
  'subject.nature': 'subject.nature',
  'subject.name': 'subject.name',
  'subject.previousNames': 'subject.previousNames',
  'subject.previousNames[]': 'subject.previousNames',
  'subject.certificate': 'subject.certificate',
  'subject.certificate.type': 'subject.certificate.type',
  'subject.certificate.number': 'subject.certificate.number',
  'subject.certificate.validUntil': 'subject.certificate.validUntil',
  'subject.certificate.address': 'subject.certificate.address',
  'subject.mailingAddress': 'subject.mailingAddress',
  'subject.legalRepresentative': 'subject.legalRepresentative',
  services: 'services',
  'services[]': 'service',
  'services[].kind': 'service.kind',
  'services[].name': 'service.name',
  'services[].filedNumber': 'service.filedNumber',
  'services[].homepage': 'service.homepage',
  'services[].domains': 'domain.name',
  'services[].domains[]': 'domain.name',
  'services[].domains[].name': 'domain.name',
  'services[].domains[].holder': 'domain.holder',
  'services[].domains[].registrar': 'domain.registrar',
  'services[].domains[].realNameVerifiedOn': 'domain.realNameVerifiedOn',
  'services[].domains[].expiresOn': 'domain.expiresOn',
  'services[].access': 'access.serviceCode',
  'services[].access.serviceCode': 'access.serviceCode',
  'services[].access.ips': 'access.ips',
  'services[].access.ips[]': 'access.ips',
  'services[].contentTypes': 'service.contentTypes',
  'services[].contentTypes[]': 'service.contentTypes',
  'services[].preApprovals': 'service.preApprovals',
  'services[].preApprovals[]': 'service.preApprovals',
  'services[].languages': 'service.languages',
  'services[].languages[]': 'service.languages',
  'services[].app': 'app.packageName',
  'services[].app.platforms': 'app.platforms',
  'services[].app.packageName': 'app.packageName',
  'services[].app.signatureMd5': 'app.signatureMd5',
  'services[].app.publicKey': 'app.publicKey',
  'services[].remarks': 'service.remarks',
  materials: 'materials',
  'materials[]': 'materials',
  'materials[].kind': 'material.kind',
  'materials[].appliesTo': 'material.appliesTo',
  'materials[].issuedOn': 'material.issuedOn',
  'materials[].file': 'material.file',
  account: 'account',
  'account.kind': 'account',
  submittedOn: 'submittedOn',
};

const fill = (text: Bilingual, n: number): Bilingual => ({ zh: text.zh.replace('{n}', String(n)), en: text.en.replace('{n}', String(n)) });
const join = (parts: Bilingual[], zh: string, en: string): Bilingual => ({ zh: parts.map((p) => p.zh).join(zh), en: parts.map((p) => p.en).join(en) });

/**
 * A path as the form names it: "网站 1 · 域名" for services[0].domains[0].name, "主体负责人 · 手机号码" for
 * subject.leader.mobile, "证件住所" for subject.certificate.address. Never the path itself: an unknown path is named
 * by its nearest known parent, at worst "整体".
 */
export function describeField(path: string): Bilingual {
  const person = /^(subject\.leader|services\[(\d+)\]\.leader)(?:\.(\w+))?/.exec(path);
  if (person) {
    const who = person[2] === undefined ? FIELD_TEXTS.subjectLeader : fill(FIELD_TEXTS.serviceLeader, Number(person[2]) + 1);
    const label = person[3] ? (FIELD_TEXTS as Record<string, Bilingual>)[`person.${person[3]}`] : undefined;
    return label ? join([who, label], ' · ', ' · ') : who;
  }
  const service = /^services\[(\d+)\]/.exec(path);
  const label = FIELD_TEXTS[nearestName(path)];
  if (!service) return label;
  const which = fill(FIELD_TEXTS['service.n'], Number(service[1]) + 1);
  return nearestName(path) === 'service' ? which : join([which, label], ' · ', ' · ');
}

/** The field inside a sentence: "主体负责人的手机号码", "网站 1 的域名" / "the mobile (subject leader)". */
export function fieldPhrase(path: string): Bilingual {
  const person = /^(subject\.leader|services\[(\d+)\]\.leader)\.(\w+)/.exec(path);
  const personLabel = person ? (FIELD_TEXTS as Record<string, Bilingual>)[`person.${person[3]}`] : undefined;
  if (person && personLabel) {
    const who = person[2] === undefined ? FIELD_TEXTS.subjectLeader : fill(FIELD_TEXTS.serviceLeader, Number(person[2]) + 1);
    return { zh: `${who.zh}的${personLabel.zh}`, en: `the ${lowerFirst(personLabel.en)} (${lowerFirst(who.en)})` };
  }
  const service = /^services\[(\d+)\]/.exec(path);
  const name = nearestName(path);
  const label = FIELD_TEXTS[name];
  if (service && name !== 'service' && !person) {
    const which = fill(FIELD_TEXTS['service.n'], Number(service[1]) + 1);
    return { zh: `${which.zh} 的${label.zh}`, en: `the ${lowerFirst(label.en)} of ${lowerFirst(which.en)}` };
  }
  const whole = describeField(path);
  return { zh: whole.zh, en: `the ${lowerFirst(whole.en)}` };
}

function nearestName(path: string): FieldName {
  let pattern = path.replace(/\[\d+\]/g, '[]');
  for (;;) {
    const name = BY_PATTERN[pattern];
    if (name) return name;
    const shorter = pattern.replace(/(\.\w+|\[\])$/, '');
    if (shorter === pattern) return 'whole';
    pattern = shorter;
  }
}

/** "Mailing address" → "mailing address", but "ID number" stays. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
