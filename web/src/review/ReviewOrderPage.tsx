import { CheckOutlined, CloseOutlined, FileAddOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PROVINCES } from '../../../src/rules/data/provinces.ts';
import { ApiError, call } from '../api/client.ts';
import type { OrderView } from '../api/types.ts';
import { LoadedView, useLoad } from '../api/useLoad.tsx';
import { ReviewerChanges } from '../changes/ChangesSinceDecision.tsx';
import {
  CERTIFICATE_NAMES,
  CONTENT_TYPE_NAMES,
  ID_TYPE_NAMES,
  KIND_NAMES,
  NATURE_NAMES,
  SERVICE_KIND_NAMES,
  STATUS_NAMES,
} from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { FindingList } from '../wizard/ReviewStep.tsx';
import { DecisionDialog, type Decision, type DecisionBody } from './DecisionDialog.tsx';
import { isTyping } from './keys.ts';
import { MaterialEvidence } from './MaterialEvidence.tsx';
import { PeopleCalls } from './PeopleCalls.tsx';
import { countdown, useQueue, useServerNow } from './ReviewQueuePage.tsx';

type Service = {
  kind?: string;
  name?: string;
  domains?: { name?: string; holder?: string; realNameVerifiedOn?: string; expiresOn?: string }[];
  access?: { serviceCode?: string; ips?: string[] };
  contentTypes?: string[];
  leader?: unknown;
};

/** One order under provider review: the data beside the materials, calls, and the decision with keyboard shortcuts. */
export function ReviewOrderPage() {
  const { id = '' } = useParams();
  const state = useLoad(() => call('GET /api/v1/orders/{id}')<OrderView>({ params: { id } }), [id]);
  useEffect(() => {
    // Taking the order tells other reviewers someone is on it; staff without the right still read it.
    void call('POST /api/v1/review/{id}/claim')({ params: { id } }).catch(() => undefined);
  }, [id]);
  return (
    <LoadedView state={state}>{(order) => <ReviewOrder order={order} reload={() => void state.reload()} />}</LoadedView>
  );
}

