import { PhoneOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../api/client.ts';
import type { OrderView } from '../api/types.ts';
import { CALL_OUTCOME_NAMES, formatTime } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { describePath } from '../wizard/fields.ts';
import { getAt } from '../wizard/paths.ts';
import { responsiblePersons } from '../wizard/FaceStep.tsx';

const OUTCOMES = ['answered', 'missed', 'wrong_number', 'refused'] as const;
type Person = { name?: string; idNumber?: string; mobile?: string; emergencyPhone?: string; email?: string };

/**
 * The reviewer phones each responsible person (SPEC §12): the outcome of every call is recorded, and two missed
 * calls end in a rejection (PHONE_UNREACHABLE) by the server.
 */
export function PeopleCalls({ order, isActive, onChange }: { order: OrderView; isActive: boolean; onChange(): void }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  async function record(person: string, outcome: (typeof OUTCOMES)[number]) {
    setBusy(`${person}:${outcome}`);
    try {
      await call('POST /api/v1/review/{id}/calls')({ params: { id: order.id }, body: { person, outcome } });
      message.success(t('review.callRecorded', { outcome: pick(CALL_OUTCOME_NAMES[outcome]) }));
    } catch (e) {
      message.error(pick((e as ApiError).bilingual));
    } finally {
      setBusy(null);
      onChange();
    }
  }

  return (
    <Card title={t('review.people')}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {responsiblePersons(order.draft).map(({ path }) => {
          const person = (getAt(order.draft, path) ?? {}) as Person;
          const face = order.faceVerifications.filter((f) => f.person === path);
          const passed = face.some((f) => f.outcome === 'passed');
          const calls = order.calls.filter((c) => c.person === path);
          return (
            <div key={path}>
              <Space wrap style={{ marginBottom: 8 }}>
                <Typography.Text strong>{describePath(path, lang)}</Typography.Text>
                <Tag color={passed ? 'green' : 'red'}>{passed ? t('face.verified') : t('face.pending')}</Tag>
              </Space>
              <Descriptions
                size="small"
                bordered
                column={1}
                items={[
                  { key: 'name', label: t('field.person.name'), children: person.name ?? '—' },
                  { key: 'id', label: t('field.person.idNumber'), children: person.idNumber ?? '—' },
                  { key: 'mobile', label: t('field.person.mobile'), children: person.mobile ?? '—' },
                  { key: 'emergency', label: t('field.person.emergencyPhone'), children: person.emergencyPhone ?? '—' },
                  { key: 'email', label: t('field.person.email'), children: person.email ?? '—' },
                ]}
              />
              <Space wrap style={{ marginTop: 8 }}>
                <PhoneOutlined aria-hidden />
                {OUTCOMES.map((outcome) => (
                  <Button
                    key={outcome}
                    size="small"
                    disabled={!isActive}
                    danger={outcome !== 'answered'}
                    type={outcome === 'answered' ? 'primary' : 'default'}
                    ghost={outcome === 'answered'}
                    loading={busy === `${path}:${outcome}`}
                    onClick={() => void record(path, outcome)}
                  >
                    {pick(CALL_OUTCOME_NAMES[outcome])}
                  </Button>
                ))}
              </Space>
              {calls.length > 0 && (
                <div style={{ marginTop: 6 }}>
                  {calls.map((c, i) => (
                    <Tag key={i} color={c.outcome === 'answered' ? 'green' : 'orange'}>
                      {pick(CALL_OUTCOME_NAMES[c.outcome]) || c.outcome} · {formatTime(c.at, lang)}
                    </Tag>
                  ))}
                </div>
              )}
            </div>
          );
        })}
      </Space>
    </Card>
  );
}
