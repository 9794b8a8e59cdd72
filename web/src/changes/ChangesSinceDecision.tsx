import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { MATERIAL_NAMES } from '../../../src/rules/material-names.ts';
import type { MaterialKind } from '../../../src/rules/draft.ts';
import { REJECTION_REASONS, type RejectionReasonCode } from '../../../src/rules/reasons.ts';
import { call } from '../api/client.ts';
import type { ChangesSinceDecision, DecisionReason, OrderView } from '../api/types.ts';
import { formatTime, type Lang } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { describePath } from '../wizard/fields.ts';

type Field = ChangesSinceDecision['fields'][number];

/** A reason's headline: the catalogue title of a rejection code, or the reviewer's own words for a supplement item. */
function reasonTitle(reason: DecisionReason, pick: (text: { zh: string; en: string }) => string, lang: Lang): string {
  const catalogued = reason.code ? REJECTION_REASONS[reason.code as RejectionReasonCode] : undefined;
  const kind = reason.kind ? MATERIAL_NAMES[reason.kind as MaterialKind]?.[lang] : undefined;
  const head = catalogued ? pick(catalogued.title) : (kind ?? (reason.message ? pick(reason.message) : ''));
  const where = reason.path ? describePath(reason.path, lang) : '';
  const parts = [head, where && `（${where}）`, reason.note && (head ? ` — ${reason.note}` : reason.note)];
  return parts.filter(Boolean).join('');
}

const numbered = (indexes: number[]) => indexes.map((i) => i + 1);

/**
 * The reviewer's view: each field changed since the version they sent back, before and after, the fields their
 * reasons named marked; then each reason with what answers it. `data-*` attributes name rows for tests.
 */
