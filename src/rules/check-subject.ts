// The filing subject (主办者): certificate type and number, province of registration, validity, renames,
// addresses. Persons and organisations differ: a person's certificate IS the leader's ID.

import { addMonths } from './calendar.ts';
import { ID_TYPES } from './draft.ts';
import type { Bilingual, CertificateType, SubjectNature } from './draft.ts';
import { isSoftRule, makeFinding } from './findings.ts';
import { validateCreditCode, validateIdNumber } from './identity.ts';
import type { CreditCodeProblem } from './identity.ts';
import { idNumberFindings } from './check-people.ts';
import { CREDIT_CODE_CATEGORIES_SOURCE } from './data/credit-code-categories.ts';
import { namesRelated } from './names.ts';
import { idKeyOf, need, provinceLabel, sameName } from './context.ts';
import type { Ctx } from './context.ts';
import { PROVINCE_LIST, PROVINCES } from './data/provinces.ts';
import type { ProvinceCode, ProvinceInfo } from './data/provinces.ts';

const NATURE_TEXT: Record<SubjectNature, Bilingual> = {
  enterprise: { zh: '企业', en: 'enterprise' },
  individual: { zh: '个人', en: 'individual' },
  government: { zh: '政府机关', en: 'government body' },
  public_institution: { zh: '事业单位', en: 'public institution' },
  social_organization: { zh: '社会团体', en: 'social organisation' },
  private_non_enterprise: { zh: '民办非企业单位', en: 'private non-enterprise unit' },
  foundation: { zh: '基金会', en: 'foundation' },
  law_firm: { zh: '律师事务所', en: 'law firm' },
  other: { zh: '其他', en: 'other' },
};

export function natureText(nature: SubjectNature): Bilingual {
  return NATURE_TEXT[nature];
}

/** Certificate types whose number is the unified social credit code. */
const CREDIT_CODE_CERTIFICATES: readonly CertificateType[] = [
  'business_license',
  'public_institution_license',
  'social_organization_certificate',
  'law_firm_license',
  'government_code',
];

const CREDIT_PROBLEM: Record<CreditCodeProblem, Bilingual> = {
  format: { zh: '应为18位数字或大写字母（不含I、O、Z、S、V）', en: '18 digits or capital letters without I, O, Z, S, V' },
  checksum: { zh: '第18位校验码不符', en: 'the 18th character (check character) does not match' },
  category: {
    zh: '前两位不是国家标准规定的登记管理部门与机构类别组合',
    en: 'the first two characters are no registration authority and category pair the standard assigns',
  },
  organisation_code: {
    zh: '第9–17位组织机构代码的校验位不符',
    en: 'the organisation code in characters 9–17 fails its own check character',
  },
};

const CREDIT_SOURCE: Record<CreditCodeProblem, string> = {
  format: 'GB 32100-2015 §4',
  checksum: 'GB 32100-2015 §5 (MOD 31)',
  category: CREDIT_CODE_CATEGORIES_SOURCE,
  organisation_code: 'GB 11714-1997 §4 (organisation code check character)',
};

function checkCertificateType(ctx: Ctx, nature: SubjectNature, type: CertificateType): boolean {
  const isIdType = (ID_TYPES as readonly string[]).includes(type);
  const params = { type, nature: NATURE_TEXT[nature] };
  if (nature === 'individual' && !isIdType) {
    ctx.findings.push(
      makeFinding('CERTIFICATE_TYPE_MISMATCH', 'subject.certificate.type', {
        ...params,
        hint: { zh: '个人备案请使用本人身份证件。', en: 'a person files with their own identity document.' },
      }),
    );
    return false;
  }
  if (nature !== 'individual' && isIdType) {
    ctx.findings.push(
      makeFinding('CERTIFICATE_TYPE_MISMATCH', 'subject.certificate.type', {
        ...params,
        hint: { zh: '单位备案请使用营业执照等单位证件。', en: 'an organisation files with its own certificate, e.g. a business licence.' },
      }),
    );
    return false;
  }
  if (nature === 'law_firm' && type !== 'law_firm_license') {
    ctx.findings.push(
      makeFinding('CERTIFICATE_TYPE_MISMATCH', 'subject.certificate.type', {
        ...params,
        hint: { zh: '律师事务所请使用律师事务所执业许可证。', en: 'a law firm files with its practice licence.' },
      }),
    );
    return false;
  }
  return true;
}

