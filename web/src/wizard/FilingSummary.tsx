import { Descriptions, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { PROVINCES } from '../../../src/rules/data/provinces.ts';
import { MATERIAL_NAMES } from '../../../src/rules/material-names.ts';
import type { MaterialKind } from '../../../src/rules/draft.ts';
import type { Material, PrecheckResult } from '../api/types.ts';
import {
  CERTIFICATE_NAMES,
  CONTENT_TYPE_NAMES,
  ID_TYPE_NAMES,
  NATURE_NAMES,
  PLATFORM_NAMES,
  SERVICE_KIND_NAMES,
  type Bilingual,
} from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { describeTarget } from './fields.ts';

type Person = {
  name?: string;
  idType?: string;
  idNumber?: string;
  idValidUntil?: string;
  mobile?: string;
  emergencyPhone?: string;
  email?: string;
};
type Service = {
  kind?: string;
  name?: string;
  domains?: { name?: string; holder?: string; expiresOn?: string }[];
  homepage?: string;
  leader?: Person | string;
  contentTypes?: string[];
  access?: { serviceCode?: string; ips?: string[] };
  app?: { platforms?: string[]; packageName?: string };
  filedNumber?: string;
};
type Subject = {
  nature?: string;
  name?: string;
  certificate?: { type?: string; number?: string; validUntil?: string; address?: string };
  mailingAddress?: string;
  legalRepresentative?: string;
  leader?: Person;
};

/** The same rule as the server's masks (src/core/personal-data.ts): the first 3 and the last 4 stay readable. */
export function mask(value: string | undefined): string {
  if (!value) return '—';
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/**
 * Everything a filing will send, read-only: the subject, its leader, each service with its leader, and the
 * materials. Before submitting (`masking: 'ids'`) mobiles stay whole so a typo in the number that gets the SMS can
 * still be seen; on the order page afterwards (`'all'`) ID numbers and phones are masked.
 */
export function FilingSummary(props: {
  draft: Record<string, unknown>;
  materials: Material[];
  required: PrecheckResult['materials'] | null;
  verifiedPersons?: Set<string>;
  masking: 'ids' | 'all';
}) {
  const { t, pick, lang } = useI18n();
  const subject = (props.draft.subject ?? {}) as Subject;
  const services = (props.draft.services as Service[] | undefined) ?? [];
  const province = PROVINCES[props.draft.province as keyof typeof PROVINCES];
  const name = (table: Record<string, Bilingual>, key: string | undefined) => (key && table[key] ? pick(table[key]) : key || '—');
  const phone = (value: string | undefined) => (props.masking === 'all' ? mask(value) : value || '—');
  const text = (value: string | undefined): ReactNode => value || '—';

  const personItems = (person: Person, key: string, path: string) => [
    { key: `${key}-name`, label: t('field.person.name'), children: text(person.name) },
    {
      key: `${key}-id`,
      label: t('field.person.idNumber'),
      children: `${name(ID_TYPE_NAMES, person.idType)} ${mask(person.idNumber)}`,
    },
    {
      key: `${key}-valid`,
      label: t('field.person.idValidUntil'),
      children: person.idValidUntil || t('journey.summary.longTerm'),
    },
    { key: `${key}-mobile`, label: t('field.person.mobile'), children: phone(person.mobile) },
    { key: `${key}-emergency`, label: t('field.person.emergencyPhone'), children: phone(person.emergencyPhone) },
    { key: `${key}-email`, label: t('field.person.email'), children: text(person.email) },
    ...(props.verifiedPersons
      ? [
          {
            key: `${key}-face`,
            label: t('wizard.step.face'),
            children: props.verifiedPersons.has(path) ? (
              <Tag color="green">{t('journey.summary.faceDone')}</Tag>
            ) : (
              <Tag color="red">{t('journey.summary.faceMissing')}</Tag>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="filing-summary">
      <Descriptions
        title={t('journey.summary.subject')}
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'province',
            label: t('field.province'),
            children: province ? (lang === 'zh' ? province.name : province.nameEn) : '—',
          },
          { key: 'nature', label: t('field.subject.nature'), children: name(NATURE_NAMES, subject.nature) },
          { key: 'name', label: t('field.subject.name'), children: text(subject.name) },
          {
            key: 'cert',
            label: t('field.subject.certificate.number'),
            children: `${name({ ...CERTIFICATE_NAMES, ...ID_TYPE_NAMES }, subject.certificate?.type)} ${subject.certificate?.number ?? ''}`,
          },
          {
            key: 'valid',
            label: t('field.subject.certificate.validUntil'),
            children: subject.certificate?.validUntil || t('journey.summary.longTerm'),
          },
          { key: 'address', label: t('field.subject.certificate.address'), children: text(subject.certificate?.address) },
          { key: 'mailing', label: t('field.subject.mailingAddress'), children: text(subject.mailingAddress) },
          ...(subject.legalRepresentative
            ? [{ key: 'legal', label: t('field.subject.legalRepresentative'), children: subject.legalRepresentative }]
            : []),
        ]}
      />
      <Descriptions
        title={t('field.subjectLeader')}
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={personItems(subject.leader ?? {}, 'leader', 'subject.leader')}
      />
      {services.length === 0 && <Typography.Text type="danger">{t('journey.services.empty')}</Typography.Text>}
      {services.map((service, i) => {
        const isWebsite = (service.kind ?? 'website') === 'website';
        const leader = typeof service.leader === 'object' && service.leader !== null ? service.leader : null;
        return (
          <Descriptions
            key={i}
            title={`${name(SERVICE_KIND_NAMES, service.kind ?? 'website')} ${i + 1}${service.filedNumber ? ` · ${service.filedNumber}` : ''}`}
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'name', label: t('field.service.name'), children: text(service.name) },
              ...(isWebsite
                ? [
                    {
                      key: 'domain',
                      label: t('field.domain.name'),
                      children: text(service.domains?.map((d) => d.name).filter(Boolean).join('、')),
                    },
                    { key: 'holder', label: t('field.domain.holder'), children: text(service.domains?.[0]?.holder) },
                    { key: 'expires', label: t('field.domain.expiresOn'), children: text(service.domains?.[0]?.expiresOn) },
                  ]
                : [
                    { key: 'package', label: t('field.app.packageName'), children: text(service.app?.packageName) },
                    {
                      key: 'platforms',
                      label: t('field.app.platforms'),
                      children: (service.app?.platforms ?? []).map((p) => name(PLATFORM_NAMES, p)).join('、') || '—',
                    },
                  ]),
              {
                key: 'content',
                label: t('field.service.contentTypes'),
                children: (service.contentTypes ?? []).map((c) => name(CONTENT_TYPE_NAMES, c)).join('、') || '—',
              },
              { key: 'code', label: t('field.access.serviceCode'), children: text(service.access?.serviceCode) },
              { key: 'ips', label: t('field.access.ips'), children: text(service.access?.ips?.join('、')) },
              {
                key: 'leader',
                label: t('field.serviceLeaderShort'),
                children: leader ? `${leader.name ?? '—'} · ${mask(leader.idNumber)} · ${phone(leader.mobile)}` : t('wizard.sameLeaderShort'),
              },
            ]}
          />
        );
      })}
      <Descriptions
        title={t('wizard.step.materials')}
        bordered
        size="small"
        column={1}
        items={
          (props.required ?? []).length > 0
            ? (props.required ?? []).map((m, i) => ({
                key: `${m.kind}-${i}`,
                label: `${MATERIAL_NAMES[m.kind as MaterialKind]?.[lang] ?? m.kind}${m.appliesTo ? ` · ${describeTarget(m.appliesTo, lang)}` : ''}`,
                children: m.provided ? (
                  <Tag color="green">{t('journey.summary.provided')}</Tag>
                ) : (
                  <Tag color="red">{t('journey.summary.missing')}</Tag>
                ),
              }))
            : props.materials.map((m) => ({
                key: m.id,
                label: `${MATERIAL_NAMES[m.kind as MaterialKind]?.[lang] ?? m.kind}${m.appliesTo ? ` · ${describeTarget(m.appliesTo, lang)}` : ''}`,
                children: <Tag color="green">{t('journey.summary.provided')}</Tag>,
              }))
        }
      />
    </Space>
  );
}