export function ReviewerChanges({ changes }: { changes: ChangesSinceDecision }) {
  const { t, lang } = useI18n();
  const isNarrow = !Grid.useBreakpoint().md;
  const { decision, fields, materials } = changes;
  const shown = (value: string | null) =>
    value === null ? <Typography.Text type="secondary">{t('changes.empty')}</Typography.Text> : value;
  return (
    <Card title={t(`changes.title.${decision.outcome}`)} data-testid="changes-since-decision">
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text type="secondary">
          {t('changes.against', { version: decision.version, at: formatTime(decision.decidedAt, lang) })}
        </Typography.Text>
        {fields.length === 0 && materials.length === 0 && <Alert type="warning" showIcon title={t('changes.none')} />}
        {fields.length > 0 && isNarrow && (
          // On a phone each change stacks: the field, then the old value struck through, then the new one.
          <List
            size="small"
            dataSource={fields}
            renderItem={(field) => (
              <List.Item
                data-path={field.path}
                data-named={field.reasons.length > 0 ? 'true' : 'false'}
                style={field.reasons.length > 0 ? { background: '#fff7e6' } : undefined}
              >
                <Space orientation="vertical" size={0}>
                  <Space wrap size={4}>
                    <Typography.Text strong>{describePath(field.path, lang)}</Typography.Text>
                    {numbered(field.reasons).map((n) => (
                      <Tag key={n} color="orange">
                        {t('changes.named', { n })}
                      </Tag>
                    ))}
                  </Space>
                  <Typography.Text delete={field.before !== null}>{shown(field.before)}</Typography.Text>
                  <Typography.Text>→ {shown(field.after)}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
        {fields.length > 0 && !isNarrow && (
          <Table<Field>
            rowKey="path"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={fields}
            onRow={(field) => ({
              'data-path': field.path,
              'data-named': field.reasons.length > 0 ? 'true' : 'false',
              style: field.reasons.length > 0 ? { background: '#fff7e6' } : undefined,
            })}
            columns={[
              {
                title: t('changes.field'),
                render: (_: unknown, field: Field) => (
                  <Space wrap size={4}>
                    {describePath(field.path, lang)}
                    {numbered(field.reasons).map((n) => (
                      <Tag key={n} color="orange">
                        {t('changes.named', { n })}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('changes.before'),
                render: (_: unknown, field: Field) => (
                  <Typography.Text delete={field.before !== null}>{shown(field.before)}</Typography.Text>
                ),
              },
              { title: t('changes.after'), render: (_: unknown, field: Field) => <Typography.Text strong>{shown(field.after)}</Typography.Text> },
            ]}
          />
        )}
        {materials.length > 0 && (
          <div>
            <Typography.Text strong>{t('changes.materials')}</Typography.Text>
            <div style={{ marginTop: 4 }}>
              <Space wrap>
                {materials.map((m) => (
                  <Tag key={`${m.kind}-${m.at}`} color={m.reasons.length > 0 ? 'orange' : 'default'}>
                    {MATERIAL_NAMES[m.kind as MaterialKind]?.[lang] ?? m.kind} · {t(`changes.material.${m.change}`)}
                    {m.reasons.length > 0 && ` · ${numbered(m.reasons).map((n) => t('changes.named', { n })).join(' ')}`}
                  </Tag>
                ))}
              </Space>
            </div>
          </div>
        )}
        <ReasonAnswers changes={changes} />
        {changes.isMasked && <Typography.Text type="secondary">{t('changes.masked')}</Typography.Text>}
      </Space>
    </Card>
  );
}

/** Each reason of the decision with whether a change answers it, and which. */
function ReasonAnswers({ changes }: { changes: ChangesSinceDecision }) {
  const { t, pick, lang } = useI18n();
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('changes.reasons')}</Typography.Text>}
      dataSource={changes.answers}
      renderItem={(answer) => (
        <List.Item data-reason={answer.reason} data-answered={answer.isAnswered ? 'true' : 'false'}>
          <Space orientation="vertical" size={0}>
            <Space wrap size={4}>
              <Tag>{t('changes.named', { n: answer.reason + 1 })}</Tag>
              {answer.isAnswered ? (
                <Tag icon={<CheckCircleOutlined />} color="success">
                  {t('changes.answered')}
                </Tag>
              ) : (
                <Tag icon={<ExclamationCircleOutlined />} color="warning">
                  {t('changes.unanswered')}
                </Tag>
              )}
              <span>{reasonTitle(changes.decision.reasons[answer.reason] ?? {}, pick, lang)}</span>
            </Space>
            <Typography.Text type="secondary">{answeredBy(answer, lang, t)}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

function answeredBy(
  answer: ChangesSinceDecision['answers'][number],
  lang: Lang,
  t: ReturnType<typeof useI18n>['t'],
): string {
  if (!answer.isAnswered) return t('changes.notAnswered');
  const names = [
    ...answer.paths.map((p) => describePath(p, lang)),
    ...answer.materials.map((k) => MATERIAL_NAMES[k as MaterialKind]?.[lang] ?? k),
  ];
  return t('changes.answeredBy', { fields: names.join(lang === 'zh' ? '、' : ', ') });
}

/** The applicant's view: each of the reviewer's reasons with the changes that answer it; open reasons flagged. */
export function ApplicantChanges({ changes }: { changes: ChangesSinceDecision }) {
  const { t, pick, lang } = useI18n();
  const answered = changes.answers.filter((a) => a.isAnswered).length;
  const unasked = changes.fields.filter((f) => f.reasons.length === 0);
  return (
    <Card title={t('changes.applicantTitle')} data-testid="changes-for-applicant">
      <Typography.Paragraph type="secondary">
        {t('changes.summary', { answered, total: changes.answers.length })} ·{' '}
        {t('changes.against', { version: changes.decision.version, at: formatTime(changes.decision.decidedAt, lang) })}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={changes.answers}
        renderItem={(answer) => {
          const fields = changes.fields.filter((f) => f.reasons.includes(answer.reason));
          return (
            <List.Item data-reason={answer.reason} data-answered={answer.isAnswered ? 'true' : 'false'}>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  {answer.isAnswered ? (
                    <Tag icon={<CheckCircleOutlined />} color="success">
                      {t('changes.answered')}
                    </Tag>
                  ) : (
                    <Tag icon={<ExclamationCircleOutlined />} color="warning">
                      {t('changes.unanswered')}
                    </Tag>
                  )}
                  <Typography.Text strong>{reasonTitle(changes.decision.reasons[answer.reason] ?? {}, pick, lang)}</Typography.Text>
                </Space>
                {fields.map((f) => (
                  <Typography.Text key={f.path} type="secondary">
                    {describePath(f.path, lang)}：{f.before ?? t('changes.empty')} → {f.after ?? t('changes.empty')}
                  </Typography.Text>
                ))}
                {answer.materials.length > 0 && (
                  <Typography.Text type="secondary">
                    {answer.materials.map((k) => MATERIAL_NAMES[k as MaterialKind]?.[lang] ?? k).join('、')} ·{' '}
                    {t('changes.material.replaced')}
                  </Typography.Text>
                )}
                {!answer.isAnswered && (
                  // Ant Design's warning text colour is too light on white for WCAG AA: a darker amber.
                  <Typography.Text style={{ color: '#874d00' }}>{t('changes.notAnswered')}</Typography.Text>
                )}
              </Space>
            </List.Item>
          );
        }}
      />
      {unasked.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('changes.otherChanges', { fields: unasked.map((f) => describePath(f.path, lang)).join(lang === 'zh' ? '、' : ', ') })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/**
 * For the wizard, which saves as the applicant types: reads the order again whenever its version moves, so the
 * reasons → changes view follows the edits.
 */
export function LiveApplicantChanges({ orderId, version }: { orderId: string; version: number | undefined }) {
  const [changes, setChanges] = useState<ChangesSinceDecision | null>(null);
  useEffect(() => {
    let isCurrent = true;
    call('GET /api/v1/orders/{id}')<OrderView>({ params: { id: orderId } })
      .then((view) => isCurrent && setChanges(view.changesSinceDecision))
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [orderId, version]);
  return changes ? <ApplicantChanges changes={changes} /> : null;
}
