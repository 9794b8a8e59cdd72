// Writes docs/rules.md from the rules data: `npx tsx scripts/gen-rules-doc.ts`.
// One table per province, every axis with its value, where it comes from and when it was last confirmed,
// so a reviewer can check the data without reading TypeScript. Never edit docs/rules.md by hand.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  APPROVED_SUFFIXES,
  CALENDAR_YEARS,
  CREDIT_CODE_AUTHORITIES,
  CREDIT_CODE_CATEGORIES_SOURCE,
  DIVISION_CODES_AS_OF,
  DIVISION_CODES_SOURCE,
  RESERVED_DOMAIN_SUFFIXES,
  countyCodeCounts,
  toUnicodeDomain,
  HOLIDAY_SOURCES,
  MATERIAL_FILE_RULES,
  MATERIAL_NAMES,
  NATIONAL_DEFAULTS,
  PROVINCE_LIST,
  PROVINCE_RULES,
  REGISTRARS,
  RESOURCE_KINDS,
  RESOURCE_KIND_RULES,
  RULE_AXES,
  SOURCES,
  administrationNameEn,
  isLegacyDate,
} from '../src/rules/index.ts';
import type { MaterialKind, ProvinceCode, ProvinceRules, Sourced } from '../src/rules/index.ts';

type Axis = (typeof RULE_AXES)[number];

const AXIS_LABELS: Record<Axis, string> = {
  subjectLeader: 'Subject leader (主体负责人)',
  legalRepRequiredWhenNameContains: 'Legal representative required when the name contains',
  authorisedSubjectLeaderLeadsServices: 'Authorised subject leader must lead every service',
  serviceLeader: 'Service leader (网站/App负责人)',
  sharedLeaderAcrossSubjects: 'Leader ID already used by another subject',
  localMobile: 'Mobiles registered in the province',
  noSwappedContacts: 'Leaders may not swap mobile / emergency numbers',
  crossProvincePersons: 'Persons from another province',
  foreignersMayFile: 'Foreign documents accepted',
  minAge: 'Minimum age (subject leader / service leader)',
  employmentProofUnderAge: 'Employment proof for leaders younger than',
  domainMinValidityDays: 'Domain must stay registered for more than',
  domainHolder: 'Domain holder (organisations)',
  domainCertificate: 'Domain certificate (域名证书)',
  domainNoNationalWords: 'No 中国/国家 words in domains of non-state bodies',
  servicesPerOrder: 'Services per order',
  siteConstructionPlan: 'Website construction plan (网站建设方案书)',
  establishmentProof: 'Establishment proof (编办证明) for public bodies',
  businessNatureStatement: 'Business-nature statement (经营性说明书)',
  handheldPhotos: 'Hand-held document photos',
  nameChangeProofForms: 'Accepted proofs of a name change',
  materialMaxAgeDays: 'Freshness of letters and proofs (days)',
  templates: 'Letter templates',
  extraDocuments: 'Other documents (reminders)',
  siteNaming: 'Site naming',
  sameCityAddress: 'Mailing address in the certificate’s city',
  reviewCeilingWorkdays: '管局 review ceiling',
  typicalReviewWorkdays: 'Typical decision time (simulator)',
  individualToOrganisation: 'Person → organisation',
  unrelatedRename: 'Rename to an unrelated name',
  shellSubjectMayAddService: 'Shell subject may add a service directly',
  footer: 'Footer',
  notes: 'Other local practice',
};

const yesNo = (v: boolean) => (v ? 'yes' : 'no');
const ROUTE: Record<string, string> = {
  change: 'a change order',
  change_with_proof: 'a change order with proof',
  cancel_and_refile: 'cancel and file again',
};

