import { Space, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { ApiError } from '../api/client.ts';
import { formatTime, type MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { useSession } from '../session.tsx';
import { countdownText } from './clock.ts';
import type { TicketStatus, TicketView } from './types.ts';

const STATUS_COLOURS: Record<TicketStatus, string> = {
  open: 'blue',
  responded: 'gold',
  confirmed: 'processing',
  submitted: 'cyan',
  accepted: 'green',
  closed: 'default',
};

/** "Waiting for your confirmation" speaks to the applicant; staff read whose move it is. */
export function StatusTag({ status }: { status: TicketStatus }) {
  const { t } = useI18n();
  const { user } = useSession();
  const key = status === 'responded' && user?.role !== 'applicant' ? 'butler.status.respondedForStaff' : `butler.status.${status}`;
  return <Tag color={STATUS_COLOURS[status]}>{t(key as MessageKey)}</Tag>;
}

/**
 * The clock running on a ticket — which promise, by when, and how long is left or how long overdue, counted on the
 * server's clock — or how the last one ended.
 */
export function ClockCell({ ticket, now }: { ticket: TicketView; now: number }) {
  const { t, lang } = useI18n();
  const running = ticket.clocks.find((c) => c.isRunning);
  if (!running) {
    const last = ticket.clocks.at(-1);
    if (!last?.metAt) return <Typography.Text type="secondary">{t('butler.clock.none')}</Typography.Text>;
    const clock = t(`butler.clock.${last.kind}` as MessageKey);
    return <Typography.Text type="secondary">{t(last.wasLate ? 'butler.clock.metLate' : 'butler.clock.met', { clock })}</Typography.Text>;
  }
  const left = countdownText(running.dueAt, now, lang);
  return (
    <Space orientation="vertical" size={2}>
      <Typography.Text style={{ fontSize: 12 }}>
        {t('butler.clock.dueBy', { clock: t(`butler.clock.${running.kind}` as MessageKey), time: formatTime(running.dueAt, lang) })}
      </Typography.Text>
      <Tag color={left.isOverdue ? 'red' : 'blue'} data-testid="clock-tag">
        {left.text}
      </Tag>
    </Space>
  );
}

/**
 * Puts each field problem of a refusal under its own input ("body.taxNumber" → the taxNumber field), without the
 * path the API's sentence starts with. Says whether any landed on a field.
 */
export function showFieldErrors(form: FormInstance, error: ApiError, pick: (text: { zh: string; en: string }) => string): boolean {
  const names = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = (error.details.fields ?? [])
    .map((f) => ({ name: f.path.replace(/^body\./, ''), errors: [pick(f.message).replace(/^[\w.[\]]+[：:]\s*/, '')] }))
    .filter((f) => names.has(f.name));
  form.setFields(fields);
  return fields.length > 0;
}
