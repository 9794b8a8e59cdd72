import { Alert, Button, Card, Col, Descriptions, Grid, List, Row, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { call } from '../api/client.ts';
import type { OrderView } from '../api/types.ts';
import { LoadedView, useLoad } from '../api/useLoad.tsx';
import { ApplicantChanges } from '../changes/ChangesSinceDecision.tsx';
import { ACTOR_NAMES, formatDate, formatTime, KIND_NAMES, STATUS_NAMES } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { describePath, STEP_KEYS, stepOfPath } from '../wizard/fields.ts';
import { EDITABLE, statusColour } from './OrdersPage.tsx';
import { SmsCard } from './SmsCard.tsx';
import { FilingSummary } from '../wizard/FilingSummary.tsx';

/** The journey as the applicant sees it (SPEC §6): where the order is, what comes next and when. */
const JOURNEY = [
  'draft',
  'provider_review',
  'awaiting_regulator',
  'sms_verification',
  'regulator_review',
  'approved',
] as const;
const JOURNEY_INDEX: Record<string, number> = {
  supplement_requested: 1,
  provider_rejected: 1,
  regulator_rejected: 4,
  abandoned: 0,
};

/** While rejected (or given up after a rejection) the reasons stand; once resubmitted they are history. */
const REJECTED: readonly string[] = ['provider_rejected', 'regulator_rejected', 'abandoned'];

export function OrderPage() {
  const { id = '' } = useParams();
  const state = useLoad(() => call('GET /api/v1/orders/{id}')<OrderView>({ params: { id } }), [id]);
  return (
    <LoadedView state={state}>
      {(order) => <OrderDetails order={order} onChange={() => void state.reload()} />}
    </LoadedView>
  );
}

function OrderDetails({ order, onChange }: { order: OrderView; onChange(): void }) {
  const { t, pick, lang } = useI18n();
  const current = JOURNEY_INDEX[order.status] ?? JOURNEY.indexOf(order.status as (typeof JOURNEY)[number]);
  const isStopped = order.status.endsWith('rejected') || order.status === 'abandoned';
  const editable = EDITABLE.includes(order.status);
  const isNarrow = !Grid.useBreakpoint().md;
  // The ETA lists the current step first; the timeline already shows it as its last entry.
  const lastStatus = order.timeline.at(-1)?.status;
  const currentEta = order.eta?.steps.find((s) => s.status === order.status && s.status === lastStatus);
  const ahead = (order.eta?.steps ?? []).filter((s) => s !== currentEta);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {order.status === 'draft' && order.access === 'owner' && <HelpRequest order={order} onChange={onChange} />}
      <Card
        title={
          <Space wrap>
            {t('order.title', { number: order.number })}
            <Tag color={statusColour(order.status)} data-testid="status">
              {pick(order.statusLabel)}
            </Tag>
          </Space>
        }
        extra={
          editable && (
            <Link to={`/orders/${order.id}/edit`}>
              <Button type="primary">{order.status === 'draft' ? t('orders.continue') : t('order.fix')}</Button>
            </Link>
          )
        }
      >
        {!isNarrow && (
          <Steps
            size="small"
            current={current}
            status={isStopped ? 'error' : order.status === 'approved' ? 'finish' : 'process'}
            responsive
            items={JOURNEY.map((status) => ({ title: pick(STATUS_NAMES[status]) }))}
          />
        )}
        <Descriptions
          style={{ marginTop: 16 }}
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'kind',
              label: t('orders.kind'),
              children: order.kind ? pick(KIND_NAMES[order.kind]) : t('orders.kindPending'),
            },
            { key: 'created', label: t('orders.createdAt'), children: formatTime(order.createdAt, lang) },
            ...(order.eta
              ? [
                  {
                    key: 'eta',
                    label: t('order.eta'),
                    children: (
                      <span data-testid="eta">
                        {formatDate(order.eta.at, lang)}
                        {order.eta.isApproximate && t('order.estimate')} ·{' '}
                        {t('order.regulatorDays', { n: order.eta.regulatorWorkdays })}
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {order.eta?.calendarWarning && <Alert type="warning" showIcon title={pick(order.eta.calendarWarning)} data-testid="eta-calendar-warning" />}
        {order.status === 'provider_review' && <Alert type="info" showIcon title={t('order.inReview')} />}
        {order.status === 'awaiting_regulator' && <Alert type="info" showIcon title={t('order.awaitingRegulator')} />}
        {order.status === 'regulator_review' && (
          <Alert type="info" showIcon title={t('order.regulatorReview', { n: order.eta?.regulatorWorkdays ?? 20 })} />
        )}
      </Card>
      {order.status === 'sms_verification' && <SmsCard order={order} onConfirmed={onChange} />}
      {order.access === 'masked' && (order.maskedFields?.length ?? 0) > 0 && <MaskedFields order={order} />}
      {/* Once something changed since the order was sent back; before that the reasons below say it all. */}
      {order.changesSinceDecision &&
        (order.changesSinceDecision.fields.length > 0 || order.changesSinceDecision.materials.length > 0) && (
          <ApplicantChanges changes={order.changesSinceDecision} />
        )}
      {order.rejectReasons.length > 0 && REJECTED.includes(order.status) && (
        <Card title={<Typography.Text type="danger">{t('order.reasons')}</Typography.Text>} data-testid="reject-reasons">
          <List
            dataSource={order.rejectReasons}
            renderItem={(r) => (
              <List.Item
                actions={
                  editable && r.path
                    ? [
                        <Link key="fix" to={`/orders/${order.id}/edit?step=${stepOfPath(r.path)}`}>
                          {t('wizard.fixIn', { step: t(STEP_KEYS[stepOfPath(r.path)]!) })}
                        </Link>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      {r.path && <Tag color="red">{describePath(r.path, lang, order.materials)}</Tag>}
                      {pick(r.message)}
                    </Space>
                  }
                  description={
                    <>
                      {t('order.fixHint')}
                      {pick(r.fix)}
                      {r.note && <div>{t('order.reviewerNote', { note: r.note })}</div>}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      {order.status === 'supplement_requested' && order.supplementItems.length > 0 && (
        <Card title={t('order.supplement')}>
          <List
            dataSource={order.supplementItems}
            renderItem={(s) => (
              <List.Item>
                {s.path && <Tag>{describePath(s.path, lang, order.materials)}</Tag>}
                {s.note}
              </List.Item>
            )}
          />
        </Card>
      )}
      {order.numbers && (
        <Card title={t('order.numbers')}>
          <Typography.Paragraph copyable style={{ fontSize: 18 }} data-testid="subject-number">
            {order.numbers.subject}
          </Typography.Paragraph>
          <List
            dataSource={order.numbers.services}
            renderItem={(s) => (
              <List.Item>
                <Space wrap>
                  {s.name}
                  {s.domain && <Typography.Text type="secondary">{s.domain}</Typography.Text>}
                  <Typography.Text copyable strong>
                    {s.number}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          <Link to={`/filings/${encodeURIComponent(order.numbers.subject)}`}>
            <Button type="primary">{t('order.filingAndFooter')}</Button>
          </Link>
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('order.timeline')}>
            <Timeline
              items={[
                ...order.timeline.map((e, i) => ({
                  color: e.status.endsWith('rejected') ? 'red' : e.status === 'approved' ? 'green' : 'blue',
                  content: (
                    <>
                      <div>
                        {pick(e.label)}{' '}
                        <Typography.Text type="secondary">· {pick(ACTOR_NAMES[e.actor]) || e.actor}</Typography.Text>
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatTime(e.at, lang)}
                        {/* The step the order is in is listed once: here, with when it should be done. */}
                        {i === order.timeline.length - 1 && currentEta && (
                          <span data-testid={`eta-${currentEta.status}`}>
                            {' '}
                            · {t('order.expected')} {formatDate(currentEta.expectedBy, lang)}
                          </span>
                        )}
                      </Typography.Text>
                    </>
                  ),
                })),
                // Steps still ahead, each with the workday it should be done by (province estimate).
                ...ahead.map((s) => ({
                  color: 'gray',
                  content: (
                    <Typography.Text type="secondary" data-testid={`eta-${s.status}`}>
                      {pick(STATUS_NAMES[s.status])} · {t('order.expected')} {formatDate(s.expectedBy, lang)}
                    </Typography.Text>
                  ),
                })),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('order.whatNext')}>
            <Typography.Paragraph>{t('order.journeyHelp')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('order.smsHelp')}</Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      {order.status !== 'draft' && (
        // What was filed, as submitted (read-only; personal numbers masked), with the promise made.
        <Card title={t('journey.summary.filed')} data-testid="filed-summary">
          {order.promise.lastMade && (
            <Typography.Paragraph type="secondary" data-testid="promise-made">
              {order.promise.lastMade.isExplicit
                ? t('journey.promise.made', {
                    at: formatTime(order.promise.lastMade.at, lang),
                    title: pick(order.promise.title),
                  })
                : t('journey.promise.implied', { at: formatTime(order.promise.lastMade.at, lang) })}
            </Typography.Paragraph>
          )}
          <FilingSummary
            draft={order.draft}
            materials={order.materials}
            required={order.precheck.materials}
            masking="all"
          />
        </Card>
      )}
    </Space>
  );
}

/** Until it is submitted a draft is the applicant's alone; asking for help lets the provider's staff see it. */
function HelpRequest({ order, onChange }: { order: OrderView; onChange(): void }) {
  const { t } = useI18n();
  const [isBusy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    try {
      if (order.helpRequestedAt) await call('DELETE /api/v1/orders/{id}/help-request')({ params: { id: order.id } });
      else await call('POST /api/v1/orders/{id}/help-request')({ params: { id: order.id }, body: {} });
      onChange();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      type={order.helpRequestedAt ? 'success' : 'info'}
      showIcon
      title={order.helpRequestedAt ? t('security.help.asked') : t('security.help.explain')}
      action={
        <Button size="small" loading={isBusy} onClick={() => void toggle()}>
          {order.helpRequestedAt ? t('security.help.withdraw') : t('security.help.ask')}
        </Button>
      }
    />
  );
}

/** Staff who see the order masked open one field at a time; each opening is written to the audit log. */
function MaskedFields({ order }: { order: OrderView }) {
  const { t, lang } = useI18n();
  const [values, setValues] = useState<Record<string, string>>({});
  const reveal = async (path: string) => {
    const answer = await call('POST /api/v1/orders/{id}/reveal')<{ value: string }>({ params: { id: order.id }, body: { path } });
    setValues((current) => ({ ...current, [path]: answer.value }));
  };
  return (
    <Card title={t('security.revealHint')} size="small">
      <Descriptions
        size="small"
        column={1}
        items={(order.maskedFields ?? []).map((path) => ({
          key: path,
          label: describePath(path, lang),
          children: values[path] ?? (
            <Button size="small" onClick={() => void reveal(path)} aria-label={`${t('security.reveal')} ${describePath(path, lang)}`}>
              {t('security.reveal')}
            </Button>
          ),
        }))}
      />
    </Card>
  );
}
