import { ClockCircleOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, Card, Checkbox, Descriptions, Grid, List, Progress, Space, Steps, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, call } from '../api/client.ts';
import { LoadedView, useLoad } from '../api/useLoad.tsx';
import { ACTOR_NAMES, formatTime, type MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { useSession } from '../session.tsx';
import { countdownText, responseWords, useServerNow } from './clock.ts';
import { InvoiceCard } from './InvoiceCard.tsx';
import { StatusTag } from './parts.tsx';
import { TicketActions } from './TicketActions.tsx';
import type { TicketDetail, TicketEvent, TicketStatus } from './types.ts';

const JOURNEY: TicketStatus[] = ['open', 'responded', 'confirmed', 'submitted', 'accepted'];

/** /butler/tickets/:id — one request, for its customer or for the butler. */
export function TicketPage() {
  const { id = '' } = useParams();
  const state = useLoad(() => call('GET /api/v1/butler/tickets/{id}')<TicketDetail>({ params: { id } }), [id]);
  return <LoadedView state={state}>{(ticket) => <TicketDetails ticket={ticket} onChange={() => void state.reload()} />}</LoadedView>;
}

function TicketDetails({ ticket, onChange }: { ticket: TicketDetail; onChange(): void }) {
  const { t, pick, lang } = useI18n();
  const { user } = useSession();
  const isOwner = user?.role === 'applicant';
  const isNarrow = !Grid.useBreakpoint().md;
  const now = useServerNow(ticket.now);
  // The steps done; the next one is in progress (or, on a closed ticket, the one that never happened).
  const reached = ticket.acceptedAt ? 4 : ticket.submittedAt ? 3 : ticket.confirmedAt ? 2 : ticket.respondedAt ? 1 : 0;
  const time = (iso: string | null) => (iso ? formatTime(iso, lang) : '—');

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space wrap>
            {t('butler.ticket.title', { number: ticket.number })}
            <StatusTag status={ticket.status} />
          </Space>
        }
        extra={<Link to="/butler">{t('butler.ticket.back')}</Link>}
      >
        <Steps
          size="small"
          orientation={isNarrow ? 'vertical' : 'horizontal'}
          current={ticket.status === 'accepted' ? reached : Math.min(reached + 1, JOURNEY.length - 1)}
          status={ticket.status === 'closed' ? 'error' : ticket.status === 'accepted' ? 'finish' : 'process'}
          items={JOURNEY.map((status) => ({ title: t(`butler.steps.${status}` as MessageKey) }))}
        />
        <div style={{ marginTop: 16 }}>
          <ClockPanel ticket={ticket} now={now} isOwner={isOwner} />
        </div>
        <Descriptions
          style={{ marginTop: 16 }}
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'service', label: t('butler.col.service'), children: t(`butler.service.${ticket.service}` as MessageKey) },
            { key: 'mobile', label: t('butler.col.mobile'), children: <a href={`tel:${ticket.contactMobile}`}>{ticket.contactMobile}</a> },
            ...(ticket.applicant ? [{ key: 'applicant', label: t('butler.col.applicant'), children: ticket.applicant }] : []),
            { key: 'note', label: t('butler.new.note'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{ticket.note}</span> },
            ...(ticket.isp
              ? [
                  {
                    key: 'isp',
                    label: t('butler.ticket.isp'),
                    children: t('butler.ticket.ispValue', {
                      scope: t(`butler.isp.scope.${ticket.isp.scope}` as MessageKey),
                      capital: lang === 'zh' ? (ticket.isp.registeredCapitalCny / 10_000).toLocaleString('zh-CN') : ticket.isp.registeredCapitalCny.toLocaleString('en-GB'),
                    }),
                  },
                ]
              : []),
            { key: 'opened', label: t('butler.ticket.openedAt'), children: time(ticket.openedAt) },
            { key: 'responded', label: t('butler.ticket.respondedAt'), children: time(ticket.respondedAt) },
            { key: 'confirmed', label: t('butler.ticket.confirmedAt'), children: time(ticket.confirmedAt) },
            ...(ticket.materialsDueAt ? [{ key: 'materials', label: t('butler.ticket.materialsDueAt'), children: time(ticket.materialsDueAt) }] : []),
            ...(ticket.submittedAt ? [{ key: 'submitted', label: t('butler.ticket.submittedAt'), children: time(ticket.submittedAt) }] : []),
            ...(ticket.acceptedAt ? [{ key: 'accepted', label: t('butler.ticket.acceptedAt'), children: time(ticket.acceptedAt) }] : []),
            ...(ticket.closedAt
              ? [
                  { key: 'closed', label: t('butler.ticket.closedAt'), children: time(ticket.closedAt) },
                  { key: 'reason', label: t('butler.ticket.closeReason'), children: ticket.closeReason ?? '—' },
                ]
              : []),
            { key: 'refund', label: t('butler.ticket.refund'), children: t(ticket.isRefundable ? 'butler.ticket.refundable' : 'butler.ticket.notRefundable') },
          ]}
        />
        {ticket.actions.length > 0 && (
          <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
            {ticket.actions.includes('confirm') && (
              <Alert type="warning" showIcon title={t('butler.confirm.noRefund')} description={pick(ticket.noRefundNotice)} data-testid="no-refund-notice" />
            )}
            <TicketActions ticket={ticket} isOwner={isOwner} onChanged={onChange} />
          </Space>
        )}
      </Card>
      {ticket.checklist.length > 0 && <ChecklistCard ticket={ticket} onChange={onChange} />}
      {(isOwner ? ticket.confirmedAt !== null : ticket.invoiceRequests.length > 0) && (
        <InvoiceCard ticket={ticket} canRequest={isOwner} onChange={onChange} />
      )}
      <Card title={t('butler.ticket.history')}>
        <Timeline items={ticket.timeline.map((event) => ({ color: colourOf(event), content: <EventLine event={event} ticket={ticket} /> }))} />
      </Card>
    </Space>
  );
}

