import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { call, type ApiError } from '../api/client.ts';
import { LoadedView, useLoad } from '../api/useLoad.tsx';
import { ACCESS_STATE_NAMES, formatTime, type MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { useSession } from '../session.tsx';
import { DecisionModal, FindingStatusTag, type ComplianceFinding, type Decision } from './compliance-parts.tsx';
import { SubjectViolationsCard } from './compliance-violations.tsx';

type Revocation = {
  id: string;
  serviceNumbers: string[];
  domains: string[];
  reason: string;
  source: 'staff' | 'finding' | 'violation';
  revokedAt: string;
  regulator: { status: 'pending' | 'sent' | 'refused'; ref: string | null; sentAt: string | null; error: string | null };
};
type History = {
  subject: { number: string; name: string; province: string; status: string };
  services: { number: string; name: string; domain: string | null; accessState: string }[];
  findings: ComplianceFinding[];
  hasMoreFindings?: boolean;
  revocations: Revocation[];
};

/** A filing's compliance history for staff: services and their access, every finding, every revocation; 取消接入 from here. */
export function ComplianceFilingPage() {
  const { number = '' } = useParams();
  const state = useLoad(() => call('GET /api/v1/compliance/filings/{subjectNumber}')<History>({ params: { subjectNumber: number } }), [number]);
  return <LoadedView state={state}>{(history) => <HistoryView history={history} reload={state.reload} />}</LoadedView>;
}

function HistoryView({ history, reload }: { history: History; reload(): Promise<void> }) {
  const { t, pick, lang } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<{ finding: ComplianceFinding; decision: Decision } | null>(null);
  const [isRevoking, setRevoking] = useState(false);
  const [form] = Form.useForm<{ services: string[]; reason: string }>();
  const connected = history.services.filter((s) => s.accessState === 'connected');
  const mayDecide = user?.role === 'compliance';

  async function revoke() {
    const values = await form.validateFields();
    try {
      await call('POST /api/v1/filings/{subjectNumber}/access-revocations')({ params: { subjectNumber: history.subject.number }, body: values });
      message.success(t('compliance.modal.done'));
      setRevoking(false);
      form.resetFields();
      await reload();
    } catch (e) {
      message.error(pick((e as ApiError).bilingual));
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={`${history.subject.name} · ${history.subject.number}`}
        extra={
          <Space>
            <Link to={`/filings/${encodeURIComponent(history.subject.number)}`}>{t('crumb.filing')}</Link>
            {connected.length > 0 && (
              <Button danger onClick={() => setRevoking(true)}>
                {t('compliance.history.revokeServices')}
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Title level={5}>{t('compliance.history.services')}</Typography.Title>
        <Table
          rowKey="number"
          size="small"
          pagination={false}
          dataSource={history.services}
          columns={[
            { title: t('compliance.rev.services'), dataIndex: 'number' },
            { title: t('field.service.name'), dataIndex: 'name' },
            { title: t('field.domain.name'), dataIndex: 'domain', render: (d: string | null) => d ?? '—' },
            { title: t('filed.access'), dataIndex: 'accessState', render: (s: string) => <Tag color={s === 'connected' ? 'green' : 'red'}>{pick(ACCESS_STATE_NAMES[s]) || s}</Tag> },
          ]}
        />
      </Card>
      <Card title={t('compliance.history.findings')}>
        {history.hasMoreFindings && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('compliance.history.moreFindings', { shown: history.findings.length })} />}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={history.findings}
          locale={{ emptyText: t('common.noData') }}
          columns={[
            { title: t('compliance.col.code'), render: (_: unknown, f: ComplianceFinding) => pick(f.title) },
            { title: t('compliance.col.site'), render: (_: unknown, f: ComplianceFinding) => f.domain ?? f.serviceNumber ?? '—' },
            { title: t('compliance.col.detectedAt'), dataIndex: 'detectedAt', render: (d: string) => formatTime(d, lang) },
            { title: t('compliance.col.deadline'), dataIndex: 'deadline', render: (d: string | null) => (d ? formatTime(d, lang) : '—') },
            { title: t('compliance.col.status'), render: (_: unknown, f: ComplianceFinding) => <FindingStatusTag finding={f} /> },
            { title: t('compliance.col.evidence'), dataIndex: 'evidenceSummary' },
            {
              title: t('compliance.col.actions'),
              render: (_: unknown, f: ComplianceFinding) =>
                f.status === 'open' && mayDecide ? (
                  <Space size={0}>
                    {(['extend', 'waive', 'revoke'] as const).map((d) => (
                      <Button key={d} type="link" size="small" danger={d === 'revoke'} onClick={() => setDeciding({ finding: f, decision: d })}>
                        {t(`compliance.action.${d}` as MessageKey)}
                      </Button>
                    ))}
                  </Space>
                ) : (
                  f.decisionReason ?? ''
                ),
            },
          ]}
        />
      </Card>
      <Card title={t('compliance.history.revocations')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={history.revocations}
          locale={{ emptyText: t('common.noData') }}
          columns={[
            { title: t('compliance.rev.at'), dataIndex: 'revokedAt', render: (d: string) => formatTime(d, lang) },
            { title: t('compliance.rev.services'), render: (_: unknown, r: Revocation) => `${r.serviceNumbers.join('、')}（${r.domains.join('、')}）` },
            { title: t('compliance.rev.reason'), dataIndex: 'reason' },
            { title: t('compliance.rev.source'), dataIndex: 'source', render: (s: string) => t(`compliance.source.${s}` as MessageKey) },
            {
              title: t('compliance.rev.regulator'),
              render: (_: unknown, r: Revocation) => (
                <Space orientation="vertical" size={0}>
                  <Tag color={r.regulator.status === 'sent' ? 'green' : r.regulator.status === 'refused' ? 'red' : 'orange'}>{t(`compliance.regulator.${r.regulator.status}` as MessageKey)}</Tag>
                  {r.regulator.ref && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.regulator.ref}</Typography.Text>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <SubjectViolationsCard subjectNumber={history.subject.number} />
      <DecisionModal
        finding={deciding?.finding ?? null}
        decision={deciding?.decision ?? null}
        onClose={(changed) => {
          setDeciding(null);
          if (changed) void reload();
        }}
      />
      <Modal
        open={isRevoking}
        title={t('compliance.modal.revokeTitle')}
        okText={t('compliance.action.revoke')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onOk={() => void revoke()}
        onCancel={() => setRevoking(false)}
        destroyOnHidden
      >
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('compliance.modal.revokeHelp')} />
        <Form form={form} layout="vertical">
          <Form.Item name="services" label={t('compliance.history.pickServices')} rules={[{ required: true, message: t('compliance.history.servicesRequired') }]}>
            <Checkbox.Group options={connected.map((s) => ({ value: s.number, label: `${s.number} ${s.domain ?? s.name}` }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('compliance.modal.reason')} rules={[{ required: true, whitespace: true, message: t('compliance.modal.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
