import { Alert, App, Card, Form, Input, InputNumber, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { call, type ApiError, type Bilingual } from '../api/client.ts';
import { formatTime, type MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';

/** A compliance finding as the API sends it (DESIGN §5.9, src/compliance/findings/repo.ts). */
export type ComplianceFinding = {
  id: string;
  kind: string;
  code: string;
  title: Bilingual;
  explanation: Bilingual | null;
  subjectNumber: string;
  serviceNumber: string | null;
  domain: string | null;
  detectedAt: string;
  lastSeenAt: string;
  deadline: string | null;
  isOverdue: boolean;
  status: 'open' | 'closed' | 'waived' | 'revoked';
  statusLabel: Bilingual;
  evidence: Record<string, unknown>;
  evidenceSummary: string;
  decidedAt: string | null;
  decisionReason: string | null;
};
export type FindingPage = { items: ComplianceFinding[]; nextCursor: string | null };
export type ShellState = { subject: boolean; services: string[]; next: Bilingual | null };

export const FINDING_CODES = [
  'SHELL_SITE',
  'FOOTER_NUMBER_MISSING',
  'FOOTER_NOT_LINKED',
  'FOOTER_POLICE_NUMBER_MISSING',
  'SITE_UNREACHABLE',
  'DOMAIN_EXPIRED',
  'DOMAIN_HOLDER_CHANGED',
  'DOMAIN_NOT_REAL_NAME',
] as const;

const STATUS_COLOURS: Record<ComplianceFinding['status'], string> = { open: 'orange', closed: 'green', waived: 'blue', revoked: 'red' };

export function FindingStatusTag({ finding }: { finding: ComplianceFinding }) {
  const { t, pick } = useI18n();
  return (
    <Space size={4}>
      <Tag color={STATUS_COLOURS[finding.status]}>{pick(finding.statusLabel)}</Tag>
      {finding.isOverdue && <Tag color="red">{t('compliance.overdue')}</Tag>}
    </Space>
  );
}

export type Decision = 'extend' | 'waive' | 'revoke';
const TITLES: Record<Decision, MessageKey> = { extend: 'compliance.modal.extendTitle', waive: 'compliance.modal.waiveTitle', revoke: 'compliance.modal.revokeTitle' };

/** Extend / waive / revoke one finding, with the reason the audit row keeps. */
export function DecisionModal({ finding, decision, onClose }: { finding: ComplianceFinding | null; decision: Decision | null; onClose(changed: boolean): void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; workdays?: number }>();
  const [isSaving, setSaving] = useState(false);
  const isOpen = finding !== null && decision !== null;

  async function submit() {
    if (!finding || !decision) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      const params = { id: finding.id };
      if (decision === 'extend') await call('POST /api/v1/compliance/findings/{id}/extend')({ params, body: { reason: values.reason, workdays: values.workdays ?? 5 } });
      else if (decision === 'waive') await call('POST /api/v1/compliance/findings/{id}/waive')({ params, body: { reason: values.reason } });
      else await call('POST /api/v1/compliance/findings/{id}/revoke')({ params, body: { reason: values.reason } });
      message.success(t('compliance.modal.done'));
      form.resetFields();
      onClose(true);
    } catch (e) {
      message.error(pick((e as ApiError).bilingual));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={isOpen}
      title={decision ? t(TITLES[decision]) : ''}
      okText={decision ? t(`compliance.action.${decision}` as MessageKey) : ''}
      okButtonProps={{ danger: decision === 'revoke', loading: isSaving }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      {finding && (
        <Typography.Paragraph>
          <Typography.Text strong>{pick(finding.title)}</Typography.Text> · {finding.domain ?? finding.serviceNumber}
        </Typography.Paragraph>
      )}
      {decision === 'revoke' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('compliance.modal.revokeHelp')} />}
      <Form form={form} layout="vertical" initialValues={{ workdays: 5 }}>
        {decision === 'extend' && (
          <Form.Item name="workdays" label={t('compliance.modal.workdays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('compliance.modal.reason')} rules={[{ required: true, whitespace: true, message: t('compliance.modal.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The owner's view on the filed subject page: each open finding explained, what was seen, and the deadline. */
export function OwnerFindingsCard({ findings, shell }: { findings: ComplianceFinding[]; shell?: ShellState }) {
  const { t, pick, lang } = useI18n();
  if (findings.length === 0 && !shell?.next) return null;
  return (
    <Card title={t('compliance.owner.title')} data-testid="owner-findings">
      {shell?.next && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('compliance.shell.title')} description={pick(shell.next)} />}
      {findings.length > 0 && (
        <>
          <Typography.Paragraph type="secondary">{t('compliance.owner.intro')}</Typography.Paragraph>
          <List
            dataSource={findings}
            rowKey="id"
            renderItem={(f) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Typography.Text strong>{pick(f.title)}</Typography.Text>
                      <Typography.Text type="secondary">{[f.domain, f.serviceNumber].filter(Boolean).join(' · ')}</Typography.Text>
                      <FindingStatusTag finding={f} />
                    </Space>
                  }
                  description={
                    <Space orientation="vertical" size={2}>
                      {f.explanation && <span>{pick(f.explanation)}</span>}
                      <span>
                        {t('compliance.owner.evidence')}：{f.evidenceSummary}
                      </span>
                      {f.deadline && <Typography.Text type="danger">{t('compliance.owner.deadline', { time: formatTime(f.deadline, lang) })}</Typography.Text>}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
