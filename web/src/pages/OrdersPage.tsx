import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Grid, List, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, call } from '../api/client.ts';
import type { OrderSummary } from '../api/types.ts';
import { useLoad } from '../api/useLoad.tsx';
import { formatTime, KIND_NAMES } from '../i18n.ts';
import { useI18n } from '../lang.tsx';

export const EDITABLE = ['draft', 'supplement_requested', 'provider_rejected', 'regulator_rejected'];
type Page = { items: OrderSummary[]; total: number; page: number; pageSize: number };

export function statusColour(status: string): string {
  if (status === 'approved') return 'green';
  if (status.endsWith('rejected')) return 'red';
  if (status === 'abandoned') return 'default';
  if (status === 'draft' || status === 'supplement_requested' || status === 'sms_verification') return 'orange';
  return 'blue';
}

/** My filings: in-progress and completed tabs, with continue / view / abandon. */
export function OrdersPage() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [tab, setTab] = useState<'in_progress' | 'completed'>('in_progress');
  const [page, setPage] = useState(1);
  const isNarrow = !Grid.useBreakpoint().md;
  const list = useLoad(() => call('GET /api/v1/orders')<Page>({ query: { tab, page, pageSize: 20 } }), [tab, page]);

  const abandon = (id: string) =>
    call('POST /api/v1/orders/{id}/abandon')({ params: { id } })
      .then(() => {
        message.success(t('orders.abandoned'));
        return list.reload();
      })
      .catch((e: ApiError) => message.error(pick(e.bilingual)));

  const actions = (r: OrderSummary) => (
    <Space>
      {EDITABLE.includes(r.status) ? (
        <Link to={`/orders/${r.id}/edit`}>{t('orders.continue')}</Link>
      ) : (
        <Link to={`/orders/${r.id}`}>{t('common.view')}</Link>
      )}
      {r.filingNumber && r.status === 'approved' && (
        <Link to={`/filings/${encodeURIComponent(r.filingNumber)}`}>{t('orders.filing')}</Link>
      )}
      {EDITABLE.includes(r.status) && (
        <Popconfirm
          title={t('orders.abandonConfirm')}
          description={t('orders.abandonHelp')}
          okText={t('orders.abandon')}
          cancelText={t('common.cancel')}
          onConfirm={() => abandon(r.id)}
        >
          <Button type="link" danger size="small" style={{ padding: 0 }}>
            {t('orders.abandon')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
  const emptyText = list.error
    ? pick(list.error.bilingual)
    : tab === 'in_progress'
      ? t('orders.emptyInProgress')
      : t('common.noData');
  const pagination = {
    current: page,
    pageSize: 20,
    total: list.data?.total ?? 0,
    onChange: setPage,
    hideOnSinglePage: true,
  };

  return (
    <Card
      title={t('nav.orders')}
      extra={
        <Link to="/orders/new">
          <Button type="primary" icon={<PlusOutlined />}>
            {t('nav.newFiling')}
          </Button>
        </Link>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setTab(key as typeof tab);
          setPage(1);
        }}
        items={[
          { key: 'in_progress', label: t('orders.inProgress') },
          { key: 'completed', label: t('orders.completed') },
        ]}
      />
      {isNarrow ? (
        // On a phone each order is a small card instead of a table row.
        <List
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText }}
          pagination={(list.data?.total ?? 0) > 20 ? { ...pagination, size: 'small' } : false}
          renderItem={(r) => (
            <List.Item>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Link to={`/orders/${r.id}`}>{r.number}</Link>
                  <Tag color={statusColour(r.status)}>{pick(r.step) || r.status}</Tag>
                </Space>
                <Typography.Text>{r.domain ?? '—'}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.kind ? pick(KIND_NAMES[r.kind]) : t('orders.kindPending')} · {formatTime(r.createdAt, lang)}
                </Typography.Text>
                {actions(r)}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText }}
          pagination={pagination}
          columns={[
            {
              title: t('orders.number'),
              dataIndex: 'number',
              render: (n: string, r) => <Link to={`/orders/${r.id}`}>{n}</Link>,
            },
            { title: t('orders.domain'), dataIndex: 'domain', render: (d: string | null) => d ?? '—' },
            { title: t('orders.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
            {
              title: t('orders.kind'),
              dataIndex: 'kind',
              render: (k: string | null) => (k ? pick(KIND_NAMES[k]) : t('orders.kindPending')),
            },
            {
              title: t('orders.step'),
              dataIndex: 'status',
              render: (s: string, r) => <Tag color={statusColour(s)}>{pick(r.step) || s}</Tag>,
            },
            { title: t('orders.actions'), render: (_: unknown, r: OrderSummary) => actions(r) },
          ]}
        />
      )}
    </Card>
  );
}