/** When the butler calls (in words, and counting down on the server's clock), or how the materials clock stands. */
function ClockPanel({ ticket, now, isOwner }: { ticket: TicketDetail; now: number; isOwner: boolean }) {
  const { t, lang, pick } = useI18n();
  if (!Number.isFinite(now)) return null;
  if (ticket.status === 'open') {
    const left = countdownText(ticket.firstResponseDueAt, now, lang);
    return (
      <Alert
        type={left.isOverdue ? 'warning' : 'info'}
        showIcon
        icon={<PhoneOutlined />}
        title={
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="response-words">
            {left.isOverdue ? t('butler.due.overdue') : responseWords(ticket.firstResponseDueAt, now, lang)}
          </Typography.Text>
        }
        description={
          <Space orientation="vertical" size={2}>
            <Typography.Text strong type={left.isOverdue ? 'danger' : undefined} data-testid="countdown">
              <ClockCircleOutlined /> {left.text}
            </Typography.Text>
            {ticket.openedOutsideBusinessHours && !left.isOverdue && <span>{t('butler.due.outside')}</span>}
            {ticket.calendarWarning && <span data-testid="calendar-warning">{pick(ticket.calendarWarning)}</span>}
            {isOwner && <span>{t('butler.due.keepPhone', { mobile: ticket.contactMobile })}</span>}
          </Space>
        }
      />
    );
  }
  const materials = ticket.clocks.find((clock) => clock.kind === 'materials');
  if (ticket.status === 'confirmed' && materials) {
    const left = countdownText(materials.dueAt, now, lang);
    return (
      <Alert
        type={left.isOverdue ? 'warning' : 'info'}
        showIcon
        title={t('butler.materials.due', { time: formatTime(materials.dueAt, lang) })}
        description={
          <Space orientation="vertical" size={2}>
            <Typography.Text strong type={left.isOverdue ? 'danger' : undefined} data-testid="countdown">
              <ClockCircleOutlined /> {left.text}
            </Typography.Text>
            {ticket.calendarWarning && <span data-testid="calendar-warning">{pick(ticket.calendarWarning)}</span>}
          </Space>
        }
      />
    );
  }
  if (ticket.respondedAt && ticket.status === 'responded') {
    return <Alert type="success" showIcon title={t('butler.due.called', { time: formatTime(ticket.respondedAt, lang) })} />;
  }
  return null;
}

