import { Alert, App, Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, call, urlOf } from '../api/client.ts';
import type { OrderView, SmsResult } from '../api/types.ts';
import { useI18n } from '../lang.tsx';
import { hasDevTools, useSession } from '../session.tsx';
import { describePath } from '../wizard/fields.ts';

/**
 * An instant in the browser's own time zone, the zone named after the time, e.g. "2026年11月25日 10:00（GMT+8）".
 * Intl puts the zone where the locale says (zh-CN: between the date and the time, "25日 GMT+8 10:00"): it is moved.
 */
export function inBrowserTime(iso: string, lang: 'zh' | 'en'): string {
  // dateStyle / timeStyle cannot be combined with timeZoneName: the parts are spelled out.
  const parts = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).formatToParts(new Date(iso));
  const zone = parts.find((part) => part.type === 'timeZoneName')?.value;
  const at = parts
    .filter((part) => part.type !== 'timeZoneName')
    .map((part) => part.value)
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/,$/, '');
  if (!zone) return at;
  return lang === 'zh' ? `${at}（${zone}）` : `${at} (${zone})`;
}

type Person = { path: string; name?: string; mobile?: string };

function mobiles(draft: Record<string, unknown>): Person[] {
  const leader = ((draft.subject as { leader?: Person } | undefined)?.leader ?? {}) as Person;
  const list: Person[] = [{ ...leader, path: 'subject.leader' }];
  ((draft.services as { leader?: unknown }[] | undefined) ?? []).forEach((s, i) => {
    if (s.leader && typeof s.leader === 'object') list.push({ ...(s.leader as Person), path: `services[${i}].leader` });
  });
  // One code per mobile: a person who leads the subject and a site gets one text.
  return list.filter((p, i) => p.mobile && list.findIndex((q) => q.mobile === p.mobile) === i);
}

/**
 * The regulator's SMS check (SPEC §6 step 4): MIIT texts a 6-digit code to each responsible person's mobile, valid
 * 24 hours, five wrong tries at most. In demo mode the texts land in the dev outbox and the simulated check is here.
 */
export function SmsCard({ order, onConfirmed }: { order: OrderView; onConfirmed(): void }) {
  const { t, pick, lang } = useI18n();
  const { mode } = useSession();
  const { message } = App.useApp();
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [results, setResults] = useState<Record<string, string>>({});
  const isDemo = hasDevTools(mode);

  async function verify(mobile: string) {
    try {
      const result = await call('POST /api/v1/sim/regulator/sms-verify')<SmsResult>({
        body: { mobile, code: codes[mobile] ?? '' },
      });
      setResults((r) => ({ ...r, [mobile]: pick(result.message) }));
      message.success(pick(result.message));
      onConfirmed();
    } catch (e) {
      const error = e as ApiError;
      setResults((r) => ({
        ...r,
        [mobile]: [pick(error.bilingual), ...(error.details.fields ?? []).map((f) => pick(f.message))].join(' '),
      }));
      // A wrong code used one of the tries: show what is left (and the rejection, after the last one).
      onConfirmed();
    }
  }

  async function resend(mobile: string) {
    await call('POST /api/v1/sim/regulator/sms-resend')({ body: { mobile } })
      .then(() => message.success(t('sms.resent')))
      .catch((e: ApiError) => message.error(pick(e.bilingual)));
  }

  const check = order.sms;
  const stateOf = (mobile: string | undefined) => check?.mobiles.find((m) => m.mobile === mobile);
  return (
    <Card title={t('sms.title')}>
      <Alert
        type="warning"
        showIcon
        title={
          check ? (
            <span data-testid="sms-deadline">
              {t('journey.sms.deadline', { deadline: inBrowserTime(check.deadline, lang) })}
            </span>
          ) : (
            t('sms.what')
          )
        }
        description={t('sms.rules')}
      />
      <List
        style={{ marginTop: 12 }}
        dataSource={mobiles(order.draft)}
        renderItem={(p) => (
          <List.Item>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{p.name}</Typography.Text>
                <Typography.Text type="secondary">{describePath(p.path, lang)}</Typography.Text>
                <Typography.Text>{p.mobile}</Typography.Text>
                {stateOf(p.mobile)?.isConfirmed ? (
                  <Tag color="green">{t('journey.sms.confirmed')}</Tag>
                ) : (
                  stateOf(p.mobile) && (
                    <Tag color={stateOf(p.mobile)!.attemptsLeft <= 2 ? 'orange' : 'default'} data-testid={`sms-left-${p.mobile}`}>
                      {t('journey.sms.attemptsLeft', { n: stateOf(p.mobile)!.attemptsLeft })}
                    </Tag>
                  )
                )}
              </Space>
              {isDemo && !stateOf(p.mobile)?.isConfirmed && (
                <Space wrap>
                  <Input
                    aria-label={t('sms.codeFor', { mobile: p.mobile! })}
                    placeholder={t('sms.code')}
                    inputMode="numeric"
                    maxLength={6}
                    style={{ width: 140 }}
                    value={codes[p.mobile!] ?? ''}
                    onChange={(e) => setCodes((c) => ({ ...c, [p.mobile!]: e.target.value.replace(/\D/g, '') }))}
                  />
                  <Button
                    type="primary"
                    disabled={(codes[p.mobile!] ?? '').length !== 6}
                    onClick={() => void verify(p.mobile!)}
                  >
                    {t('sms.verify')}
                  </Button>
                  <Button onClick={() => void resend(p.mobile!)}>{t('sms.resend')}</Button>
                  <a href={urlOf('GET /api/v1/dev/outbox', {}, { to: p.mobile })} target="_blank" rel="noreferrer">
                    {t('sms.outbox')}
                  </a>
                </Space>
              )}
              {results[p.mobile!] && <Typography.Text>{results[p.mobile!]}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      {!isDemo && <Typography.Paragraph type="secondary">{t('sms.where')}</Typography.Paragraph>}
    </Card>
  );
}