function checkOrganisationNumber(ctx: Ctx, nature: SubjectNature, type: CertificateType, number: string): void {
  if (!CREDIT_CODE_CERTIFICATES.includes(type)) {
    if (!/^[0-9A-Za-z-]{4,40}$/.test(number.replace(/\s+/g, ''))) {
      ctx.findings.push(makeFinding('CERTIFICATE_NUMBER_INVALID', 'subject.certificate.number'));
    }
    return;
  }
  const code = validateCreditCode(number);
  if (!code.ok) {
    ctx.findings.push(
      makeFinding('CREDIT_CODE_INVALID', 'subject.certificate.number', { problem: CREDIT_PROBLEM[code.problem] }, { source: CREDIT_SOURCE[code.problem] }),
    );
    return;
  }
  if (code.natureHint && code.natureHint !== nature && !(code.natureHint === 'social_organization' && nature === 'other')) {
    ctx.findings.push(
      makeFinding('CERTIFICATE_NATURE_MISMATCH', 'subject.nature', { hint: NATURE_TEXT[code.natureHint], nature: NATURE_TEXT[nature] }),
    );
  }
  if (ctx.province && code.provinceCode && code.provinceCode !== ctx.province.code) {
    const other = PROVINCES[code.provinceCode as ProvinceCode];
    ctx.findings.push(
      makeFinding(
        'CROSS_PROVINCE',
        'province',
        { certProvince: { zh: other.name, en: other.nameEn }, province: provinceLabel(ctx) },
        { source: 'reference/anchors.md §5 (organisations never file cross-province)' },
      ),
    );
  }
}

function checkPersonCertificate(ctx: Ctx): void {
  const s = ctx.view.subject;
  const cert = s?.certificate;
  if (!s || !cert?.type || cert.number === undefined) return;
  const check = validateIdNumber(cert.type as (typeof ID_TYPES)[number], cert.number, ctx.today);
  // The leader's own check reports soft failures and abolished regions once; the certificate reports hard errors.
  if (!check.ok && !check.soft) {
    const paths = { idType: 'subject.certificate.type', idNumber: 'subject.certificate.number' };
    ctx.findings.push(...idNumberFindings(check, paths, { zh: '备案人', en: 'the applicant' }));
  }
  const leader = s.leader;
  const sameId = idKeyOf(cert.number) === idKeyOf(leader?.idNumber);
  if (leader && ((leader.idNumber !== undefined && !sameId) || (leader.name !== undefined && s.name !== undefined && !sameName(leader.name, s.name)))) {
    ctx.findings.push(makeFinding('SUBJECT_NOT_LEADER', 'subject.leader'));
  }
}

function checkValidity(ctx: Ctx): void {
  const until = ctx.view.subject?.certificate?.validUntil;
  if (!ctx.today || until === undefined) return;
  const minDate = addMonths(ctx.today, 3);
  if (until >= minDate) return;
  if (ctx.isOrg) ctx.findings.push(makeFinding('CERTIFICATE_EXPIRES_TOO_SOON', 'subject.certificate.validUntil', { validUntil: until, minDate }));
  else {
    ctx.findings.push(
      makeFinding('ID_EXPIRES_TOO_SOON', 'subject.certificate.validUntil', { who: { zh: '备案人', en: 'the applicant' }, validUntil: until, minDate }),
    );
  }
}