function describe(axis: Axis, value: unknown): string {
  switch (axis) {
    case 'subjectLeader':
      return value === 'legal_rep' ? 'must be the legal representative' : 'the legal representative, or another person with an authorisation letter';
    case 'serviceLeader':
      return (
        { any: 'anyone', legal_rep: 'must be the legal representative', legal_rep_or_authorised: 'the legal representative, or another person with a letter', not_subject_leader: 'a person other than the subject leader, with a letter' } as Record<string, string>
      )[value as string] ?? String(value);
    case 'sharedLeaderAcrossSubjects':
      return ({ allowed: 'allowed', employment_proof: 'allowed with an employment proof', forbidden: 'not allowed' } as Record<string, string>)[value as string] ?? String(value);
    case 'crossProvincePersons':
      return ({ no: 'not accepted: file in the ID’s province', residence_permit: 'with a local residence permit', residence_or_study_work: 'with a residence permit or proof of study/work' } as Record<string, string>)[value as string] ?? String(value);
    case 'minAge': {
      const v = value as ProvinceRules['minAge']['value'];
      return `${v.subjectLeader} / ${v.serviceLeader}`;
    }
    case 'employmentProofUnderAge':
    case 'reviewCeilingWorkdays':
    case 'typicalReviewWorkdays':
      return value === null ? '—' : `${String(value)}${axis === 'employmentProofUnderAge' ? '' : ' workdays'}`;
    case 'domainMinValidityDays':
      return `${String(value)} days`;
    case 'domainHolder':
      return ({ subject: 'the organisation itself', subject_or_legal_rep: 'the organisation or its legal representative (with a registrant statement)', subject_legal_rep_or_leaders: 'the organisation, its legal representative or a leader (with a registrant statement)' } as Record<string, string>)[value as string] ?? String(value);
    case 'domainCertificate': {
      const v = value as ProvinceRules['domainCertificate']['value'];
      if (v.when === 'at_least') return `from ${v.domains} domains (${v.counting === 'order' ? 'in the order' : 'under the subject'})`;
      return v.when === 'always' ? 'always' : 'not required';
    }
    case 'servicesPerOrder': {
      const v = value as ProvinceRules['servicesPerOrder']['value'];
      if (v.length === 0) return 'no limit';
      return v
        .map((l) => `${l.natures}: at most ${l.max}${l.whenFiledMoreThan !== undefined ? ` once more than ${l.whenFiledMoreThan} are filed` : ''}${l.firstFilingOnly ? ' (first filing)' : ''}`)
        .join('; ');
    }
    case 'siteConstructionPlan': {
      const v = value as ProvinceRules['siteConstructionPlan']['value'];
      if (v.length === 0) return 'not required';
      return v.map((t) => `${t.natures}: from ${t.atLeast} ${t.measure === 'services' ? 'services' : 'distinct domain prefixes'}`).join('; ');
    }
    case 'materialMaxAgeDays':
      return Object.entries(value as Record<MaterialKind, number>)
        .map(([k, d]) => `${MATERIAL_NAMES[k as MaterialKind].en} ${d}`)
        .join('; ');
    case 'templates':
      return Object.values(value as Record<string, string>).join(', ');
    case 'extraDocuments': {
      const v = value as ProvinceRules['extraDocuments']['value'];
      return v.length === 0 ? '—' : v.map((d) => `${d.name.zh} (${d.name.en}; ${d.appliesTo}${d.since ? `, since ${d.since}` : ''})`).join('; ');
    }
    case 'siteNaming': {
      const v = value as ProvinceRules['siteNaming']['value'];
      const parts = [v.organisationSuffix ? `organisations: “<company>${v.organisationSuffix}”` : '', v.individualPattern ? `persons: /${v.individualPattern}/` : ''].filter(Boolean);
      return parts.length ? parts.join('; ') : 'national rules only';
    }
    case 'individualToOrganisation':
    case 'unrelatedRename':
      return ROUTE[value as string] ?? String(value);
    case 'footer': {
      const v = value as ProvinceRules['footer']['value'];
      return `${v.shows === 'subject_number' ? 'subject number' : 'service number (-N)'}${v.copyrightLine ? ' + copyright line with the organisation’s name' : ''}`;
    }
    case 'nameChangeProofForms':
      return (value as string[]).map((f) => f.replace(/_/g, ' ')).join(', ');
    case 'legalRepRequiredWhenNameContains':
    case 'notes': {
      const v = value as string[];
      return v.length === 0 ? '—' : v.join('; ');
    }
    default:
      return typeof value === 'boolean' ? yesNo(value) : JSON.stringify(value);
  }
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function status(rule: Sourced<unknown>): string {
  if (rule.assumed) return 'assumption';
  return isLegacyDate(rule.lastConfirmed) ? '⚠ old source: warnings only' : '';
}

function provinceTable(rules: ProvinceRules): string[] {
  const lines = ['| axis | value | source | last confirmed | note |', '|---|---|---|---|---|'];
  for (const axis of RULE_AXES) {
    const rule = rules[axis] as Sourced<unknown>;
    const isDefault = rule === NATIONAL_DEFAULTS[axis] ? ' *(national default)*' : '';
    const note = [status(rule), rule.note ?? ''].filter(Boolean).join(' — ');
    lines.push(`| ${AXIS_LABELS[axis]} | ${cell(describe(axis, rule.value))}${isDefault} | ${cell(rule.source)} | ${rule.lastConfirmed} | ${cell(note)} |`);
  }
  return lines;
}

/** Which resources may issue filing service codes (备案服务码), and how many. */
function resourceTable(): string[] {
  const lines = [
    '| resource | mainland | paid months at least | pay-as-you-go | public bandwidth | order at least | codes | source | last confirmed | note |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const kind of RESOURCE_KINDS) {
    const r = RESOURCE_KIND_RULES[kind];
    const months = r.minPaidMonths ? `${r.minPaidMonths}${r.firstTermOnly ? ' (first purchase)' : ''}` : '—';
    const yes = (b: boolean) => (b ? 'yes' : 'no');
    lines.push(
      `| ${r.name.zh} ${r.name.en} | ${r.requiresMainland ? 'required' : '—'} | ${months} | ${yes(r.isPayAsYouGoEligible)} | ${r.requiresPublicBandwidth ? 'required' : '—'} | ${r.minOrderAmountCny === null ? '—' : `${r.minOrderAmountCny} CNY`} | ${r.codesPerResource} | ${cell(r.source)} | ${r.lastConfirmed} | ${cell(r.note ?? '')} |`,
    );
  }
  return lines;
}

/** The standards identity numbers and domains are held to: GB 11643 / GB/T 2260, GB 32100 / GB 11714, reserved suffixes. */
function identitySection(): string[] {
  const counts = countyCodeCounts();
  const pairs = Object.entries(CREDIT_CODE_AUTHORITIES).map(
    ([authority, a]) =>
      `| ${authority} | ${a.zh} ${a.en} | ${Object.entries(a.categories)
        .map(([category, c]) => `${authority}${category} ${c.zh}`)
        .join('; ')} |`,
  );
  const suffixes = RESERVED_DOMAIN_SUFFIXES.map(
    (r) =>
      `| ${r.suffixes.map((x) => `.${toUnicodeDomain(x)}`).join(' ')} | ${r.holders.zh} ${r.holders.en} | ${r.allowed.join(', ')} | ${r.conditional.length ? `${r.conditional.join(', ')} — only if ${r.condition.en} (warning)` : '—'} | ${cell(r.source)} |`,
  );
  return [
    '## Identity numbers and reserved domains',
    '',
    `- Resident ID (GB 11643): the first six digits must be a county-level GB/T 2260 code that existed — ${counts.current} in use in ${DIVISION_CODES_AS_OF} and ${counts.abolished} abolished earlier (${DIVISION_CODES_SOURCE}; \`src/rules/data/division-codes.ts\`, regenerated by \`scripts/gen-division-codes.ts\`). An abolished code is a warning (\`ID_REGION_ABOLISHED\`: numbers do not change when the map does), an unknown one an error (\`ID_NUMBER_INVALID\`). A birth date after the judgement date is impossible. A number beginning 81/82/83 filed as a resident ID gets \`ID_TYPE_IS_HMT_PERMIT\`: it is a residence permit for Hong Kong, Macau and Taiwan residents.`,
    `- Credit code (GB 32100): the 18-character check, then the registration authority + category pair (characters 1–2) must be one the standard assigns, and the organisation code (characters 9–17) must pass GB 11714's own check character (\`CREDIT_CODE_INVALID\` says which). Spaces and hyphens of any width are removed before checking, in credit codes and identity numbers alike.`,
    '',
    `Registration authority and category pairs (${cell(CREDIT_CODE_CATEGORIES_SOURCE)}):`,
    '',
    '| authority | registration authority | categories |',
    '|---|---|---|',
    ...pairs,
    '',
    'Reserved domain suffixes (`DOMAIN_SUFFIX_RESERVED`; state bodies must also use .gov.cn / .政务 and public institutions .cn / .公益, `DOMAIN_GOVERNMENT_SUFFIX`):',
    '',
    '| suffix | reserved for | may hold it | conditionally | source |',
    '|---|---|---|---|---|',
    ...suffixes,
  ];
}

function render(): string {
  const out: string[] = [
    '# Province rules (generated)',
    '',
    'Generated by `npx tsx scripts/gen-rules-doc.ts` from `src/rules/data/`; do not edit by hand.',
    'Each axis shows its value, its source (keys listed at the end), and the date the rule was last confirmed.',
    'Rules whose newest source predates 2020 and rules marked “assumption” only raise warnings in the pre-check.',
    'Where sources disagree the newer one is used and the note says what the older one claimed.',
    '',
    '## General rules',
    '',
    `- Uploads: ${MATERIAL_FILE_RULES.formats.join(', ')}; ${MATERIAL_FILE_RULES.minBytes / 1024} KB – ${MATERIAL_FILE_RULES.maxBytes / 1024 / 1024} MB; colour only (${MATERIAL_FILE_RULES.source}).`,
    '- Identity documents and licences must stay valid at least 3 months after submission (SEED-003 §1).',
    '- One domain per website since 2019-04-22 (MIIT-2019-633); organisations file in the province of their credit code.',
    `- Approved domain suffixes: ${APPROVED_SUFFIXES.filter((s) => s.status === 'approved').length} (plus ${APPROVED_SUFFIXES.filter((s) => s.status !== 'approved').length} reported but unverified); list as of 2022-08-30 — diff against https://domain.miit.gov.cn/.`,
    `- Registrars known: ${REGISTRARS.filter((r) => r.status === 'approved').map((r) => r.name).join('、')} (approved); unknown registrars only raise a warning.`,
    `- Workday calendar covers ${CALENDAR_YEARS.join(', ')} (${Object.values(HOLIDAY_SOURCES).map((s) => s.source.replace(/\s*https?:\S+/, '')).join('; ')}). The rules refuse other years; the platform's deadlines and ETAs count weekends only past the last published year, and the ETA says that year's holidays are not published yet.`,
    '',
    ...identitySection(),
    '',
    '## Service codes (备案服务码) by resource',
    '',
    'A filing needs a mainland server bought from this provider; each website or App binds a code issued from one resource. Submit checks the codes when `OPENBEIAN_REQUIRE_SERVICE_CODES` is on (the default in production).',
    '',
    ...resourceTable(),
    '',
  ];
  for (const p of PROVINCE_LIST) {
    const rules = PROVINCE_RULES[p.code as ProvinceCode];
    out.push(
      `## ${p.name} ${p.nameEn} (${p.code})`,
      '',
      `ICP prefix **${p.icpPrefix}ICP备**${p.icpPrefixLegacy.length ? ` (older numbers: ${p.icpPrefixLegacy.map((x) => `${x}ICP备`).join(', ')})` : ''} · police prefix ${p.policePrefix}公网安备 · ${p.administration} (${administrationNameEn(p)})`,
      '',
      ...provinceTable(rules),
      '',
    );
  }
  out.push('## Sources', '', '| key | source | date |', '|---|---|---|');
  for (const [key, s] of Object.entries(SOURCES)) out.push(`| ${key} | ${cell(s.title)} — ${cell(s.url)} | ${s.date} |`);
  out.push('');
  return out.join('\n');
}

const target = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
writeFileSync(target, render());
console.log(`wrote ${target}`);
