// What a filing will send, as rows a person reads (issue 12: a full summary before submitting, and what was filed
// afterwards). Pure: the page (FilingSummary.tsx) adds the face checks and the materials.
import { FIELD_TEXTS } from '../../../src/rules/field-labels.ts';
import { PROVINCES } from '../../../src/rules/data/provinces.ts';
import {
  CERTIFICATE_NAMES,
  CONTENT_TYPE_NAMES,
  ID_TYPE_NAMES,
  NATURE_NAMES,
  PLATFORM_NAMES,
  SERVICE_KIND_NAMES,
  translate,
  type Bilingual,
  type Lang,
} from '../i18n.ts';

type Person = {
  name?: string;
  idType?: string;
  idNumber?: string;
  idValidUntil?: string;
  mobile?: string;
  emergencyPhone?: string;
  email?: string;
};
type Domain = { name?: string; holder?: string; registrar?: string; realNameVerifiedOn?: string; expiresOn?: string };
type Service = {
  kind?: string;
  name?: string;
  domains?: Domain[];
  homepage?: string;
  leader?: Person | string;
  contentTypes?: string[];
  preApprovals?: string[];
  languages?: string[];
  access?: { serviceCode?: string; ips?: string[] };
  app?: { platforms?: string[]; packageName?: string; signatureMd5?: string; publicKey?: string };
  remarks?: string;
  filedNumber?: string;
};
type Subject = {
  nature?: string;
  name?: string;
  previousNames?: string[];
  certificate?: { type?: string; number?: string; validUntil?: string; address?: string };
  mailingAddress?: string;
  legalRepresentative?: string;
  leader?: Person;
};

/** One row: `isLong` values (a public key) wrap anywhere rather than widen the table. */
export type SummaryRow = { key: string; label: string; value: string; isLong?: boolean };
/** `person`: the path of the responsible person a section describes, for its face-check row. */
export type SummarySection = { key: string; title: string; rows: SummaryRow[]; person?: string };
/** `ids`: before submitting, ID numbers masked but phones whole (the SMS goes there); `all`: afterwards, both masked. */
export type Masking = 'ids' | 'all';