function colourOf(event: TicketEvent): string {
  if (event.action === 'clock_expired' || event.to === 'closed') return 'red';
  if (event.to === 'accepted') return 'green';
  return event.action === 'checklist' || event.action === 'invoice_request' ? 'gray' : 'blue';
}

function EventLine({ event, ticket }: { event: TicketEvent; ticket: TicketDetail }) {
  const { t, pick, lang } = useI18n();
  const state = (done: boolean | null) => t(done ? 'butler.checklist.done' : 'butler.checklist.notDone');
  const text =
    event.action === 'transition' && event.to
      ? t(event.to === 'closed' ? 'butler.status.closed' : (`butler.steps.${event.to}` as MessageKey))
      : event.action === 'clock_expired'
        ? t('butler.event.clock_expired', { clock: t(`butler.clock.${event.subject ?? 'first_response'}` as MessageKey) })
        : event.action === 'checklist'
          ? t('butler.event.checklist', { item: pick(ticket.checklist.find((i) => i.key === event.subject)?.title) || (event.subject ?? ''), state: state(event.done) })
          : event.action === 'invoice_request'
            ? t('butler.event.invoice_request')
            : t('butler.event.open');
  return (
    <>
      <div>
        {text} <Typography.Text type="secondary">· {pick(ACTOR_NAMES[event.actorRole]) || event.actorRole}</Typography.Text>
      </div>
      {event.note && <div style={{ whiteSpace: 'pre-wrap' }}>{event.note}</div>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatTime(event.at, lang)}
      </Typography.Text>
    </>
  );
}

/** The ISP licence requirements, ticked by the customer or the butler, each with who ticked it and when. */
function ChecklistCard({ ticket, onChange }: { ticket: TicketDetail; onChange(): void }) {
  const { t, pick, lang } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const isFinished = ticket.status === 'accepted' || ticket.status === 'closed';
  const done = ticket.checklist.filter((item) => item.done).length;
  const tick = (key: string, value: boolean) => {
    setBusy(key);
    setError(null);
    call('PUT /api/v1/butler/tickets/{id}/checklist/{key}')<TicketDetail>({ params: { id: ticket.id, key }, body: { done: value } })
      .then(onChange)
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) })))
      .finally(() => setBusy(null));
  };
  return (
    <Card title={t('butler.checklist.title')} extra={<Typography.Text>{t('butler.checklist.progress', { done, total: ticket.checklist.length })}</Typography.Text>}>
      <Typography.Paragraph type="secondary">{t('butler.checklist.help')}</Typography.Paragraph>
      <Progress percent={Math.round((done / ticket.checklist.length) * 100)} size="small" aria-label={t('butler.checklist.progress', { done, total: ticket.checklist.length })} />
      {error && <Alert type="error" showIcon role="alert" title={pick(error.details.fields?.[0]?.message ?? error.bilingual)} />}
      <List
        dataSource={ticket.checklist}
        renderItem={(item) => (
          <List.Item>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Checkbox checked={item.done} disabled={isFinished || busy !== null} onChange={(e) => tick(item.key, e.target.checked)} data-testid={`checklist-${item.key}`}>
                <Typography.Text strong>{pick(item.title)}</Typography.Text>
              </Checkbox>
              <Typography.Text type="secondary" style={{ paddingLeft: 24 }}>
                {pick(item.detail)}
              </Typography.Text>
              {item.tickedBy && item.tickedAt && (
                <Typography.Text type="secondary" style={{ paddingLeft: 24, fontSize: 12 }}>
                  {t('butler.checklist.ticked', {
                    name: item.tickedBy.name,
                    role: pick(ACTOR_NAMES[item.tickedBy.role]) || item.tickedBy.role,
                    time: formatTime(item.tickedAt, lang),
                    state: t(item.done ? 'butler.checklist.done' : 'butler.checklist.notDone'),
                  })}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

