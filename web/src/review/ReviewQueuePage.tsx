import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PROVINCE_LIST } from '../../../src/rules/data/provinces.ts';
import { call } from '../api/client.ts';
import type { QueueItem } from '../api/types.ts';
import { useCursorPages } from '../api/useCursorPages.ts';
import { formatTime, KIND_NAMES, translate, type Lang } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { useSession } from '../session.tsx';
import { isTyping } from './keys.ts';

/** "剩余 5h 20m" / "已超时 1h 02m" against the server's clock (demo mode runs a virtual one). */
export function countdown(due: string | null, now: number, lang: Lang): { text: string; isOverdue: boolean } {
  if (!due) return { text: '—', isOverdue: false };
  const ms = Date.parse(due) - now;
  const hours = Math.floor(Math.abs(ms) / 3_600_000);
  const minutes = String(Math.floor((Math.abs(ms) % 3_600_000) / 60_000)).padStart(2, '0');
  const span = `${hours}h ${minutes}m`;
  if (ms < 0) return { text: translate(lang, 'review.overdue', { span }), isOverdue: true };
  return { text: translate(lang, 'review.left', { span }), isOverdue: false };
}

/** Server "now", ticking every 30 s. */
export function useServerNow(): number {
  const { clockOffsetMs } = useSession();
  const [now, setNow] = useState(() => Date.now() + clockOffsetMs);
  useEffect(() => {
    setNow(Date.now() + clockOffsetMs);
    const timer = setInterval(() => setNow(Date.now() + clockOffsetMs), 30_000);
    return () => clearInterval(timer);
  }, [clockOffsetMs]);
  return now;
}

/** The queue filters live in the URL, so the order page can walk the same queue with J / K. */
export function useQueue() {
  const [params] = useSearchParams();
  const province = params.get('province') ?? undefined;
  const kind = params.get('kind') ?? undefined;
  // The whole queue's count comes with every page; the list itself grows a page at a time.
  const [total, setTotal] = useState(0);
  const state = useCursorPages(
    async ({ cursor, limit }) => {
      const page = await call('GET /api/v1/review/queue')<QueuePage>({
        query: { province, kind, limit, ...(cursor ? { cursor } : {}) },
      });
      setTotal(page.total);
      return page;
    },
    [province, kind],
    QUEUE_PAGE_SIZE,
  );
  const suffix = params.toString() ? `?${params}` : '';
  return { ...state, total, province, kind, suffix };
}

/** Reviewers walk the queue with J / K: a long first page keeps that walk going. */
const QUEUE_PAGE_SIZE = 200;
type QueuePage = { items: QueueItem[]; total: number; nextCursor: string | null };

export function ReviewQueuePage() {
  const { t, pick, lang } = useI18n();
  const navigate = useNavigate();
  const [, setParams] = useSearchParams();
  const queue = useQueue();
  const now = useServerNow();
  const [selected, setSelected] = useState(0);
  const { items, suffix } = queue;

  const setFilter = (name: 'province' | 'kind', value: string | undefined) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event) || items.length === 0) return;
      if (event.key === 'j') setSelected((i) => Math.min(i + 1, items.length - 1));
      else if (event.key === 'k') setSelected((i) => Math.max(i - 1, 0));
      else if (event.key === 'Enter' && items[selected]) navigate(`/review/${items[selected].id}${suffix}`);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, selected, navigate, suffix]);

  return (
    <Card title={t('nav.review')} extra={<Typography.Text type="secondary">{t('review.oldestFirst')}</Typography.Text>}>
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('field.province')}
            aria-label={t('field.province')}
            style={{ width: 160 }}
            value={queue.province}
            onChange={(v) => setFilter('province', v)}
            options={PROVINCE_LIST.map((p) => ({ value: p.code, label: lang === 'zh' ? p.name : p.nameEn }))}
          />
          <Select
            allowClear
            placeholder={t('orders.kind')}
            aria-label={t('orders.kind')}
            style={{ width: 240 }}
            value={queue.kind}
            onChange={(v) => setFilter('kind', v)}
            options={Object.entries(KIND_NAMES).map(([value, label]) => ({ value, label: pick(label) }))}
          />
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('review.queueKeys')}
        </Typography.Text>
      </Space>
      <Table
        rowKey="id"
        loading={queue.isLoading}
        dataSource={items}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={false}
        rowClassName={(_, index) => (index === selected ? 'ant-table-row-selected' : '')}
        onRow={(r, index) => ({
          onClick: () => setSelected(index ?? 0),
          onDoubleClick: () => navigate(`/review/${r.id}${suffix}`),
        })}
        locale={{ emptyText: queue.error ? pick(queue.error.bilingual) : t('review.empty') }}
        columns={[
          {
            title: t('orders.number'),
            dataIndex: 'number',
            render: (n: string, r) => <Link to={`/review/${r.id}${suffix}`}>{n}</Link>,
          },
          { title: t('field.subject.name'), dataIndex: 'subjectName' },
          { title: t('orders.domain'), dataIndex: 'domains', render: (d: string[]) => d.join(', ') || '—' },
          { title: t('orders.kind'), dataIndex: 'kind', render: (k: string | null) => (k ? pick(KIND_NAMES[k]) : '—') },
          {
            title: t('field.province'),
            dataIndex: 'province',
            render: (code: string | null) => {
              const p = PROVINCE_LIST.find((x) => x.code === code);
              return p ? (lang === 'zh' ? p.name : p.nameEn) : '—';
            },
          },
          {
            title: t('review.submittedAt'),
            dataIndex: 'submittedAt',
            render: (v: string | null) => (v ? formatTime(v, lang) : '—'),
          },
          {
            title: t('review.sla'),
            dataIndex: 'slaDueAt',
            render: (v: string | null) => {
              const left = countdown(v, now, lang);
              return <Tag color={left.isOverdue ? 'red' : 'blue'}>{left.text}</Tag>;
            },
          },
          { title: t('review.claimedBy'), dataIndex: 'claimedBy', render: (v: string | null) => v ?? '—' },
        ]}
      />
      {items.length > 0 && (
        <Space style={{ marginTop: 12, justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text type="secondary">
            {t('review.shown', { shown: items.length, total: queue.total })}
          </Typography.Text>
          {queue.hasMore && (
            <Button onClick={() => void queue.loadMore()} loading={queue.isLoading}>
              {t('common.loadMore')}
            </Button>
          )}
        </Space>
      )}
    </Card>
  );
}
