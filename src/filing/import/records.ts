// Pure checks of one line of an import file (docs/import.md): filed subjects and their services moved in from a
// provider's earlier system. No I/O and no clock: `today` comes in. Each problem names the column, in zh and en.

import {
  CERTIFICATE_TYPES,
  ID_TYPES,
  ORGANISATION_CERTIFICATE_TYPES,
  SUBJECT_NATURES,
  analyseDomain,
  isEmail,
  isIsoDate,
  isProvinceCode,
  normaliseMobile,
  parseFilingNumber,
  tidyNumber,
  validateCreditCode,
  validateIdNumber,
  type Bilingual,
  type CertificateType,
  type IdType,
  type ServiceKind,
  type SubjectNature,
} from '../../rules/index.ts';

/** The columns of the CSV form, in order; the JSON Lines form nests the same fields (docs/import.md). */
export const IMPORT_COLUMNS = [
  'subject_number',
  'subject_nature',
  'subject_name',
  'certificate_type',
  'certificate_number',
  'province',
  'leader_name',
  'leader_mobile',
  'leader_email',
  'filed_on',
  'service_number',
  'service_name',
  'service_domains',
  'access_state',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
/** One line as read: every column a string ('' when empty). */
export type RawLine = Record<ImportColumn, string>;

export const IMPORT_ACCESS_STATES = ['connected', 'revoked'] as const;
export type ImportAccessState = (typeof IMPORT_ACCESS_STATES)[number];

export type ImportedSubject = {
  number: string;
  nature: SubjectNature;
  name: string;
  certificate: { type: CertificateType; number: string };
  province: string;
  leader: { name: string; mobile: string; email?: string };
  filedOn: string;
};
export type ImportedService = { number: string; seq: number; kind: ServiceKind; name: string; domains: string[]; access: ImportAccessState };

export type LineProblem = { field: ImportColumn; message: Bilingual };
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: LineProblem[] };

const MAX_TEXT = 200;
const SERVICE_COLUMNS: readonly ImportColumn[] = ['service_number', 'service_name', 'service_domains', 'access_state'];

const problem = (field: ImportColumn, zh: string, en: string): LineProblem => ({ field, message: { zh: `${field}：${zh}`, en: `${field}: ${en}` } });
const missing = (field: ImportColumn) => problem(field, '必填，不能为空', 'required, must not be empty');

function text(line: RawLine, field: ImportColumn, problems: LineProblem[], required = true): string {
  const value = (line[field] ?? '').trim();
  if (required && value === '') problems.push(missing(field));
  else if (value.length > MAX_TEXT) problems.push(problem(field, `不能超过 ${MAX_TEXT} 个字符`, `at most ${MAX_TEXT} characters`));
  return value;
}

/** Whether the line carries a service (any service column filled); a line without one files the subject alone. */
export function hasService(line: RawLine): boolean {
  return SERVICE_COLUMNS.some((c) => (line[c] ?? '').trim() !== '');
}

/** The subject columns of a line: number, nature, name, certificate, province, leader, filed date. */
export function checkSubject(line: RawLine, today: string): Checked<ImportedSubject> {
  const problems: LineProblem[] = [];
  const numberText = text(line, 'subject_number', problems);
  const parsed = numberText ? parseFilingNumber(numberText) : null;
  const province = text(line, 'province', problems);
  if (province && !isProvinceCode(province)) problems.push(problem('province', `“${province}”不是备案省份代码（GB/T 2260 六位代码，如 330000）`, `"${province}" is no filing province code (six-digit GB/T 2260 code, e.g. 330000)`));
  if (numberText) {
    if (!parsed || parsed.licence || parsed.serviceIndex !== undefined) {
      problems.push(problem('subject_number', `“${numberText}”不是主体备案号（如 浙ICP备2026012345号）`, `"${numberText}" is no subject filing number (e.g. 浙ICP备2026012345号)`));
    } else if (isProvinceCode(province) && parsed.provinceCode !== province) {
      problems.push(problem('subject_number', `备案号的省份简称与 province（${province}）不一致`, `the number's province prefix does not match province (${province})`));
    }
  }
  const natureText = text(line, 'subject_nature', problems);
  if (natureText && !(SUBJECT_NATURES as readonly string[]).includes(natureText)) {
    problems.push(problem('subject_nature', `应为 ${SUBJECT_NATURES.join('、')} 之一`, `must be one of ${SUBJECT_NATURES.join(', ')}`));
  }
  const name = text(line, 'subject_name', problems);
  const typeText = text(line, 'certificate_type', problems);
  const certificateNumber = tidyNumber(text(line, 'certificate_number', problems));
  if (typeText && !(CERTIFICATE_TYPES as readonly string[]).includes(typeText)) {
    problems.push(problem('certificate_type', `应为 ${CERTIFICATE_TYPES.join('、')} 之一`, `must be one of ${CERTIFICATE_TYPES.join(', ')}`));
  } else if (typeText && certificateNumber) {
    problems.push(...certificateProblems(typeText as CertificateType, certificateNumber, natureText));
  }
  const leaderName = text(line, 'leader_name', problems);
  const mobileText = text(line, 'leader_mobile', problems);
  const mobile = mobileText ? normaliseMobile(mobileText) : null;
  if (mobileText && !mobile) problems.push(problem('leader_mobile', `“${mobileText}”不是中国大陆手机号（11 位，1 开头）`, `"${mobileText}" is no mainland mobile number (11 digits starting with 1)`));
  const email = text(line, 'leader_email', problems, false);
  if (email && !isEmail(email)) problems.push(problem('leader_email', '邮箱格式不正确', 'not a valid e-mail address'));
  const filedOn = text(line, 'filed_on', problems);
  if (filedOn && (!/^\d{4}-\d{2}-\d{2}$/.test(filedOn) || !isIsoDate(filedOn))) problems.push(problem('filed_on', '应为 YYYY-MM-DD 格式的日期', 'must be a date as YYYY-MM-DD'));
  else if (filedOn && filedOn > today) problems.push(problem('filed_on', `备案日期不能晚于今天（${today}）`, `the filed date cannot be after today (${today})`));
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      number: parsed!.subjectNumber,
      nature: natureText as SubjectNature,
      name,
      certificate: { type: typeText as CertificateType, number: certificateNumber },
      province,
      leader: { name: leaderName, mobile: mobile!, ...(email ? { email } : {}) },
      filedOn,
    },
  };
}

