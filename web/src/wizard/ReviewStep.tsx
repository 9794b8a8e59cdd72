import { Alert, Button, Descriptions, List, Space, Tag, Typography } from 'antd';
import { PROVINCES } from '../../../src/rules/data/provinces.ts';
import type { ApiError, Finding } from '../api/client.ts';
import type { Material, PrecheckResult } from '../api/types.ts';
import { CERTIFICATE_NAMES, ID_TYPE_NAMES, NATURE_NAMES, SERVICE_KIND_NAMES } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { responsiblePersons } from './FaceStep.tsx';
import { describePath, STEP_KEYS, stepOfFinding } from './fields.ts';

type Draft = Record<string, unknown>;
type PersonData = { name?: string; idType?: string; idNumber?: string; mobile?: string; email?: string };
type ServiceData = {
  kind?: string;
  name?: string;
  domains?: { name?: string }[];
  leader?: PersonData | string;
  access?: { serviceCode?: string; ips?: string[] };
};

const SEVERITY_COLOUR = { error: 'red', warning: 'orange', info: 'blue' } as const;

/** Findings as a list a person can act on: what, where, and a link to the step that fixes it. */
export function FindingList({
  findings,
  materials,
  go,
}: {
  findings: Finding[];
  materials: Material[];
  go?(step: number): void;
}) {
  const { t, pick, lang } = useI18n();
  if (findings.length === 0) return null;
  return (
    <List
      size="small"
      bordered
      dataSource={findings}
      renderItem={(f) => (
        <List.Item
          actions={
            go
              ? [
                  <Button key="go" type="link" size="small" onClick={() => go(stepOfFinding(f))}>
                    {t('wizard.fixIn', { step: t(STEP_KEYS[stepOfFinding(f)]!) })}
                  </Button>,
                ]
              : []
          }
        >
          <Space wrap size={4} align="start">
            <Tag color={SEVERITY_COLOUR[f.severity]}>{t(`severity.${f.severity}`)}</Tag>
            <Typography.Text strong>{describePath(f.path, lang, materials)}</Typography.Text>
            <span>{pick(f.message)}</span>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** Step 6: everything at a glance, what still blocks submission, and the submit button. */
export function ReviewStep(props: {
  draft: Draft;
  precheck: PrecheckResult | null;
  isChecked: boolean;
  materials: Material[];
  verifiedPersons: number;
  submitError: ApiError | null;
  go(step: number): void;
}) {
  const { t, pick, lang } = useI18n();
  const { draft, precheck } = props;
  const subject = (draft.subject ?? {}) as {
    nature?: string;
    name?: string;
    certificate?: { type?: string; number?: string };
    leader?: PersonData;
  };
  const services = (draft.services as ServiceData[] | undefined) ?? [];
  const province = PROVINCES[draft.province as keyof typeof PROVINCES];
  const findings = precheck?.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error');
  const name = (table: Record<string, { zh: string; en: string }>, key: string | undefined) =>
    key && table[key] ? pick(table[key]) : '—';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Descriptions
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
          { key: 'name', label: t('field.subject.name'), children: subject.name || '—' },
          {
            key: 'cert',
            label: t('field.subject.certificate.number'),
            children: `${name({ ...CERTIFICATE_NAMES, ...ID_TYPE_NAMES }, subject.certificate?.type)} ${subject.certificate?.number ?? ''}`,
          },
          {
            key: 'leader',
            label: t('field.subjectLeader'),
            children: `${subject.leader?.name ?? '—'} · ${subject.leader?.mobile ?? ''}`,
          },
          {
            key: 'materials',
            label: t('wizard.step.materials'),
            children: t('materials.progress', {
              done: (precheck?.materials ?? []).filter((m) => m.provided).length,
              total: precheck?.materials.length ?? 0,
            }),
          },
          {
            key: 'face',
            label: t('wizard.step.face'),
            children: t('wizard.faceProgress', {
              done: props.verifiedPersons,
              total: responsiblePersons(draft).length,
            }),
          },
          ...services.map((s, i) => ({
            key: `service-${i}`,
            label: `${name(SERVICE_KIND_NAMES, s.kind)} ${i + 1}`,
            children: `${s.name ?? '—'} · ${s.domains?.[0]?.name ?? s.access?.ips?.[0] ?? ''}${typeof s.leader === 'object' ? ` · ${s.leader.name ?? ''}` : ''}`,
          })),
        ]}
      />
      {!precheck || !props.isChecked ? (
        <Alert type="info" showIcon title={t('wizard.checking')} />
      ) : errors.length === 0 ? (
        <Alert
          type="success"
          showIcon
          title={t('wizard.ready')}
          description={findings.length ? t('wizard.readyWithWarnings', { n: findings.length }) : undefined}
        />
      ) : (
        <Alert type="warning" showIcon title={t('wizard.notReady', { n: errors.length })} />
      )}
      <FindingList findings={findings} materials={props.materials} go={props.go} />
      {props.submitError && (
        <Alert
          type="error"
          showIcon
          title={pick(props.submitError.bilingual)}
          description={
            <FindingList
              findings={props.submitError.details.findings ?? []}
              materials={props.materials}
              go={props.go}
            />
          }
        />
      )}
    </Space>
  );
}