function ReviewOrder({ order, reload }: { order: OrderView; reload(): void }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queue = useQueue();
  const now = useServerNow();
  const [dialog, setDialog] = useState<Decision | null>(null);
  const [isBusy, setBusy] = useState(false);
  const isActive = order.status === 'provider_review';
  const position = queue.items.findIndex((item) => item.id === order.id);
  const neighbour = (step: 1 | -1) =>
    queue.items[(position === -1 ? (step === 1 ? -1 : queue.items.length) : position) + step];
  const open = useCallback(
    (target: { id: string } | undefined) => target && navigate(`/review/${target.id}${queue.suffix}`),
    [navigate, queue.suffix],
  );

  const decide = useCallback(
    async (decision: 'approve' | Decision, body: DecisionBody | Record<string, never> = {}) => {
      if (!isActive || isBusy) return;
      setBusy(true);
      const headers = { 'if-match': String(order.version) };
      try {
        if (decision === 'approve')
          await call('POST /api/v1/review/{id}/approve')({ params: { id: order.id }, body: {}, headers });
        else if (decision === 'reject')
          await call('POST /api/v1/review/{id}/reject')({
            params: { id: order.id },
            body: body as { reasons: { code: string }[] },
            headers,
          });
        else
          await call('POST /api/v1/review/{id}/request-supplement')({
            params: { id: order.id },
            body: body as { items: { note: string }[] },
            headers,
          });
        message.success(
          t(
            decision === 'approve'
              ? 'review.approved'
              : decision === 'reject'
                ? 'review.rejected'
                : 'review.supplemented',
            { number: order.number },
          ),
        );
        setDialog(null);
        // On to the next order in the queue, as a reviewer works through it.
        const next = queue.items[position + 1] ?? (position > 0 ? queue.items[position - 1] : undefined);
        if (next && next.id !== order.id) open(next);
        else navigate(`/review${queue.suffix}`);
      } catch (e) {
        message.error(pick((e as ApiError).bilingual));
        reload();
      } finally {
        setBusy(false);
      }
    },
    [isActive, isBusy, order, message, t, pick, queue.items, queue.suffix, position, open, navigate, reload],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (dialog || isTyping(event)) return;
      const key = event.key.toLowerCase();
      if (key === 'a') void decide('approve');
      else if (key === 'r' && isActive) setDialog('reject');
      else if (key === 's' && isActive) setDialog('supplement');
      else if (key === 'j') open(neighbour(1));
      else if (key === 'k') open(neighbour(-1));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const draft = order.draft as { province?: string; subject?: Record<string, unknown>; services?: Service[] };
  const subject = draft.subject ?? {};
  const certificate = (subject.certificate ?? {}) as Record<string, string>;
  const province = PROVINCES[draft.province as keyof typeof PROVINCES];
  const sla = countdown(order.slaDueAt, now, lang);
  const name = (table: Record<string, { zh: string; en: string }>, key: unknown) =>
    typeof key === 'string' && table[key] ? pick(table[key]) : typeof key === 'string' ? key : '—';

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space wrap>
            {order.number}
            <Tag color="blue">{order.kind ? pick(KIND_NAMES[order.kind]) : '—'}</Tag>
            <Tag color={isActive ? 'processing' : 'default'}>{pick(STATUS_NAMES[order.status]) || order.status}</Tag>
            {isActive && <Tag color={sla.isOverdue ? 'red' : 'gold'}>{sla.text}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button
              icon={<LeftOutlined />}
              disabled={!neighbour(-1)}
              onClick={() => open(neighbour(-1))}
              aria-label={t('review.previous')}
            >
              K
            </Button>
            <Button
              icon={<RightOutlined />}
              disabled={!neighbour(1)}
              onClick={() => open(neighbour(1))}
              aria-label={t('review.next')}
            >
              J
            </Button>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={!isActive}
            loading={isBusy && !dialog}
            onClick={() => void decide('approve')}
          >
            {t('review.approve')} (A)
          </Button>
          <Button danger icon={<CloseOutlined />} disabled={!isActive} onClick={() => setDialog('reject')}>
            {t('review.reject')} (R)
          </Button>
          <Button icon={<FileAddOutlined />} disabled={!isActive} onClick={() => setDialog('supplement')}>
            {t('review.supplement')} (S)
          </Button>
        </Space>
        <div>
          <Typography.Text type="secondary" data-testid="shortcut-hint">
            {t('review.keys')}
            {position >= 0 && ` · ${t('review.position', { n: position + 1, total: queue.items.length })}`}
          </Typography.Text>
        </div>
        {!isActive && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={t('review.notActive', { status: pick(STATUS_NAMES[order.status]) || order.status })}
          />
        )}
      </Card>
      {order.changesSinceDecision && <ReviewerChanges changes={order.changesSinceDecision} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <Card title={t('review.subject')}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  {
                    key: 'province',
                    label: t('field.province'),
                    children: province ? (lang === 'zh' ? province.name : province.nameEn) : '—',
                  },
                  { key: 'nature', label: t('field.subject.nature'), children: name(NATURE_NAMES, subject.nature) },
                  { key: 'name', label: t('field.subject.name'), children: String(subject.name ?? '—') },
                  {
                    key: 'type',
                    label: t('field.subject.certificate.type'),
                    children: name({ ...CERTIFICATE_NAMES, ...ID_TYPE_NAMES }, certificate.type),
                  },
                  { key: 'number', label: t('field.subject.certificate.number'), children: certificate.number ?? '—' },
                  {
                    key: 'valid',
                    label: t('field.subject.certificate.validUntil'),
                    children: certificate.validUntil ?? t('review.longTerm'),
                  },
                  {
                    key: 'address',
                    label: t('field.subject.certificate.address'),
                    children: certificate.address ?? '—',
                  },
                  {
                    key: 'mailing',
                    label: t('field.subject.mailingAddress'),
                    children: String(subject.mailingAddress ?? '—'),
                  },
                  {
                    key: 'legal',
                    label: t('field.subject.legalRepresentative'),
                    children: String(subject.legalRepresentative ?? '—'),
                  },
                ]}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <Card title={t('review.precheck')}>
              {order.precheck.findings.length === 0 ? (
                <Alert type="success" showIcon title={t('review.precheckClean')} />
              ) : (
                <FindingList findings={order.precheck.findings} materials={order.materials} />
              )}
            </Card>
            <PeopleCalls order={order} isActive={isActive} onChange={reload} />
          </Space>
        </Col>
        <Col xs={24}>
          <MaterialEvidence order={order} />
        </Col>
      </Row>
      <Card title={t('review.services')}>
        <Table
          rowKey={(_, i) => String(i)}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={draft.services ?? []}
          columns={[
            { title: t('field.service.kind'), dataIndex: 'kind', render: (k: string) => name(SERVICE_KIND_NAMES, k) },
            { title: t('field.service.name'), dataIndex: 'name' },
            { title: t('field.domain.name'), render: (_: unknown, s: Service) => s.domains?.[0]?.name ?? '—' },
            { title: t('field.domain.holder'), render: (_: unknown, s: Service) => s.domains?.[0]?.holder ?? '—' },
            {
              title: t('field.domain.realNameVerifiedOn'),
              render: (_: unknown, s: Service) => s.domains?.[0]?.realNameVerifiedOn ?? '—',
            },
            {
              title: t('field.domain.expiresOn'),
              render: (_: unknown, s: Service) => s.domains?.[0]?.expiresOn ?? '—',
            },
            { title: t('field.access.serviceCode'), render: (_: unknown, s: Service) => s.access?.serviceCode ?? '—' },
            { title: t('field.access.ips'), render: (_: unknown, s: Service) => s.access?.ips?.join(', ') || '—' },
            {
              title: t('field.service.contentTypes'),
              render: (_: unknown, s: Service) =>
                (s.contentTypes ?? []).map((c) => name(CONTENT_TYPE_NAMES, c)).join('、') || '—',
            },
            {
              title: t('field.serviceLeaderShort'),
              render: (_: unknown, s: Service) =>
                typeof s.leader === 'object' && s.leader
                  ? String((s.leader as { name?: string }).name ?? '')
                  : t('wizard.sameLeaderShort'),
            },
          ]}
        />
      </Card>
      <DecisionDialog
        decision={dialog}
        order={order}
        isBusy={isBusy}
        onCancel={() => setDialog(null)}
        onSubmit={(decision, body) => void decide(decision, body)}
      />
    </Space>
  );
}
