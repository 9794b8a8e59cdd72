import { Button, Card, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { PROVINCES } from '../../../src/rules/data/provinces.ts';
import { call, type ApiError } from '../api/client.ts';
import type { FiledSubjectSummary } from '../api/types.ts';
import { formatDate, STATUS_NAMES } from '../i18n.ts';
import { useI18n } from '../lang.tsx';

type FilingsPage = { items: FiledSubjectSummary[]; nextCursor: string | null };

/** The subjects this account has filed here (staff see all), newest first, a page at a time. */
export function FilingsPage() {
  const { t, pick, lang } = useI18n();
  const [items, setItems] = useState<FiledSubjectSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setLoading] = useState(true);

  async function load(after?: string) {
    setLoading(true);
    try {
      const page = await call('GET /api/v1/filings')<FilingsPage>({ query: { cursor: after, limit: 50 } });
      setItems((current) => (after ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setLoading(false);
    }
  }
  useEffect(() => {
    void load();
  }, []);

  return (
    <Card title={t('nav.filings')}>
      <Table
        rowKey="number"
        loading={isLoading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: error ? pick(error.bilingual) : t('filed.empty') }}
        columns={[
          {
            title: t('filed.subjectNumber'),
            dataIndex: 'number',
            render: (n: string) => <Link to={`/filings/${encodeURIComponent(n)}`}>{n}</Link>,
          },
          { title: t('field.subject.name'), dataIndex: 'name' },
          {
            title: t('field.province'),
            dataIndex: 'province',
            render: (p: string) => {
              const info = PROVINCES[p as keyof typeof PROVINCES];
              return info ? (lang === 'zh' ? info.name : info.nameEn) : p;
            },
          },
          {
            title: t('filed.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={s === 'active' ? 'green' : 'default'}>{pick(STATUS_NAMES[s]) || s}</Tag>,
          },
          { title: t('filed.approvedAt'), dataIndex: 'approvedAt', render: (v: string) => formatDate(v, lang) },
        ]}
      />
      {cursor && (
        <Button style={{ marginTop: 12 }} onClick={() => void load(cursor)} loading={isLoading}>
          {t('filed.more')}
        </Button>
      )}
    </Card>
  );
}
