import { Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { call } from '../api/client.ts';
import { useCursorPages } from '../api/useCursorPages.ts';
import { formatTime, type MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { useSession } from '../session.tsx';
import { DecisionModal, FINDING_CODES, FindingStatusTag, type ComplianceFinding, type Decision, type FindingPage } from './compliance-parts.tsx';

type Status = ComplianceFinding['status'];
const STATUSES: Status[] = ['open', 'closed', 'waived', 'revoked'];

/**
 * The compliance officer's queue: findings by deadline, overdue first (the API orders them so), filtered by status
 * and code; each open one can be extended, waived or revoked with a reason.
 */
export function ComplianceFindingsPage() {
  const { t, pick, lang } = useI18n();
  const { user } = useSession();
  /** Deciding a finding is the compliance officer's (DESIGN §5.9); an admin reads the queue. */
  const mayDecide = user?.role === 'compliance';
  const [status, setStatus] = useState<Status | undefined>('open');
  // A sweep run links here with its code (/compliance/findings?code=SHELL_SITE).
  const [searchParams] = useSearchParams();
  const [code, setCode] = useState<string | undefined>(searchParams.get('code') ?? undefined);
  const [subject, setSubject] = useState('');
  const [deciding, setDeciding] = useState<{ finding: ComplianceFinding; decision: Decision } | null>(null);
  // The status and code filters reload at once; the subject filter waits for its search button.
  const findings = useCursorPages(
    (request) => call('GET /api/v1/compliance/findings')<FindingPage>({ query: { status, code, subject: subject.trim() || undefined, ...request } }),
    [status, code],
  );

  const decide = (finding: ComplianceFinding, decision: Decision) => setDeciding({ finding, decision });

  return (
    <Card title={t('compliance.findings.title')}>
      <Typography.Paragraph type="secondary">{t('compliance.findings.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label={t('compliance.filter.status')}
          placeholder={t('compliance.filter.status')}
          style={{ width: 160 }}
          value={status}
          onChange={(value) => setStatus(value)}
          options={STATUSES.map((s) => ({ value: s, label: t(`compliance.status.${s}` as MessageKey) }))}
        />
        <Select
          allowClear
          aria-label={t('compliance.filter.code')}
          placeholder={t('compliance.filter.code')}
          style={{ width: 260 }}
          value={code}
          onChange={(value) => setCode(value)}
          options={FINDING_CODES.map((c) => ({ value: c, label: c }))}
        />
        <Input.Search
          aria-label={t('compliance.filter.subject')}
          placeholder={t('compliance.filter.subject')}
          allowClear
          style={{ width: 260 }}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          onSearch={() => void findings.reload()}
          enterButton={t('compliance.filter.search')}
        />
      </Space>
      <Table
        rowKey="id"
        loading={findings.isLoading}
        dataSource={findings.items}
        size="middle"
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: findings.error ? pick(findings.error.bilingual) : t('common.noData') }}
        columns={[
          {
            title: t('compliance.col.deadline'),
            dataIndex: 'deadline',
            render: (d: string | null, f) => (
              <Space orientation="vertical" size={2}>
                <span style={{ whiteSpace: 'nowrap' }}>{d ? formatTime(d, lang) : '—'}</span>
                <FindingStatusTag finding={f} />
              </Space>
            ),
          },
          {
            title: t('compliance.col.code'),
            dataIndex: 'code',
            render: (c: string, f) => (
              <Space orientation="vertical" size={0}>
                <span>{pick(f.title)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('compliance.col.site'),
            render: (_: unknown, f) => (
              <Space orientation="vertical" size={0}>
                <span>{f.domain ?? '—'}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.serviceNumber ?? ''}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('compliance.col.subject'),
            dataIndex: 'subjectNumber',
            render: (n: string) => <Link to={`/compliance/filings/${encodeURIComponent(n)}`}>{n}</Link>,
          },
          { title: t('compliance.col.evidence'), dataIndex: 'evidenceSummary', render: (e: string) => <Typography.Text style={{ fontSize: 12, maxWidth: 320, display: 'inline-block' }}>{e}</Typography.Text> },
          { title: t('compliance.col.detectedAt'), dataIndex: 'detectedAt', render: (d: string) => formatTime(d, lang) },
          {
            title: t('compliance.col.actions'),
            // The decisions stay in view on a laptop screen while the evidence scrolls.
            fixed: 'right',
            render: (_: unknown, f) =>
              f.status === 'open' && mayDecide ? (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => decide(f, 'extend')}>
                    {t('compliance.action.extend')}
                  </Button>
                  <Button type="link" size="small" onClick={() => decide(f, 'waive')}>
                    {t('compliance.action.waive')}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => decide(f, 'revoke')}>
                    {t('compliance.action.revoke')}
                  </Button>
                </Space>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.decisionReason ?? ''}
                </Typography.Text>
              ),
          },
        ]}
      />
      {findings.hasMore && (
        <Button style={{ marginTop: 12 }} onClick={() => void findings.loadMore()} loading={findings.isLoading}>
          {t('compliance.more')}
        </Button>
      )}
      <DecisionModal
        finding={deciding?.finding ?? null}
        decision={deciding?.decision ?? null}
        onClose={(changed) => {
          setDeciding(null);
          if (changed) void findings.reload();
        }}
      />
    </Card>
  );
}