function checkRenames(ctx: Ctx): void {
  const s = ctx.view.subject;
  const rules = ctx.rules;
  if (!ctx.isOrg || !s?.name || !s.previousNames?.length) return;
  const forms = rules?.nameChangeProofForms.value ?? ['paper'];
  let anyRelatedOrAllowed = false;
  s.previousNames.forEach((previous, j) => {
    if (sameName(previous, s.name)) return;
    const related = namesRelated(previous, s.name ?? '');
    const route = rules?.unrelatedRename;
    if (related) {
      anyRelatedOrAllowed = true;
      return;
    }
    const params = { name: s.name ?? '', previous };
    const path = `subject.previousNames[${j}]`;
    if (!route || route.value === 'cancel_and_refile') {
      ctx.findings.push(makeFinding('NAME_CHANGE_UNRELATED', path, params, route ? { rule: route } : {}));
      return;
    }
    // The province allows it, but if that permission rests on an old source the general rule may apply again.
    if (isSoftRule(route)) {
      ctx.findings.push(makeFinding('NAME_CHANGE_UNRELATED', path, params, { severity: 'warning', source: `SEED-003 §7; ${route.source} (${route.lastConfirmed}) allowed it` }));
    }
    anyRelatedOrAllowed = true;
  });
  if (anyRelatedOrAllowed) {
    need(ctx, {
      kind: 'name_change_proof',
      appliesTo: 'subject',
      reason: {
        zh: `单位名称已变更，需市场监管部门出具的变更证明（本省接受：${forms.join('、')}）`,
        en: `the organisation was renamed; the market regulator's proof of the change is needed (accepted here: ${forms.join(', ')})`,
      },
      rule: rules?.nameChangeProofForms,
    });
  }
}

const PROVINCE_STEMS: readonly [ProvinceInfo, string][] = PROVINCE_LIST.map((p) => [
  p,
  p.name.replace(/(壮族|回族|维吾尔)?自治区$|省$|市$/u, ''),
]);

function provinceNamedIn(address: string): ProvinceInfo | undefined {
  const a = address.normalize('NFKC').replace(/\s+/g, '').replace(/^中国/, '');
  return PROVINCE_STEMS.find(([, stem]) => a.startsWith(stem))?.[0];
}

const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);

function cityOf(address: string, province: ProvinceInfo): string | undefined {
  const stem = PROVINCE_STEMS.find(([p]) => p.code === province.code)?.[1] ?? '';
  let a = address.normalize('NFKC').replace(/\s+/g, '').replace(/^中国/, '');
  if (a.startsWith(stem)) a = a.slice(stem.length).replace(/^(壮族|回族|维吾尔)?(自治区|省|市)/u, '');
  return /^(\p{Script=Han}{1,6}?(市|自治州|州|盟|地区))/u.exec(a)?.[1];
}

function checkAddresses(ctx: Ctx): void {
  const s = ctx.view.subject;
  const province = ctx.province;
  if (!s || !province) return;
  const fields: [string, string | undefined, Bilingual][] = [
    ['subject.mailingAddress', s.mailingAddress, { zh: '通讯地址', en: 'The mailing address' }],
  ];
  // A person's ID address may lawfully lie in another province (residence permit), an organisation's may not.
  if (ctx.isOrg) fields.unshift(['subject.certificate.address', s.certificate?.address, { zh: '证件住所', en: 'The certificate address' }]);
  for (const [path, address, field] of fields) {
    const named = address === undefined ? undefined : provinceNamedIn(address);
    if (named && named.code !== province.code) {
      ctx.findings.push(
        makeFinding('ADDRESS_NOT_IN_PROVINCE', path, { field, other: { zh: named.name, en: named.nameEn }, province: provinceLabel(ctx) }),
      );
    }
  }
  const rule = ctx.rules?.sameCityAddress;
  const certAddress = s.certificate?.address;
  if (rule?.value && ctx.isOrg && certAddress && s.mailingAddress && !MUNICIPALITIES.has(province.code)) {
    const certCity = cityOf(certAddress, province);
    const mailCity = cityOf(s.mailingAddress, province);
    if (certCity && mailCity && certCity !== mailCity) {
      ctx.findings.push(makeFinding('ADDRESS_CITY_MISMATCH', 'subject.mailingAddress', { province: provinceLabel(ctx), certCity, mailCity }, { rule }));
    }
  }
}

export function checkSubject(ctx: Ctx): void {
  const s = ctx.view.subject;
  const cert = s?.certificate;
  if (s?.nature && cert?.type && checkCertificateType(ctx, s.nature, cert.type)) {
    if (ctx.isOrg && cert.number !== undefined) checkOrganisationNumber(ctx, s.nature, cert.type, cert.number);
    if (!ctx.isOrg) checkPersonCertificate(ctx);
  }
  checkValidity(ctx);
  checkRenames(ctx);
  checkAddresses(ctx);
}
