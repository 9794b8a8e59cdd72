import { Descriptions, Space, Tag, Typography } from 'antd';
import { MATERIAL_NAMES } from '../../../src/rules/material-names.ts';
import type { MaterialKind } from '../../../src/rules/draft.ts';
import type { Material, PrecheckResult } from '../api/types.ts';
import { useI18n } from '../lang.tsx';
import { describeTarget } from './fields.ts';
import { summarySections, type Masking } from './summary.ts';

export { mask } from './summary.ts';

/**
 * Everything a filing will send, read-only (summary.ts): the subject, its leader, each service with its own leader,
 * and the materials. Before submitting (`masking: 'ids'`) mobiles stay whole so a typo in the number that gets the
 * SMS can still be seen; on the order page afterwards (`'all'`) ID numbers and phones are masked.
 */
export function FilingSummary(props: {
  draft: Record<string, unknown>;
  materials: Material[];
  required: PrecheckResult['materials'] | null;
  verifiedPersons?: Set<string>;
  masking: Masking;
}) {
  const { t, lang } = useI18n();
  const sections = summarySections(props.draft, lang, props.masking);
  const services = (props.draft.services as unknown[] | undefined) ?? [];
  const faceRow = (person: string) =>
    props.verifiedPersons
      ? [
          {
            key: 'face',
            label: t('wizard.step.face'),
            children: props.verifiedPersons.has(person) ? (
              <Tag color="green">{t('journey.summary.faceDone')}</Tag>
            ) : (
              <Tag color="red">{t('journey.summary.faceMissing')}</Tag>
            ),
          },
        ]
      : [];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="filing-summary">
      {sections.map((section) => (
        <Descriptions
          key={section.key}
          title={section.title}
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            ...section.rows.map((row) => ({
              key: row.key,
              label: row.label,
              children: row.isLong ? <span style={{ wordBreak: 'break-all' }}>{row.value}</span> : row.value,
            })),
            ...(section.person ? faceRow(section.person) : []),
          ]}
        />
      ))}
      {services.length === 0 && <Typography.Text type="danger">{t('journey.services.empty')}</Typography.Text>}
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