/** A language tag ("zh-CN") as the reader's language names it ("中文（中国）"); anything else as typed. */
export function languageName(tag: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : 'en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The same rule as the server's masks (src/core/personal-data.ts): the first 3 and the last 4 stay readable. */
export function mask(value: string | undefined): string {
  if (!value) return '—';
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/**
 * Every field of the draft that is filed, section by section: the subject, its leader, each service with its own
 * leader. Optional fields appear when filled; required ones always (a dash when empty), so a gap is seen.
 */
export function summarySections(draft: Record<string, unknown>, lang: Lang, masking: Masking): SummarySection[] {
  const label = (name: keyof typeof FIELD_TEXTS) => FIELD_TEXTS[name][lang];
  const named = (table: Record<string, Bilingual>, key: string | undefined) =>
    key && table[key] ? table[key][lang] : key || '—';
  const text = (value: string | undefined) => (value === undefined || value === '' ? '—' : value);
  const list = (values: string[] | undefined, table?: Record<string, Bilingual>) =>
    (values ?? [])
      .filter(Boolean)
      .map((v) => (table ? named(table, v) : v))
      .join('、') || '—';
  const phone = (value: string | undefined) => (masking === 'all' ? mask(value) : text(value));
  const optional = (
    key: string,
    name: keyof typeof FIELD_TEXTS,
    value: string | undefined,
    isLong = false,
  ): SummaryRow[] => (value ? [{ key, label: label(name), value, ...(isLong ? { isLong } : {}) }] : []);
  const longTerm = translate(lang, 'journey.summary.longTerm');

  const personRows = (person: Person): SummaryRow[] => [
    { key: 'name', label: label('person.name'), value: text(person.name) },
    {
      key: 'id',
      label: label('person.idNumber'),
      value: person.idType || person.idNumber ? `${named(ID_TYPE_NAMES, person.idType)} ${mask(person.idNumber)}` : '—',
    },
    { key: 'valid', label: label('person.idValidUntil'), value: person.idValidUntil || longTerm },
    { key: 'mobile', label: label('person.mobile'), value: phone(person.mobile) },
    { key: 'emergency', label: label('person.emergencyPhone'), value: phone(person.emergencyPhone) },
    { key: 'email', label: label('person.email'), value: text(person.email) },
  ];

  const subject = (draft.subject ?? {}) as Subject;
  const province = PROVINCES[draft.province as keyof typeof PROVINCES];
  const sections: SummarySection[] = [
    {
      key: 'subject',
      title: translate(lang, 'journey.summary.subject'),
      rows: [
        {
          key: 'province',
          label: label('province'),
          value: province ? (lang === 'zh' ? province.name : province.nameEn) : '—',
        },
        { key: 'nature', label: label('subject.nature'), value: named(NATURE_NAMES, subject.nature) },
        { key: 'name', label: label('subject.name'), value: text(subject.name) },
        ...optional('previous', 'subject.previousNames', subject.previousNames?.filter(Boolean).join('、')),
        {
          key: 'cert',
          label: label('subject.certificate.number'),
          value:
            `${named({ ...CERTIFICATE_NAMES, ...ID_TYPE_NAMES }, subject.certificate?.type)} ${subject.certificate?.number ?? ''}`.trim(),
        },
        {
          key: 'valid',
          label: label('subject.certificate.validUntil'),
          value: subject.certificate?.validUntil || longTerm,
        },
        { key: 'address', label: label('subject.certificate.address'), value: text(subject.certificate?.address) },
        { key: 'mailing', label: label('subject.mailingAddress'), value: text(subject.mailingAddress) },
        ...optional('legal', 'subject.legalRepresentative', subject.legalRepresentative),
      ],
    },
    { key: 'leader', title: label('subjectLeader'), rows: personRows(subject.leader ?? {}), person: 'subject.leader' },
  ];

  const services = (draft.services as Service[] | undefined) ?? [];
  services.forEach((service, i) => {
    const kind = service.kind ?? 'website';
    const isWebsite = kind === 'website';
    const domain = service.domains?.[0] ?? {};
    const ownLeader = typeof service.leader === 'object' && service.leader !== null ? service.leader : null;
    const title = `${named(SERVICE_KIND_NAMES, kind)} ${i + 1}${service.filedNumber ? ` · ${service.filedNumber}` : ''}`;
    sections.push({
      key: `service-${i}`,
      title,
      rows: [
        {
          key: 'name',
          label: isWebsite ? label('service.name') : translate(lang, 'field.app.name'),
          value: text(service.name),
        },
        isWebsite
          ? { key: 'domain', label: label('domain.name'), value: list(service.domains?.map((d) => d.name ?? '')) }
          : ({ key: 'domain', label: label('domain.name'), value: domain.name ?? '' } as SummaryRow),
        ...optional('holder', 'domain.holder', domain.holder),
        ...optional('registrar', 'domain.registrar', domain.registrar),
        ...optional('verified', 'domain.realNameVerifiedOn', domain.realNameVerifiedOn),
        ...optional('expires', 'domain.expiresOn', domain.expiresOn),
        ...(isWebsite
          ? []
          : [
              { key: 'platforms', label: label('app.platforms'), value: list(service.app?.platforms, PLATFORM_NAMES) },
              { key: 'package', label: label('app.packageName'), value: text(service.app?.packageName) },
              ...optional('signature', 'app.signatureMd5', service.app?.signatureMd5),
              ...optional('key', 'app.publicKey', service.app?.publicKey, true),
            ]),
        ...optional('homepage', 'service.homepage', service.homepage),
        { key: 'content', label: label('service.contentTypes'), value: list(service.contentTypes, CONTENT_TYPE_NAMES) },
        ...optional(
          'languages',
          'service.languages',
          service.languages
            ?.filter(Boolean)
            .map((tag) => languageName(tag, lang))
            .join('、'),
        ),
        ...optional('approvals', 'service.preApprovals', service.preApprovals?.filter(Boolean).join('、')),
        { key: 'code', label: label('access.serviceCode'), value: text(service.access?.serviceCode) },
        { key: 'ips', label: label('access.ips'), value: list(service.access?.ips) },
        ...optional('remarks', 'service.remarks', service.remarks),
        ...(ownLeader
          ? []
          : [
              {
                key: 'leader',
                label: translate(lang, 'field.serviceLeaderShort'),
                value: translate(lang, 'wizard.sameLeaderShort'),
              },
            ]),
      ].filter((row) => row.value !== ''),
    });
    if (ownLeader) {
      sections.push({
        key: `service-${i}-leader`,
        title: translate(lang, 'field.serviceLeader', { n: i + 1 }),
        rows: personRows(ownLeader),
        person: `services[${i}].leader`,
      });
    }
  });
  return sections;
}
