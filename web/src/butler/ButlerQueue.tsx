import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { call } from '../api/client.ts';
import { useLoad } from '../api/useLoad.tsx';
import { formatTime, type MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { useServerNow } from './clock.ts';
import { ClockCell, StatusTag } from './parts.tsx';
import { TicketActions } from './TicketActions.tsx';
import type { ButlerService, TicketList, TicketStatus } from './types.ts';

const STATUSES: TicketStatus[] = ['open', 'responded', 'confirmed', 'submitted', 'accepted', 'closed'];

/**
 * The butler's landing page: every ticket with its clock, counted on the server's clock; the ones whose clock ran
 * out first (the server sorts them so), then by how soon a clock runs out. The next step can be taken from the row.
 */
export function ButlerQueue() {
  const { t, pick, lang } = useI18n();
  const [status, setStatus] = useState<TicketStatus | undefined>();
  const queue = useLoad(() => call('GET /api/v1/butler/tickets')<TicketList>({ query: { status, pageSize: 100 } }), [status]);
  const now = useServerNow(queue.data?.now, 15_000);
  const items = queue.data?.items ?? [];
  const overdue = items.filter((ticket) => ticket.isOverdue).length;

  return (
    <Card
      title={t('butler.nav.queue')}
      extra={overdue > 0 ? <Tag color="red">{t('butler.queue.overdueCount', { n: overdue })}</Tag> : undefined}
    >
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Select
          allowClear
          placeholder={t('butler.queue.allStatuses')}
          aria-label={t('butler.col.status')}
          style={{ width: 200 }}
          value={status}
          onChange={(value) => setStatus(value)}
          options={STATUSES.map((s) => ({ value: s, label: t((s === 'responded' ? 'butler.status.respondedForStaff' : `butler.status.${s}`) as MessageKey) }))}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('butler.queue.intro')}
        </Typography.Text>
      </Space>
      <Table
        rowKey="id"
        loading={queue.isLoading}
        dataSource={items}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={false}
        rowClassName={(r) => (r.isOverdue ? 'butler-overdue' : '')}
        locale={{ emptyText: queue.error ? pick(queue.error.bilingual) : t('butler.queue.empty') }}
        columns={[
          { title: t('butler.col.number'), dataIndex: 'number', render: (n: string, r) => <Link to={`/butler/tickets/${r.id}`}>{n}</Link> },
          { title: t('butler.col.clock'), key: 'clock', render: (_: unknown, r) => <ClockCell ticket={r} now={now} /> },
          {
            title: t('butler.col.service'),
            dataIndex: 'service',
            render: (s: ButlerService, r) => (
              <Space orientation="vertical" size={2}>
                <span style={{ whiteSpace: 'nowrap' }}>{t(`butler.service.${s}` as MessageKey)}</span>
                <StatusTag status={r.status} />
              </Space>
            ),
          },
          {
            title: t('butler.col.contact'),
            dataIndex: 'contactMobile',
            render: (mobile: string, r) => (
              <Space orientation="vertical" size={0}>
                <span>{mobile}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.applicant ?? '—'}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('butler.col.openedAt'), dataIndex: 'openedAt', render: (v: string) => formatTime(v, lang) },
          {
            title: t('butler.col.action'),
            key: 'action',
            render: (_: unknown, r) => <TicketActions ticket={r} isOwner={false} size="small" isNextStepOnly onChanged={() => void queue.reload()} />,
          },
        ]}
      />
    </Card>
  );
}