function certificateProblems(type: CertificateType, number: string, nature: string): LineProblem[] {
  const isPersonCertificate = (ID_TYPES as readonly string[]).includes(type);
  if (nature === 'individual' && !isPersonCertificate) {
    return [problem('certificate_type', '个人主体的证件应为身份证件（如 resident_id）', 'an individual files with an identity document (e.g. resident_id)')];
  }
  if (nature && nature !== 'individual' && isPersonCertificate) {
    return [problem('certificate_type', '单位主体的证件应为单位证件（如 business_license）', 'an organisation files with an organisation certificate (e.g. business_license)')];
  }
  if (isPersonCertificate) {
    const check = validateIdNumber(type as IdType, number);
    return check.ok ? [] : [problem('certificate_number', '证件号码不符合该证件类型的编码规则', 'the number does not follow the rules of this document type')];
  }
  if (type === 'other_org' || !(ORGANISATION_CERTIFICATE_TYPES as readonly string[]).includes(type)) return [];
  const check = validateCreditCode(number);
  return check.ok ? [] : [problem('certificate_number', `统一社会信用代码不正确（${check.problem}）`, `not a valid unified social credit code (${check.problem})`)];
}

/** The service columns of a line, for a subject already read (its number and the seq numbers taken so far). */
export function checkService(line: RawLine, subjectNumber: string | null): Checked<ImportedService> {
  const problems: LineProblem[] = [];
  const numberText = text(line, 'service_number', problems);
  const parsed = numberText ? parseFilingNumber(numberText) : null;
  if (numberText) {
    if (!parsed || parsed.licence || parsed.serviceIndex === undefined) {
      problems.push(problem('service_number', `“${numberText}”不是服务备案号（如 浙ICP备2026012345号-1）`, `"${numberText}" is no service filing number (e.g. 浙ICP备2026012345号-1)`));
    } else if (subjectNumber && parsed.subjectNumber !== subjectNumber) {
      problems.push(problem('service_number', `服务备案号不属于主体 ${subjectNumber}`, `the service number does not belong to subject ${subjectNumber}`));
    }
  }
  const name = text(line, 'service_name', problems);
  const kind = parsed?.serviceKind ?? 'website';
  const domains: string[] = [];
  const domainText = (line.service_domains ?? '').trim();
  for (const typed of domainText.split(/[\s;,，；]+/).filter(Boolean)) {
    const analysis = analyseDomain(typed);
    if (!analysis.ok) {
      problems.push(problem('service_domains', `“${typed}”不是有效的域名`, `"${typed}" is not a valid domain`));
      continue;
    }
    if (!domains.includes(analysis.registrable)) domains.push(analysis.registrable);
  }
  if (kind === 'website' && domainText === '') problems.push(problem('service_domains', '网站至少需要一个域名', 'a website needs at least one domain'));
  const access = (line.access_state ?? '').trim() || 'connected';
  if (!(IMPORT_ACCESS_STATES as readonly string[]).includes(access)) {
    problems.push(problem('access_state', `应为 ${IMPORT_ACCESS_STATES.join('、')} 之一（留空为 connected）`, `must be one of ${IMPORT_ACCESS_STATES.join(', ')} (empty means connected)`));
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { number: parsed!.normalised, seq: parsed!.serviceIndex!, kind, name, domains, access: access as ImportAccessState } };
}

/**
 * The record as the platform keeps it (the encrypted draft of filed_subjects): the FilingDraft shape, with what the
 * earlier system knew. An individual's leader is the certificate holder, so the ID is known; an organisation's
 * leader ID is asked for by the first change order's pre-check.
 */
export function recordDraft(subject: ImportedSubject, services: readonly ImportedService[]): Record<string, unknown> {
  const isPerson = subject.nature === 'individual';
  const leader = { name: subject.leader.name, mobile: subject.leader.mobile, ...(subject.leader.email ? { email: subject.leader.email } : {}), ...(isPerson ? { idType: subject.certificate.type, idNumber: subject.certificate.number } : {}) };
  return {
    province: subject.province,
    subject: { nature: subject.nature, name: subject.name, certificate: { type: subject.certificate.type, number: subject.certificate.number, address: '' }, mailingAddress: '', leader },
    services: services.map((s) => ({
      kind: s.kind,
      name: s.name,
      domains: s.domains.map((name) => ({ name })),
      ...(s.domains[0] ? { homepage: `http://www.${s.domains[0]}` } : {}),
      leader: 'subject_leader',
      access: { ips: [] },
      filedNumber: s.number,
    })),
    importedOn: subject.filedOn,
  };
}

/** What groups the lines of one subject: the normalised subject number, or the text as typed when it is none. */
export function parseFilingNumberKey(input: string): string {
  // A subject's lines follow each other with the same number: the last answer is usually the one asked for again.
  if (input === lastKey.input) return lastKey.key;
  const text = (input ?? '').trim();
  lastKey = { input, key: parseFilingNumber(text)?.subjectNumber ?? text };
  return lastKey.key;
}
let lastKey = { input: '', key: '' };
