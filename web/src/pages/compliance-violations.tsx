import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, call, type Bilingual } from '../api/client.ts';
import { useCursorPages } from '../api/useCursorPages.ts';
import { useLoad } from '../api/useLoad.tsx';
import { formatTime, type MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';

const KINDS = ['violation', 'owner_unreachable', 'false_contact', 'refused_deletion'] as const;
type Kind = (typeof KINDS)[number];
type Action = 'record_only' | 'suspend' | 'close';
type ServiceState = 'connected' | 'suspended' | 'revoked' | 'cancelled';
type Incident = {
  id: string;
  serviceNumber: string;
  subjectNumber: string;
  domains: string[];
  kind: Kind;
  kindName: Bilingual;
  note: string;
  occurredAt: string;
  recordedBy: string | null;
  action: Action;
  actionName: Bilingual;
  rule: { id: string; text: Bilingual; source: string };
  suspension: { until: string; liftedAt: string | null; isActive: boolean } | null;
  serviceState: ServiceState;
};
type Page = { items: Incident[]; nextCursor: string | null; now: string };
type Rule = { id: string; kind: Kind; action: Action; text: Bilingual; source: string };
type Values = { serviceNumber: string; kind: Kind; note: string };

const ACTION_COLOURS: Record<Action, string> = { record_only: 'default', suspend: 'orange', close: 'red' };
const STATE_COLOURS: Record<ServiceState, string> = { connected: 'green', suspended: 'orange', revoked: 'red', cancelled: 'default' };

/**
 * The violation ledger (compliance, admin): every content-violation incident, the rule that decided it and the
 * suspension or closure it caused; a modal records a new one, and the outcome is shown at once.
 */
export function ComplianceViolationsPage() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [service, setService] = useState('');
  const [isOpen, setOpen] = useState(false);
  // One key per opening of the modal: a second click or a retry records the incident once.
  const [attempt, setAttempt] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const incidents = useCursorPages((request) => call('GET /api/v1/compliance/incidents')<Page>({ query: { ...(service ? { service } : {}), ...request } }), [service]);
  const rules = useLoad(() => call('GET /api/v1/compliance/incident-rules')<{ items: Rule[] }>({}), []);

  const onFinish = (values: Values) => {
    setBusy(true);
    setError(null);
    call('POST /api/v1/compliance/incidents')<Incident>({ body: values, headers: { 'idempotency-key': attempt } })
      .then((incident) => {
        void message.success(t('violations.recorded', { outcome: pick(incident.actionName) }));
        setOpen(false);
        form.resetFields();
        return incidents.reload();
      })
      .catch((e: ApiError) => {
        setError(e);
        const fields = (e.details.fields ?? []).map((f) => ({ name: f.path.replace(/^body\./, '') as keyof Values, errors: [pick(f.message)] }));
        if (fields.length) form.setFields(fields);
      })
      .finally(() => setBusy(false));
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('violations.nav')}
        extra={
          <Button
            type="primary"
            onClick={() => {
              setAttempt(crypto.randomUUID());
              setOpen(true);
            }}
          >
            {t('violations.record')}
          </Button>
        }
      >
        <Typography.Paragraph>{t('violations.intro')}</Typography.Paragraph>
        <Input.Search
          allowClear
          aria-label={t('violations.filter')}
          placeholder={t('violations.filter')}
          onSearch={(value) => setService(value.trim())}
          style={{ maxWidth: 360, marginBottom: 16 }}
        />
        {incidents.error && <Alert type="error" showIcon title={pick(incidents.error.bilingual)} />}
        <Table
          rowKey="id"
          loading={incidents.isLoading}
          dataSource={incidents.items}
          scroll={{ x: 'max-content' }}
          pagination={false}
          locale={{ emptyText: t('common.noData') }}
          expandable={{ expandedRowRender: (r: Incident) => <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.note}</Typography.Paragraph> }}
          columns={[
            { title: t('violations.occurredAt'), key: 'occurredAt', render: (_: unknown, r: Incident) => formatTime(r.occurredAt, lang) },
            { title: t('violations.serviceNumber'), dataIndex: 'serviceNumber' },
            { title: t('violations.domains'), key: 'domains', render: (_: unknown, r: Incident) => r.domains.join(', ') },
            { title: t('violations.kind'), key: 'kind', render: (_: unknown, r: Incident) => pick(r.kindName) },
            { title: t('violations.action'), key: 'action', render: (_: unknown, r: Incident) => <Outcome incident={r} /> },
            { title: t('violations.rule'), key: 'rule', render: (_: unknown, r: Incident) => pick(r.rule.text) },
            {
              title: t('violations.serviceState'),
              key: 'serviceState',
              render: (_: unknown, r: Incident) => <Tag color={STATE_COLOURS[r.serviceState]}>{t(`violations.state.${r.serviceState}` as MessageKey)}</Tag>,
            },
            { title: t('violations.recordedBy'), key: 'recordedBy', render: (_: unknown, r: Incident) => r.recordedBy ?? '—' },
          ]}
        />
        {incidents.hasMore && (
          <Button style={{ marginTop: 16 }} onClick={() => void incidents.loadMore()}>
            {t('violations.more')}
          </Button>
        )}
      </Card>
      <Card title={t('violations.rules')}>
        <Table
          rowKey="id"
          loading={rules.isLoading}
          dataSource={rules.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('violations.kind'), key: 'kind', render: (_: unknown, r: Rule) => t(`violations.kind.${r.kind}` as MessageKey) },
            { title: t('violations.rule'), key: 'text', render: (_: unknown, r: Rule) => pick(r.text) },
            { title: t('violations.source'), dataIndex: 'source' },
          ]}
        />
      </Card>
      <Modal
        open={isOpen}
        title={t('violations.record')}
        okText={t('violations.submit')}
        cancelText={t('violations.cancel')}
        confirmLoading={isBusy}
        onOk={() => form.submit()}
        onCancel={() => {
          setOpen(false);
          setError(null);
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark initialValues={{ kind: 'violation', serviceNumber: service }}>
          <Form.Item
            label={t('violations.serviceNumber')}
            name="serviceNumber"
            extra={t('violations.serviceNumberHint')}
            rules={[{ required: true, whitespace: true, message: t('violations.serviceNumberRequired') }]}
          >
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('violations.kind')} name="kind" rules={[{ required: true, message: t('violations.kindRequired') }]}>
            <Select options={KINDS.map((kind) => ({ value: kind, label: t(`violations.kind.${kind}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item
            label={t('violations.note')}
            name="note"
            extra={t('violations.noteHint')}
            rules={[{ required: true, whitespace: true, message: t('violations.noteRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          {error && !error.details.fields?.length && <Alert type="error" showIcon role="alert" title={pick(error.bilingual)} />}
        </Form>
      </Modal>
    </Space>
  );
}

/** What an incident did: the outcome, and for a suspension until when (or since when the site is back). */
function Outcome({ incident }: { incident: Incident }) {
  const { t, pick, lang } = useI18n();
  return (
    <Space orientation="vertical" size={0}>
      <Tag color={ACTION_COLOURS[incident.action]}>{pick(incident.actionName)}</Tag>
      {incident.suspension && (
        <Typography.Text type="secondary">
          {incident.suspension.liftedAt
            ? t('violations.liftedAt', { time: formatTime(incident.suspension.liftedAt, lang) })
            : t('violations.suspendedUntil', { time: formatTime(incident.suspension.until, lang) })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** One filing's content-violation incidents, for its compliance history page. */
export function SubjectViolationsCard({ subjectNumber }: { subjectNumber: string }) {
  const { t, pick, lang } = useI18n();
  const list = useLoad(() => call('GET /api/v1/compliance/incidents')<Page>({ query: { subject: subjectNumber, limit: 200 } }), [subjectNumber]);
  return (
    <Card title={t('violations.history')} extra={<Link to="/compliance/violations">{t('violations.nav')}</Link>}>
      {list.error && <Alert type="error" showIcon title={pick(list.error.bilingual)} />}
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('common.noData') }}
        columns={[
          { title: t('violations.occurredAt'), key: 'occurredAt', render: (_: unknown, r: Incident) => formatTime(r.occurredAt, lang) },
          { title: t('violations.serviceNumber'), dataIndex: 'serviceNumber' },
          { title: t('violations.kind'), key: 'kind', render: (_: unknown, r: Incident) => pick(r.kindName) },
          { title: t('violations.action'), key: 'action', render: (_: unknown, r: Incident) => <Outcome incident={r} /> },
          { title: t('violations.note'), dataIndex: 'note' },
        ]}
      />
    </Card>
  );
}
